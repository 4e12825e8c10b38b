package dev.atelier.engine.learn.linear;

import dev.atelier.engine.job.JobContext;
import dev.atelier.engine.learn.FeatureMatrix;
import dev.atelier.engine.learn.LearnerSpec;
import java.util.random.RandomGenerator;

/// Trains one linear candidate model epoch by epoch with mini-batch SGD (momentum), Adam or RMSProp; keeps the
/// weights of its best validation epoch. Used by one thread at a time.
final class SgdTrainer {
    private final LinearLearner.Config config;
    private final String loss;
    private final double[] x;
    private final double[] y;
    private final double[] rowWeight;
    private final int n;
    private final int d;
    private final int k;
    private final double[] vx;
    private final double[] vy;
    private final int vn;
    private final RandomGenerator random;
    private final int batch;
    private final boolean useBias;
    private final double beta1;
    private final double beta2;
    private final double momentum;
    private final double huberDelta;
    private final double quantile;
    private final double epsilon;
    private final int patience;
    private final double tolerance;
    private final double lrFactor;
    private final double lrMin;
    private final int lrStep;
    private final boolean useScheduler;

    private final double[] w;
    private final double[] b;
    private final double[] m1;
    private final double[] m2;
    private final double[] bm1;
    private final double[] bm2;
    private double lr;
    private long steps;
    private double[] bestW;
    private double[] bestB;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double lastTrain = Double.NaN;
    private double lastValidation = Double.POSITIVE_INFINITY;
    private int sinceImprovement;
    private boolean stopped;

    SgdTrainer(LinearLearner.Config config, LearnerSpec spec, String loss, FeatureMatrix tx, double[] ty,
               double[] rowWeight, FeatureMatrix vxm, double[] vy, int k, RandomGenerator random) {
        this.config = config;
        this.loss = loss;
        this.x = tx.toArray();
        this.y = ty;
        this.rowWeight = rowWeight;
        this.n = tx.rows();
        this.d = tx.columns();
        this.k = k;
        this.vx = vxm.toArray();
        this.vy = vy;
        this.vn = vxm.rows();
        this.random = random;
        this.batch = Math.max(1, spec.intValue("mini_batch_size", 1000));
        this.useBias = spec.bool("use_bias", true);
        this.beta1 = spec.doubleValue("beta_1", 0.9);
        this.beta2 = spec.doubleValue("beta_2", 0.999);
        this.momentum = spec.doubleValue("momentum", 0.0);
        this.huberDelta = spec.doubleValue("huber_delta", 1.0);
        this.quantile = spec.doubleValue("quantile", 0.5);
        this.epsilon = spec.doubleValue("loss_insensitivity", 0.01);
        this.patience = spec.intValue("early_stopping_patience", 3);
        this.tolerance = spec.doubleValue("early_stopping_tolerance", 0.001);
        this.useScheduler = spec.bool("use_lr_scheduler", true);
        this.lrFactor = spec.doubleValue("lr_scheduler_factor", 0.99);
        this.lrMin = spec.doubleValue("lr_scheduler_minimum_lr", 1e-5);
        int stepsPerEpoch = Math.max(1, (n + batch - 1) / batch);
        this.lrStep = spec.isAuto("lr_scheduler_step") ? stepsPerEpoch : spec.intValue("lr_scheduler_step", 1);
        this.lr = config.lr();
        this.w = new double[d * k];
        this.b = new double[k];
        double initScale = spec.doubleValue("init_scale", 0.07);
        double initSigma = spec.doubleValue("init_sigma", 0.01);
        boolean normal = spec.text("init_method", "uniform").equals("normal");
        for (int i = 0; i < w.length; i++) {
            w[i] = normal ? random.nextGaussian() * initSigma : (random.nextDouble() * 2 - 1) * initScale;
        }
        double initBias = spec.doubleValue("init_bias", 0);
        for (int c = 0; c < k; c++) {
            b[c] = useBias ? initBias : 0;
        }
        this.m1 = new double[w.length];
        this.m2 = new double[w.length];
        this.bm1 = new double[k];
        this.bm2 = new double[k];
        this.bestW = w.clone();
        this.bestB = b.clone();
    }

    LinearLearner.Config config() {
        return config;
    }

    boolean stopped() {
        return stopped;
    }

    double lastTrainLoss() {
        return lastTrain;
    }

    double lastValidationLoss() {
        return lastValidation;
    }

    double bestValidationLoss() {
        return bestLoss;
    }

    double[] bestWeights() {
        return bestW.clone();
    }

    double[] bestBias() {
        return bestB.clone();
    }

