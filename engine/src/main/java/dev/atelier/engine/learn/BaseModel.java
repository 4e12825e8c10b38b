package dev.atelier.engine.learn;

import dev.atelier.engine.error.Diagnostic;
import java.util.List;
import java.util.Objects;

/// What every fitted [Model] carries besides its parameters: the header (spec, classes), the fitted preprocessing
/// and the diagnostics of its training. Subclasses add the learned parameters and `predict`.
public abstract class BaseModel implements Model {
    /// The spec it was trained with and its classes.
    protected final ModelHeader header;
    /// The fitted preprocessing applied before the parameters.
    protected final FeaturePipeline pipeline;
    /// What training noticed (skipped columns, adjustments), in order.
    protected final List<Diagnostic> diagnostics;

    protected BaseModel(ModelHeader header, FeaturePipeline pipeline, List<Diagnostic> diagnostics) {
        this.header = Objects.requireNonNull(header, "header");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public final ModelHeader header() {
        return header;
    }

    @Override
    public final FeaturePipeline pipeline() {
        return pipeline;
    }

    @Override
    public final List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
