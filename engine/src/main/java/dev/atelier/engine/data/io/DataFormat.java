package dev.atelier.engine.data.io;

import java.util.Locale;
import java.util.Optional;

/// The kinds of source [DataImporter] reads. Each is detected from the file name and its first bytes, and can be
/// named explicitly to override the detection.
public enum DataFormat {
    /// Delimited text: CSV, TSV, semicolon- or pipe-separated (.csv, .tsv, .txt, .dat, .psv).
    CSV("csv"),
    /// An Excel workbook (.xlsx, .xlsm, .xls).
    EXCEL("excel"),
    /// One JSON array of objects (.json).
    JSON("json"),
    /// One JSON object per line (.jsonl, .ndjson, .manifest — SageMaker augmented manifests).
    JSON_LINES("jsonl"),
    /// An Apache Parquet file (.parquet).
    PARQUET("parquet"),
    /// A SQL database: an SQLite file (.db, .sqlite, .sqlite3) or a JDBC URL.
    SQL("sql"),
    /// A text corpus: one document per line, or BlazingText's `__label__x text` lines (.txt, .corpus).
    TEXT_CORPUS("text"),
    /// A folder of images with one subfolder per class.
    IMAGE_FOLDER("images"),
    /// A SageMaker image list: `index<TAB>label<TAB>path` lines (.lst).
    IMAGE_LIST("lst"),
    /// DeepAR time series: JSON lines with `start`, `target` and optional `cat` and `dynamic_feat`.
    DEEPAR("deepar");

    private final String word;

    DataFormat(String word) {
        this.word = word;
    }

    /// The short name used on the command line (`--format excel`).
    public String word() {
        return word;
    }

    /// The format with the given short name or enum name, ignoring case.
    public static Optional<DataFormat> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.word.equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(f);
            }
        }
        return switch (t) {
            case "tsv", "txt" -> Optional.of(CSV);
            case "xlsx", "xls" -> Optional.of(EXCEL);
            case "ndjson", "json_lines", "jsonlines" -> Optional.of(JSON_LINES);
            case "sqlite", "jdbc" -> Optional.of(SQL);
            case "corpus", "blazingtext" -> Optional.of(TEXT_CORPUS);
            case "image_folder" -> Optional.of(IMAGE_FOLDER);
            default -> Optional.empty();
        };
    }
}
