package dev.atelier.app.data;

import dev.atelier.sampledata.SampleDataset;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/// The bundled sample datasets and a way to get each as a file. Real: [SampleDatasets]; tests may substitute.
public interface SampleSource {
    /// Every sample, in menu order.
    List<SampleDataset> all();

    /// The sample as a readable file.
    Path extract(SampleDataset sample) throws IOException;

    /// The bundled catalogue, extracted into the Atelier home's sample cache.
    static SampleSource bundled() {
        return new SampleSource() {
            @Override
            public List<SampleDataset> all() {
                return SampleDatasets.all();
            }

            @Override
            public Path extract(SampleDataset sample) throws IOException {
                return SampleDatasets.extractToCache(sample);
            }
        };
    }
}
