package dev.atelier.app.welcome;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.sampledata.SampleDataset;
import java.util.Objects;

/// What the welcome screen shows about one bundled sample.
///
/// @param sample  the sample it opens
/// @param title   its name ("Loan approval")
/// @param problem the kind of prediction in plain words ("Predict yes / no")
/// @param size    "2,000 rows × 12 columns"
/// @param teaches what it is good for in a lesson ("Has a planted bias to find: …")
public record SampleCard(SampleDataset sample, String title, String problem, String size, String teaches) {

    public SampleCard {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(teaches, "teaches");
    }

    /// The card of `sample`. What it teaches comes from `welcome.sample.<id>.teaches`, or, for a sample the
    /// bundle does not know, the first sentence of the sample's own description.
    public static SampleCard of(SampleDataset sample, Messages messages) {
        String teachesKey = "welcome.sample." + sample.id() + ".teaches";
        String teaches = messages.has(teachesKey) ? messages.get(teachesKey) : firstSentence(sample.description());
        return new SampleCard(sample, sample.title(),
                messages.get("welcome.sample.problem." + sample.problemType()),
                messages.get("welcome.sample.size", sample.rows(), sample.columns()),
                teaches);
    }

    /// The id of the sample (`loan-approval`).
    public String id() {
        return sample.id();
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
