package dev.atelier.engine.automl;

import java.util.List;
import java.util.Locale;

/// One tunable hyperparameter of a [SearchSpace]: a real or whole-number range (linear or log scale) or a set of
/// choices. Samplers work on an internal coordinate: the value itself (or its logarithm) for ranges, the choice's
/// index for choices.
public sealed interface Dimension {
    /// The hyperparameter's SageMaker name.
    String name();

    /// The internal coordinate's lower bound.
    double low();

    /// The internal coordinate's upper bound.
    double high();

    /// The hyperparameter text for an internal coordinate (clamped to the range).
    String format(double coordinate);

    /// The internal coordinate of a value given as text, or NaN if it is not in the range.
    double coordinate(String text);

    /// A real range.
    record Real(String name, double min, double max, boolean log) implements Dimension {
        public Real {
            if (!(min < max) || log && min <= 0) {
                throw new IllegalArgumentException(name + ": bad range " + min + " .. " + max);
            }
        }

        @Override
        public double low() {
            return log ? Math.log(min) : min;
        }

        @Override
        public double high() {
            return log ? Math.log(max) : max;
        }

        @Override
        public String format(double c) {
            double v = Math.clamp(log ? Math.exp(c) : c, min, max);
            return String.format(Locale.ROOT, "%.6g", v).strip();
        }

        @Override
        public double coordinate(String text) {
            try {
                double v = Double.parseDouble(text);
                return v < min || v > max ? Double.NaN : log ? Math.log(v) : v;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /// A whole-number range.
    record Int(String name, long min, long max, boolean log) implements Dimension {
        public Int {
            if (!(min < max) || log && min <= 0) {
                throw new IllegalArgumentException(name + ": bad range " + min + " .. " + max);
            }
        }

        @Override
        public double low() {
            return log ? Math.log(min - 0.49) : min - 0.49;
        }

        @Override
        public double high() {
            return log ? Math.log(max + 0.49) : max + 0.49;
        }

        /// The whole number an internal coordinate stands for.
        public long value(double c) {
            return Math.clamp(Math.round(log ? Math.exp(c) : c), min, max);
        }

        @Override
        public String format(double c) {
            return Long.toString(value(c));
        }

        @Override
        public double coordinate(String text) {
            try {
                long v = Long.parseLong(text.strip());
                return v < min || v > max ? Double.NaN : log ? Math.log(v) : v;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /// A set of choices (as hyperparameter text).
    record Choice(String name, List<String> choices) implements Dimension {
        public Choice {
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException(name + ": no choices");
            }
        }

        @Override
        public double low() {
            return 0;
        }

        @Override
        public double high() {
            return choices.size() - 1;
        }

        /// The choice index of an internal coordinate.
        public int index(double c) {
            return (int) Math.clamp(Math.round(c), 0, choices.size() - 1);
        }

        @Override
        public String format(double c) {
            return choices.get(index(c));
        }

        @Override
        public double coordinate(String text) {
            int i = choices.indexOf(text);
            return i < 0 ? Double.NaN : i;
        }
    }
}
