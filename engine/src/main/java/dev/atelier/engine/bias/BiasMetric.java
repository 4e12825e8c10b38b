package dev.atelier.engine.bias;

/// One of SageMaker Clarify's bias metrics, with its abbreviation, its range, a plain-language reading and its
/// formula as text (for the studio and the docs). Facet `d` is the selected group, facet `a` every other row;
/// "positive" is the outcome counted as favourable (the label values chosen by the analyst).
public enum BiasMetric {
    // ---- pre-training (labels in the data) ----------------------------------------------------------------------
    /// Class imbalance.
    CI(Stage.PRE_TRAINING, "Class imbalance", "-1 to 1",
            "Positive: the selected group has fewer rows than the others; negative: more. 0 = equal sizes.",
            "CI = (n_a - n_d) / (n_a + n_d)"),
    /// Difference in proportions of labels.
    DPL(Stage.PRE_TRAINING, "Difference in proportions of labels", "-1 to 1",
            "Positive: the others have the positive outcome more often than the selected group in the data.",
            "DPL = q_a - q_d, where q = n(1) / n is the share of positive labels"),
    /// Kullback-Leibler divergence of the label distributions.
    KL(Stage.PRE_TRAINING, "Kullback-Leibler divergence", "0 to +infinity",
            "How far the selected group's outcome distribution is from the others'; 0 = identical.",
            "KL = sum over outcomes y of P_a(y) * ln(P_a(y) / P_d(y))"),
    /// Jensen-Shannon divergence of the label distributions.
    JS(Stage.PRE_TRAINING, "Jensen-Shannon divergence", "0 to ln 2",
            "A symmetric, always-finite distance between the two groups' outcome distributions; 0 = identical.",
            "JS = 1/2 * [KL(P_a, P) + KL(P_d, P)], where P = (P_a + P_d) / 2"),
    /// Lp-norm (p = 2) of the difference of the label distributions.
    LP(Stage.PRE_TRAINING, "Lp-norm (p = 2)", "0 to sqrt(2)",
            "Euclidean distance between the two groups' outcome distributions; 0 = identical.",
            "LP = sqrt(sum over outcomes y of (P_a(y) - P_d(y))^2)"),
    /// Total variation distance.
    TVD(Stage.PRE_TRAINING, "Total variation distance", "0 to 1",
            "Half the total difference between the groups' outcome distributions; 0 = identical.",
            "TVD = 1/2 * sum over outcomes y of |P_a(y) - P_d(y)|"),
    /// Kolmogorov-Smirnov distance.
    KS(Stage.PRE_TRAINING, "Kolmogorov-Smirnov", "0 to 1",
            "The largest difference between the groups for any one outcome; 0 = identical.",
            "KS = max over outcomes y of |P_a(y) - P_d(y)|"),
    /// Conditional demographic disparity in labels.
    CDDL(Stage.PRE_TRAINING, "Conditional demographic disparity in labels", "-1 to 1",
            "Positive: the selected group makes up more of the rejected than of the accepted rows, even within"
                    + " each group of the group column.",
            "CDDL = (1/n) * sum over subgroups i of n_i * DD_i, where DD = n_d(0)/n(0) - n_d(1)/n(1)"),

