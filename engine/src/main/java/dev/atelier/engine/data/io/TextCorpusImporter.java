package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Reads a text corpus: one document per line (column `text`), or BlazingText's supervised format where each
/// line starts with one or more `__label__x` tokens (columns `label` and `text`; with several labels on a line,
/// `label` holds them separated by spaces). The layout is BlazingText when most non-empty lines start with
/// `__label__`. Empty lines are skipped. The encoding is detected as for CSV (BOM, UTF-8, UTF-16,
/// windows-1252).
final class TextCorpusImporter {
    static final String LABEL_PREFIX = "__label__";

    private TextCorpusImporter() {
    }

    static ImportResult read(Path file, ImportOptions options, JobContext ctx) {
        String path = file.toString();
        Charset charset = DataImporter.sniffCharset(file, options);
        List<String> lines = new ArrayList<>();
        long max = options.maxRows();
        boolean limited = false;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                if ((lines.size() & 1023) == 0) {
                    ctx.throwIfCancelled();
                }
                if (lines.isEmpty() && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (max > 0 && lines.size() >= max) {
                    limited = true;
                    break;
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        long labelled = lines.stream().filter(l -> l.stripLeading().startsWith(LABEL_PREFIX)).count();
        boolean blazing = labelled * 2 > lines.size();
        TableAssembler table = new TableAssembler(java.util.Set.of());
        Map<String, String> inferred = new LinkedHashMap<>();
        inferred.put("encoding", charset.name());
        inferred.put("layout", blazing ? "BlazingText (__label__ prefixes)" : "one document per line");
        int labelCol = blazing ? table.column("label") : -1;
        int textCol = table.column("text");
        for (String line : lines) {
            if (blazing) {
                String rest = line.strip();
                StringBuilder labels = new StringBuilder();
                while (rest.startsWith(LABEL_PREFIX)) {
                    int space = rest.indexOf(' ');
                    String token = space < 0 ? rest : rest.substring(0, space);
                    labels.append(labels.isEmpty() ? "" : " ").append(token.substring(LABEL_PREFIX.length()));
                    rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
                }
                table.set(labelCol, labels.toString());
                table.set(textCol, rest);
            } else {
                table.set(textCol, line);
            }
            table.endRow();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        overrides.put("text", ColumnType.TEXT);
        if (blazing) {
            overrides.put("label", ColumnType.CATEGORICAL);
        }
        overrides.putAll(options.typeOverrides());
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(file.getFileName())), overrides,
                diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.TEXT_CORPUS, inferred);
    }
}
