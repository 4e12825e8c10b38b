package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static dev.atelier.engine.wrangle.Family.REDUCE_DIMENSIONS;
import static dev.atelier.engine.wrangle.Family.SELECT_FEATURES;

/// Reduce dimensions (PCA by power iteration on the covariance matrix, no native code) and select features
/// (drop constant, low-variance, highly correlated and ID-like columns). The target column is never dropped.
final class FeatureSteps {
    private FeatureSteps() {
    }

    static List<Transform> all() {
        return List.of(
                T.of("pca", REDUCE_DIMENSIONS, "Principal components (PCA)",
                                "Replaces numeric columns by a few uncorrelated components that keep most of their variation.")
                        .types(T.NUMERIC)
                        .params(P.columns(), P.integer("components", 2, 1, 1000, "How many components to keep."),
                                P.flag("standardize", true, "Scale each column to unit variance first (recommended when units differ)."),
                                P.text("prefix", "pca_", "Names of the new columns: prefix + 1, 2, ..."),
                                P.flag("keep_original", false, "Keep the original columns."))
                        .fitted(FeatureSteps::fitPca, FeatureSteps::applyPca),
                T.of("drop_constant", SELECT_FEATURES, "Drop constant columns",
                                "Drops columns that have a single value (or none) in the training data.")
                        .fitted((f, p, s) -> {
                            var drop = new ArrayList<String>();
                            for (String c : f.names()) {
                                if (!c.equals(f.target()) && new HashSet<>(List.of(f.strings(c))).stream()
                                        .filter(x -> !x.isEmpty()).count() <= 1) {
                                    drop.add(c);
                                }
                            }
                            return State.builder().put("dropped", drop).build();
                        }, FeatureSteps::dropListed),
                T.of("drop_low_variance", SELECT_FEATURES, "Drop low-variance columns",
                                "Drops numeric columns whose training variance is below a threshold.")
                        .params(P.real("threshold", 0.0001, 0, 1e300, "Smallest variance a column needs to stay."))
                        .fitted((f, p, s) -> {
                            var drop = new ArrayList<String>();
                            for (ColumnSchema cs : f.schema()) {
                                if (cs.type() == ColumnType.NUMERIC && !cs.name().equals(f.target())) {
                                    double sd = Ops.std(f.numbers(cs.name()));
                                    if (sd * sd < p.real("threshold")) {
                                        drop.add(cs.name());
                                    }
                                }
                            }
                            return State.builder().put("dropped", drop).build();
                        }, FeatureSteps::dropListed),
                T.of("drop_correlated", SELECT_FEATURES, "Drop correlated columns",
                                "Of each pair of numeric columns more correlated than a threshold, drops the later one.")
                        .params(P.real("threshold", 0.95, 0, 1, "Largest absolute correlation allowed between kept columns."))
                        .fitted((f, p, s) -> {
                            var names = new ArrayList<String>();
                            for (ColumnSchema cs : f.schema()) {
                                if (cs.type() == ColumnType.NUMERIC && !cs.name().equals(f.target())) {
                                    names.add(cs.name());
                                }
                            }
                            double[][] x = names.stream().map(f::numbers).toArray(double[][]::new);
                            var drop = new ArrayList<String>();
                            var dropped = new boolean[names.size()];
                            for (int j = 0; j < names.size(); j++) {
                                for (int i = 0; i < j && !dropped[j]; i++) {
                                    if (!dropped[i] && Math.abs(correlation(x[i], x[j])) > p.real("threshold")) {
                                        dropped[j] = true;
                                        drop.add(names.get(j));
                                    }
                                }
                            }
                            return State.builder().put("dropped", drop).build();
                        }, FeatureSteps::dropListed),
                T.of("drop_high_cardinality", SELECT_FEATURES, "Drop ID-like columns",
                                "Drops category and text columns whose share of distinct training values is above a threshold (such as IDs).")
                        .params(P.real("max_share", 0.9, 0, 1, "Largest share of distinct values a column may have."))
                        .fitted((f, p, s) -> {
                            var drop = new ArrayList<String>();
                            for (ColumnSchema cs : f.schema()) {
                                if ((cs.type() == ColumnType.CATEGORICAL || cs.type() == ColumnType.TEXT)
                                        && !cs.name().equals(f.target()) && f.rows() > 0
                                        && Ops.counts(f.strings(cs.name())).size() > p.real("max_share") * f.rows()) {
                                    drop.add(cs.name());
                                }
                            }
                            return State.builder().put("dropped", drop).build();
                        }, FeatureSteps::dropListed));
    }

    private static void dropListed(Frame f, Params p, State s, Phase ph) {
        s.texts("dropped").stream().filter(f::has).forEach(f::drop);
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                ma += a[i];
                mb += b[i];
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    private static State fitPca(Frame f, Params p, Sources s) {
        List<String> cols = p.columns();
        int d = cols.size();
        int k = Math.min(p.integer("components"), d);
        double[][] x = cols.stream().map(f::numbers).toArray(double[][]::new);
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = Ops.mean(x[j]);
            double sd = Ops.std(x[j]);
            scale[j] = p.flag("standardize") && sd > 0 ? sd : 1;
            if (Double.isNaN(mean[j])) {
                mean[j] = 0;
            }
        }
        int n = f.rows();
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = Double.isNaN(x[j][i]) ? 0 : (x[j][i] - mean[j]) / scale[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double[] values = new double[k];
        double[][] comps = Linear.topEigen(cov, k, values);
        double total = 0;
        for (int a = 0; a < d; a++) {
            total += cov[a][a];
        }
        double[] explained = new double[k];
        for (int e = 0; e < k; e++) {
            explained[e] = total > 0 ? values[e] / total : 0;
        }
        return State.builder().put("mean", mean).put("scale", scale).put("components", comps)
                .put("explained_variance_ratio", explained).build();
    }

    private static void applyPca(Frame f, Params p, State s, Phase ph) {
        List<String> cols = p.columns();
        double[] mean = s.reals("mean");
        double[] scale = s.reals("scale");
        double[][] comps = s.matrix("components");
        double[][] x = cols.stream().map(f::numbers).toArray(double[][]::new);
        int n = f.rows();
        String last = cols.getLast();
        for (int e = 0; e < comps.length; e++) {
            double[] o = new double[n];
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < cols.size(); j++) {
                    double z = Double.isNaN(x[j][i]) ? 0 : (x[j][i] - mean[j]) / scale[j];
                    v += comps[e][j] * z;
                }
                o[i] = v;
            }
            String name = p.text("prefix") + (e + 1);
            f.putNumbers(name, o, last);
            last = name;
        }
        if (!p.flag("keep_original")) {
            cols.forEach(f::drop);
        }
    }
}
