package dev.atelier.engine.wrangle;

/// One transform of the catalogue: it may learn a [State] from the training data ([#fit]) and then changes a
/// frame ([#apply]) using only its parameters and that state, so a fitted step applies identically to new data.
interface Transform {

    /// The catalogue entry.
    TransformInfo info();

    /// Learns from the training frame (as it is just before this step). Stateless transforms learn nothing.
    default State fit(Frame train, Params params, Sources sources) {
        return State.EMPTY;
    }

    /// Changes `frame` in place.
    void apply(Frame frame, Params params, State state, Phase phase);

    /// Learns nothing.
    @FunctionalInterface
    interface Apply {
        void apply(Frame frame, Params params);
    }

    /// Learns a state.
    @FunctionalInterface
    interface Fit {
        State fit(Frame train, Params params, Sources sources);
    }

    /// Applies with a learned state.
    @FunctionalInterface
    interface ApplyFitted {
        void apply(Frame frame, Params params, State state, Phase phase);
    }

    /// A transform made of lambdas.
    record Def(TransformInfo info, Fit fitter, ApplyFitted applier) implements Transform {
        @Override
        public State fit(Frame train, Params params, Sources sources) {
            return fitter.fit(train, params, sources);
        }

        @Override
        public void apply(Frame frame, Params params, State state, Phase phase) {
            applier.apply(frame, params, state, phase);
        }
    }
}