    // ---- post-training (the model's predicted labels) -----------------------------------------------------------
    /// Difference in positive proportions in predicted labels.
    DPPL(Stage.POST_TRAINING, "Difference in positive proportions in predicted labels", "-1 to 1",
            "Positive: the model gives the positive outcome to the others more often than to the selected group.",
            "DPPL = q^_a - q^_d, where q^ = n^(1) / n is the share of positive predictions"),
    /// Disparate impact.
    DI(Stage.POST_TRAINING, "Disparate impact", "0 to +infinity",
            "The selected group's rate of positive predictions as a fraction of the others'; 1 = parity, below"
                    + " 0.8 is the usual warning sign (the four-fifths rule).",
            "DI = q^_d / q^_a"),
    /// Difference in conditional acceptance.
    DCA(Stage.POST_TRAINING, "Difference in conditional acceptance", "-infinity to +infinity",
            "Positive: relative to their real positives, the selected group is accepted more sparingly than the"
                    + " others.",
            "DCA = c_a - c_d, where c = n(1) / n^(1) (observed positives per predicted positive)"),
    /// Difference in conditional rejection.
    DCR(Stage.POST_TRAINING, "Difference in conditional rejection", "-infinity to +infinity",
            "Positive: relative to their real negatives, the selected group is rejected more sparingly than the"
                    + " others.",
            "DCR = r_d - r_a, where r = n(0) / n^(0) (observed negatives per predicted negative)"),
    /// Specificity difference.
    SD(Stage.POST_TRAINING, "Specificity difference", "-1 to 1",
            "Positive: among real negatives, the selected group is correctly rejected more often than the others.",
            "SD = TN_d / (TN_d + FP_d) - TN_a / (TN_a + FP_a)"),
    /// Recall difference.
    RD(Stage.POST_TRAINING, "Recall difference", "-1 to 1",
            "Positive: among real positives, the others are correctly accepted more often than the selected group.",
            "RD = TP_a / (TP_a + FN_a) - TP_d / (TP_d + FN_d)"),
    /// Difference in acceptance rates (precision).
    DAR(Stage.POST_TRAINING, "Difference in acceptance rates", "-1 to 1",
            "Positive: the model's acceptances are right more often for the others than for the selected group.",
            "DAR = TP_a / (TP_a + FP_a) - TP_d / (TP_d + FP_d)"),
    /// Difference in rejection rates (negative predictive value).
    DRR(Stage.POST_TRAINING, "Difference in rejection rates", "-1 to 1",
            "Positive: the model's rejections are right more often for the selected group than for the others.",
            "DRR = TN_d / (TN_d + FN_d) - TN_a / (TN_a + FN_a)"),
    /// Accuracy difference.
    AD(Stage.POST_TRAINING, "Accuracy difference", "-1 to 1",
            "Positive: the model is more accurate for the others than for the selected group.",
            "AD = (TP_a + TN_a) / n_a - (TP_d + TN_d) / n_d"),
    /// Treatment equality.
    TE(Stage.POST_TRAINING, "Treatment equality", "-infinity to +infinity",
            "Compares the ratio of false negatives to false positives; positive: the selected group's errors lean"
                    + " more towards wrongful rejection.",
            "TE = FN_d / FP_d - FN_a / FP_a"),
    /// Conditional demographic disparity in predicted labels.
    CDDPL(Stage.POST_TRAINING, "Conditional demographic disparity in predicted labels", "-1 to 1",
            "Like CDDL, on the model's predictions: positive means the selected group makes up more of the"
                    + " predicted rejections than of the predicted acceptances.",
            "CDDPL = (1/n) * sum over subgroups i of n_i * DDPL_i, where DDPL = n^_d(0)/n^(0) - n^_d(1)/n^(1)"),
    /// Counterfactual flip test.
    FT(Stage.POST_TRAINING, "Flip test", "-1 to 1",
            "Positive: more rows of the selected group are rejected although their most similar rows among the"
                    + " others are accepted than the other way round.",
            "FT = (F+ - F-) / n_d, counting rows of d whose k nearest neighbours in a (majority) get the opposite"
                    + " prediction: F+ rejected in d but accepted in a, F- accepted in d but rejected in a"),
    /// Generalized entropy index (alpha = 2).
    GE(Stage.POST_TRAINING, "Generalized entropy (alpha = 2)", "0 to 0.5",
            "How unequally the model's errors benefit individual rows over the whole data; 0 = perfectly even.",
            "GE = 1 / (2n) * sum over rows i of ((b_i / mean b)^2 - 1), where b_i = y^_i - y_i + 1");

    /// When a metric can be computed: from the data alone, or from a model's predictions.
    public enum Stage {
        /// Needs only the labels in the data.
        PRE_TRAINING,
        /// Needs a model's predicted labels.
        POST_TRAINING
    }

    private final Stage stage;
    private final String title;
    private final String range;
    private final String reading;
    private final String formula;

    BiasMetric(Stage stage, String title, String range, String reading, String formula) {
        this.stage = stage;
        this.title = title;
        this.range = range;
        this.reading = reading;
        this.formula = formula;
    }

    /// Whether the metric needs a model.
    public Stage stage() {
        return stage;
    }

    /// Clarify's abbreviation (the JSON key), e.g. `DPL`.
    public String abbreviation() {
        return name();
    }

    /// The metric's full English name.
    public String title() {
        return title;
    }

    /// The range of values the metric can take, as text.
    public String range() {
        return range;
    }

    /// What a value means, in plain language.
    public String reading() {
        return reading;
    }

    /// The definition, as text.
    public String formula() {
        return formula;
    }
}
