package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// Reads a uniform random sample of a delimited text file's rows in one pass without holding the file: the
/// format (delimiter, encoding, header, column names) is detected from the first rows as a normal import
/// would, then every record is streamed through reservoir sampling (Algorithm R, seeded, so the same file gives
/// the same sample) and only the kept records stay in memory. The sample keeps the file's row order and is
/// typed like a normal import. Used by the memory guard when a file does not fit.
final class CsvSampler {
    /// The seed of the reservoir; fixed so a file always gives the same sample.
    static final long SEED = 20_000;

    private CsvSampler() {
    }

    static ImportResult reservoir(Path file, ImportOptions options, int size, JobContext ctx) {
        ImportResult head = CsvImporter.preview(file, options.csv(), 1000);
        CsvOptions format = head.format();
        List<String> names = head.dataset().schema().names();
        int width = names.size();
        int preamble = head.diagnostics().stream().filter(d -> d.code() == ErrorCode.IMPORT_LINES_SKIPPED)
                .mapToInt(d -> ((Number) d.args().getFirst()).intValue()).findFirst().orElse(0);
        boolean header = format.header() == HeaderMode.PRESENT;
        Charset charset = Charset.forName(format.charset());
        String[][] kept = new String[size][];
        long[] order = new long[size];
        long seen = 0;
        long bytes;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(), e.getMessage());
        }
        byte[] start = DataImporter.head(file, 64);
        String first = new String(start, charset).stripLeading().replace("\uFEFF", "");
        boolean sepLine = first.regionMatches(true, 0, "sep=", 0, 4);
        ctx.status("job.import.sampling", size, String.valueOf(file.getFileName()));
        long[] read = new long[1];
        try (InputStream in = counting(Files.newInputStream(file), read);
             Reader reader = new InputStreamReader(in, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            CsvTokenizer t = new CsvTokenizer(reader, format.delimiter(), format.quote());
            if (sepLine) {
                t.skipLine();
            }
            for (int k = 0; k < preamble && t.next(); k++) {
                // a title above the table
            }
            if (header) {
                t.next();
            }
            while (t.next()) {
                if ((seen & 4095) == 0) {
                    ctx.throwIfCancelled();
                    ctx.progress(Math.min(read[0], bytes), bytes + bytes / 20); // the last 5 %: typing the sample
                }
                int slot;
                if (seen < size) {
                    slot = (int) seen;
                } else {
                    long j = random.nextLong(seen + 1);
                    slot = j < size ? (int) j : -1;
                }
                if (slot >= 0) {
                    String[] record = new String[width];
                    for (int i = 0; i < Math.min(width, t.fieldCount()); i++) {
                        record[i] = t.field(i);
                    }
                    kept[slot] = record;
                    order[slot] = seen;
                }
                seen++;
            }
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, file.toString(), e.getMessage());
        }
        int n = (int) Math.min(seen, size);
        Integer[] byLine = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLine[i] = i;
        }
        java.util.Arrays.sort(byLine, java.util.Comparator.comparingLong(i -> order[i]));
        TableAssembler table = new TableAssembler(format.missingMarkers());
        for (String name : names) {
            table.positionalColumn(name);
        }
        for (int i : byLine) {
            String[] record = kept[i];
            for (int j = 0; j < width; j++) {
                table.set(j, record[j]);
            }
            table.endRow();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        head.diagnostics().stream().filter(d -> d.code() == ErrorCode.IMPORT_FORMAT_DETECTED)
                .forEach(diagnostics::add);
        Dataset dataset = table.build(head.dataset().name(), options.typeOverrides(), diagnostics, ctx);
        Map<String, String> inferred = new LinkedHashMap<>(head.inferred());
        inferred.put("sample", "random sample of " + n + " of " + seen + " rows (" + bytes + " bytes)");
        return IdColumns.apply(new ImportResult(dataset, format.withMaxRows(0), diagnostics, DataFormat.CSV, inferred));
    }

    /// `in`, adding the number of bytes read to `count[0]` (for progress).
    private static InputStream counting(InputStream in, long[] count) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count[0]++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count[0] += n;
                }
                return n;
            }
        };
    }
}