    /// One pass over the shuffled training rows; then measures validation loss and applies early stopping.
    void epoch(JobContext ctx) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] gw = new double[w.length];
        double[] gb = new double[k];
        double[] z = new double[k];
        double[] g = new double[k];
        double trainLoss = 0;
        double weightSum = 0;
        for (int start = 0; start < n; start += batch) {
            if (ctx.isCancelled()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            int end = Math.min(n, start + batch);
            java.util.Arrays.fill(gw, 0);
            java.util.Arrays.fill(gb, 0);
            double bw = 0;
            for (int p = start; p < end; p++) {
                int i = order[p];
                LinearLearner.margins(x, i * d, d, w, b, k, z, 0);
                double rw = rowWeight[i];
                trainLoss += rw * lossAndGradient(z, y[i], g);
                weightSum += rw;
                bw += rw;
                for (int j = 0; j < d; j++) {
                    double v = x[i * d + j];
                    if (v != 0) {
                        for (int c = 0; c < k; c++) {
                            gw[j * k + c] += rw * g[c] * v;
                        }
                    }
                }
                for (int c = 0; c < k; c++) {
                    gb[c] += rw * g[c];
                }
            }
            double scale = 1 / Math.max(bw, 1e-12);
            for (int i = 0; i < w.length; i++) {
                gw[i] = gw[i] * scale + config.wd() * w[i];
            }
            for (int c = 0; c < k; c++) {
                gb[c] *= scale;
            }
            steps++;
            update(w, gw, m1, m2);
            if (useBias) {
                update(b, gb, bm1, bm2);
            }
            if (config.l1() > 0) {
                double shrink = lr * config.l1();
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.signum(w[i]) * Math.max(0, Math.abs(w[i]) - shrink);
                }
            }
            if (useScheduler && steps % lrStep == 0) {
                lr = Math.max(lrMin, lr * lrFactor);
            }
        }
        lastTrain = trainLoss / Math.max(weightSum, 1e-12);
        lastValidation = validationLoss();
        if (!Double.isFinite(lastValidation)) {
            stopped = true;
            return;
        }
        if (lastValidation < bestLoss * (1 - tolerance) || bestLoss == Double.POSITIVE_INFINITY) {
            sinceImprovement = 0;
        } else if (++sinceImprovement >= patience) {
            stopped = true;
        }
        if (lastValidation < bestLoss) {
            bestLoss = lastValidation;
            bestW = w.clone();
            bestB = b.clone();
        }
    }

    private void update(double[] param, double[] grad, double[] s1, double[] s2) {
        switch (config.optimizer()) {
            case "sgd" -> {
                for (int i = 0; i < param.length; i++) {
                    s1[i] = momentum * s1[i] + grad[i];
                    param[i] -= lr * s1[i];
                }
            }
            case "rmsprop" -> {
                for (int i = 0; i < param.length; i++) {
                    s2[i] = 0.9 * s2[i] + 0.1 * grad[i] * grad[i];
                    param[i] -= lr * grad[i] / (Math.sqrt(s2[i]) + 1e-8);
                }
            }
            default -> {
                double c1 = 1 - Math.pow(beta1, steps);
                double c2 = 1 - Math.pow(beta2, steps);
                for (int i = 0; i < param.length; i++) {
                    s1[i] = beta1 * s1[i] + (1 - beta1) * grad[i];
                    s2[i] = beta2 * s2[i] + (1 - beta2) * grad[i] * grad[i];
                    param[i] -= lr * (s1[i] / c1) / (Math.sqrt(s2[i] / c2) + 1e-8);
                }
            }
        }
    }

    /// The loss of margins `z` for label `t`, with its gradient with respect to `z` in `g`.
    private double lossAndGradient(double[] z, double t, double[] g) {
        switch (loss) {
            case "logistic" -> {
                double p = LinearLearner.sigmoid(z[0]);
                g[0] = p - t;
                return z[0] >= 0 ? Math.log1p(Math.exp(-z[0])) + (1 - t) * z[0]
                        : Math.log1p(Math.exp(z[0])) - t * z[0];
            }
            case "hinge_loss" -> {
                double s = t == 1 ? 1 : -1;
                double margin = 1 - s * z[0];
                g[0] = margin > 0 ? -s : 0;
                return Math.max(0, margin);
            }
            case "softmax_loss" -> {
                System.arraycopy(z, 0, g, 0, k);
                LinearLearner.softmaxInPlace(g, 0, k);
                int label = (int) t;
                double l = -Math.log(Math.max(g[label], 1e-15));
                g[label] -= 1;
                return l;
            }
            case "absolute_loss" -> {
                double r = z[0] - t;
                g[0] = Math.signum(r);
                return Math.abs(r);
            }
            case "huber_loss" -> {
                double r = z[0] - t;
                if (Math.abs(r) <= huberDelta) {
                    g[0] = r;
                    return 0.5 * r * r;
                }
                g[0] = huberDelta * Math.signum(r);
                return huberDelta * (Math.abs(r) - 0.5 * huberDelta);
            }
            case "quantile_loss" -> {
                double r = t - z[0];
                g[0] = r > 0 ? -quantile : (1 - quantile);
                return r > 0 ? quantile * r : (quantile - 1) * r;
            }
            case "eps_insensitive_squared_loss" -> {
                double r = z[0] - t;
                double e = Math.max(0, Math.abs(r) - epsilon);
                g[0] = e * Math.signum(r);
                return 0.5 * e * e;
            }
            case "eps_insensitive_absolute_loss" -> {
                double r = z[0] - t;
                g[0] = Math.abs(r) > epsilon ? Math.signum(r) : 0;
                return Math.max(0, Math.abs(r) - epsilon);
            }
            default -> {
                double r = z[0] - t;
                g[0] = r;
                return 0.5 * r * r;
            }
        }
    }

    private double validationLoss() {
        double[] z = new double[k];
        double[] g = new double[k];
        double sum = 0;
        for (int i = 0; i < vn; i++) {
            LinearLearner.margins(vx, i * d, d, w, b, k, z, 0);
            sum += lossAndGradient(z, vy[i], g);
        }
        return sum / Math.max(1, vn);
    }

    /// Margins of every row of `m` with the best weights, row-major `rows × k`.
    double[] margins(FeatureMatrix m) {
        double[] xs = m.toArray();
        double[] out = new double[m.rows() * k];
        for (int i = 0; i < m.rows(); i++) {
            LinearLearner.margins(xs, i * d, d, bestW, bestB, k, out, i * k);
        }
        return out;
    }
}
