/// The learner API shared by every supervised tabular algorithm (docs/adr/0007): a validated [LearnerSpec], a
/// stateless [Learner] that fits it on [TrainingData] with a `JobContext` and a [TrainingListener], and an
/// immutable fitted [Model] carrying its fitted [FeaturePipeline] and producing [Predictions] in input row order.
/// Models are saved and read as bundles by `dev.atelier.engine.persist.ModelBundle` through [PayloadWriter] and
/// [PayloadReader], never by Java serialization.
@NullMarked
package dev.atelier.engine.learn;

import org.jspecify.annotations.NullMarked;
