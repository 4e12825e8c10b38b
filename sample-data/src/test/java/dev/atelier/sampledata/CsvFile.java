package dev.atelier.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/// A sample CSV parsed for assertions: a strict RFC 4180 reader (comma, double quotes, `\n` records) that is
/// independent of the generator's writer, so the tests check the files as any importer would see them.
///
/// @param header the column names
/// @param rows   the data rows, each with one cell per column; empty text is a missing value
public record CsvFile(List<String> header, List<List<String>> rows) {

    public CsvFile {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /// Reads and parses a bundled dataset.
    public static CsvFile of(SampleDataset dataset) {
        try (InputStream in = SampleDatasets.open(dataset)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Parses CSV text whose every record ends with `\n`.
    ///
    /// @throws IllegalArgumentException on a malformed quote, a `\r`, a missing final newline or a ragged row
    public static CsvFile parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!cell.isEmpty() || afterQuote) {
                        throw new IllegalArgumentException("stray quote at offset " + i);
                    }
                    quoted = true;
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                }
                case '\n' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                    records.add(record);
                    record = new ArrayList<>();
                }
                case '\r' -> throw new IllegalArgumentException("carriage return at offset " + i);
                default -> {
                    if (afterQuote) {
                        throw new IllegalArgumentException("text after closing quote at offset " + i);
                    }
                    cell.append(c);
                }
            }
        }
        if (quoted || !cell.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("file does not end with a complete record and a newline");
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no header");
        }
        List<String> header = records.getFirst();
        List<List<String>> rows = records.subList(1, records.size());
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + rows.get(r).size() + " cells, header "
                        + header.size());
            }
        }
        return new CsvFile(header, rows);
    }

    /// The index of a column.
    ///
    /// @throws IllegalArgumentException if there is no such column
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return i;
    }

    /// Every value of one column, top to bottom.
    public List<String> values(String name) {
        int i = column(name);
        return rows.stream().map(row -> row.get(i)).toList();
    }
}
