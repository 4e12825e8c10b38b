package dev.atelier.engine.wrangle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/// Small numeric helpers shared by the transforms. NaN marks missing and is skipped by every statistic.
final class Ops {
    private Ops() {
    }

    static double[] present(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                out[i++] = x;
            }
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /// Sample standard deviation (n - 1); 0 for fewer than two values.
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(s / (n - 1));
    }

    static double min(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x < m)) {
                m = x;
            }
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x > m)) {
                m = x;
            }
        }
        return m;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
            }
        }
        return s;
    }

    /// The `q` quantile (0..1) by linear interpolation between order statistics (NumPy's default).
    static double quantile(double[] v, double q) {
        double[] s = present(v);
        if (s.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(s);
        return sortedQuantile(s, q);
    }

    static double sortedQuantile(double[] s, double q) {
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /// Median absolute deviation (unscaled).
    static double mad(double[] v) {
        double m = median(v);
        double[] p = present(v);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.abs(p[i] - m);
        }
        return median(p);
    }

    /// The most frequent non-empty text; ties go to the alphabetically first.
    static String mode(String[] v) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : v) {
            if (s != null && !s.isEmpty()) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        String best = "";
        int bestCount = 0;
        for (var e : new TreeMap<>(counts).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /// Counts of non-empty values.
    static Map<String, Integer> counts(String[] v) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : v) {
            if (s != null && !s.isEmpty()) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        return counts;
    }

    static double[] map(double[] v, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) ? Double.NaN : f.applyAsDouble(v[i]);
        }
        return out;
    }

    /// NaN for infinities (log of 0, division by 0): a missing value, never an infinite one.
    static double finite(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }
}
