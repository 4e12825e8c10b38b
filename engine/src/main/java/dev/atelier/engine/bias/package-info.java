/// Bias metrics with SageMaker Clarify's definitions: pre-training metrics of the data (CI, DPL, KL, JS, LP, TVD,
/// KS, CDDL) and post-training metrics of a model's predictions (DPPL, DI, DCA, DCR, SD, RD, DAR, DRR, AD, TE,
/// CDDPL, FT, GE). Facet `d` is the group the analyst selects (usually the one suspected of being disfavoured);
/// facet `a` is every other row.
@NullMarked
package dev.atelier.engine.bias;

import org.jspecify.annotations.NullMarked;
