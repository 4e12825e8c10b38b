/// The multilayer perceptron (Autopilot's deep-learning candidate), trained with DJL on PyTorch's CPU engine
/// (docs/adr/0007).
@NullMarked
package dev.atelier.engine.learn.mlp;

import org.jspecify.annotations.NullMarked;
