package dev.atelier.app.data.importer;

import dev.atelier.app.common.controls.UiMessage;
import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnSchema;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.data.io.CsvOptions;
import dev.atelier.engine.data.io.DataFormat;
import dev.atelier.engine.data.io.DataImporter;
import dev.atelier.engine.data.io.HeaderMode;
import dev.atelier.engine.data.io.IdColumns;
import dev.atelier.engine.data.io.ImportOptions;
import dev.atelier.engine.data.io.ImportResult;
import dev.atelier.engine.error.AtelierException;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/// The Import dialog's state: what the engine detected about a source (format, delimiter, encoding, header,
/// sheet, table, layout, column types and roles), the settings the user overrides, a preview of the first rows
/// that is read again (off the FX thread) whenever a setting changes, the memory guard's estimate with the
/// offer to load a 20,000-row sample, and the plain-language error when the source cannot be read.
///
/// Previews run on `worker`; their results are applied through `fx` (the FX thread in the studio, the
/// caller's thread in tests). Only the newest preview's result is applied; a preview queued behind a newer
/// request is skipped. The source is only ever read.
public final class ImportViewModel {
    /// How many rows the preview shows.
    public static final int PREVIEW_ROWS = 100;
    /// The character sets offered besides detection.
    public static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252",
            "ISO-8859-1");
    /// DeepAR time steps offered besides the default (daily).
    public static final List<String> FREQUENCIES = List.of("D", "H", "W", "M", "15min", "5min");

    /// A delimiter choice: detect, or one character.
    public enum Delimiter {
        AUTO(null), COMMA(','), SEMICOLON(';'), TAB('\t'), PIPE('|'), SPACE(' ');

        private final @Nullable Character character;

        Delimiter(@Nullable Character character) {
            this.character = character;
        }

        /// The character, `null` for detection.
        public @Nullable Character character() {
            return character;
        }

        /// The choice for `c`, AUTO if it is not one of the offered ones.
        public static Delimiter of(@Nullable Character c) {
            return Arrays.stream(values()).filter(d -> Objects.equals(d.character, c)).findFirst().orElse(AUTO);
        }
    }

    /// One line of "what Atelier found": a label and a value, both plain language.
    ///
    /// @param key   the engine's name for it (`delimiter`, `sheet`, …)
    /// @param label what to call it
    /// @param value what was found or assumed
    public record Finding(String key, String label, String value) {
    }

    /// A class of an image folder and how many images it has.
    ///
    /// @param name   the class (subfolder name)
    /// @param images the number of image files in it
    public record ImageClass(String name, int images) {
    }

    private final Messages messages;
    private final Executor worker;
    private final Executor fx;
    private final Path source;
    private final boolean folder;

    private final ObjectProperty<@Nullable DataFormat> format = new SimpleObjectProperty<>(this, "format");
    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(this, "delimiter", Delimiter.AUTO);
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", "");
    private final ObjectProperty<HeaderMode> header = new SimpleObjectProperty<>(this, "header", HeaderMode.DETECT);
    private final StringProperty sheet = new SimpleStringProperty(this, "sheet", "");
    private final IntegerProperty headerRow = new SimpleIntegerProperty(this, "headerRow", 0);
    private final StringProperty table = new SimpleStringProperty(this, "table", "");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty useQuery = new SimpleBooleanProperty(this, "useQuery", false);
    private final StringProperty frequency = new SimpleStringProperty(this, "frequency", "");
    private final StringProperty seriesItem = new SimpleStringProperty(this, "seriesItem", "");
    private final StringProperty seriesTime = new SimpleStringProperty(this, "seriesTime", "");
    private final StringProperty seriesTarget = new SimpleStringProperty(this, "seriesTarget", "");
    private final BooleanProperty loadSample = new SimpleBooleanProperty(this, "loadSample", true);

    private final ReadOnlyObjectWrapper<@Nullable Dataset> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<@Nullable DataFormat> detected = new ReadOnlyObjectWrapper<>(this, "detected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper estimateText = new ReadOnlyStringWrapper(this, "estimateText", "");
    private final ReadOnlyBooleanWrapper tooBig = new ReadOnlyBooleanWrapper(this, "tooBig", false);
    private final ReadOnlyBooleanWrapper timeSeries = new ReadOnlyBooleanWrapper(this, "timeSeries", false);
    private final BooleanProperty seriesOn = new SimpleBooleanProperty(this, "seriesOn", false);
    private boolean seriesGuessed;
    private final ReadOnlyIntegerWrapper previews = new ReadOnlyIntegerWrapper(this, "previews", 0);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<UiMessage> notes = FXCollections.observableArrayList();
    private final ObservableList<ImportColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObservableList<String> columnNames = FXCollections.observableArrayList();
    private final ObservableList<ImageClass> imageClasses = FXCollections.observableArrayList();

    private final Map<String, ColumnType> typeOverrides = new LinkedHashMap<>();
    private final Map<String, ColumnRole> roleOverrides = new LinkedHashMap<>();
    private final Object lock = new Object();
    private int requested;
    private boolean applying;

    /// A view-model for importing `source` (a file or a folder of images).
    public ImportViewModel(Path source, Messages messages, Executor worker, Executor fx) {
        this.source = source.toAbsolutePath().normalize();
        this.messages = Objects.requireNonNull(messages, "messages");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.folder = Files.isDirectory(this.source);
        Stream.of(format, delimiter, encoding, header, sheet, headerRow, table, useQuery, frequency)
                .forEach(p -> p.addListener((o, a, b) -> settingChanged()));
        seriesTarget.addListener((o, a, b) -> {
            if (!applying) {
                syncTargetRole(a, b);
            }
        });
    }

    // ---- commands ---------------------------------------------------------------------------------

    /// Reads the preview with the current settings (detecting what is not set). Called once when the dialog
    /// opens and again after every change of a setting.
    public void refresh() {
        ImportOptions options = options(PREVIEW_ROWS);
        int mine;
        synchronized (lock) {
            mine = ++requested;
        }
        busy.set(true);
        worker.execute(() -> {
            synchronized (lock) {
                if (mine != requested) {
                    return; // a newer request follows
                }
            }
            Outcome outcome = read(options);
            fx.execute(() -> {
                synchronized (lock) {
                    if (mine != requested) {
                        return;
                    }
                }
                apply(outcome);
            });
        });
    }

    /// Runs the SQL query typed in [#queryProperty()] instead of reading a table.
    public void runQuery() {
        if (!text(query).isBlank()) {
            boolean was = useQuery.get();
            useQuery.set(true);
            if (was) {
                refresh();
            }
        }
    }

    /// Chooses the type of `column` (re-reads the preview with it), or gives it back to detection with `null`.
    public void setType(String column, @Nullable ColumnType type) {
        ImportColumn c = column(column);
        if (type == null || c != null && type == c.detectedType()) {
            if (typeOverrides.remove(column) != null) {
                refresh();
            }
            return;
        }
        if (type != typeOverrides.get(column)) {
            typeOverrides.put(column, type);
            refresh();
        }
    }

    /// Chooses the role of `column` for the import.
    public void setRole(String column, ColumnRole role) {
        roleOverrides.put(column, role);
        ImportColumn c = column(column);
        if (role == ColumnRole.TARGET) {
            roleOverrides.replaceAll((k, v) -> v == ColumnRole.TARGET && !k.equals(column) ? ColumnRole.FEATURE : v);
            for (ImportColumn other : columns) {
                if (!other.name().equals(column) && other.getRole() == ColumnRole.TARGET) {
                    other.roleProperty().set(ColumnRole.FEATURE);
                }
            }
        }
        if (c != null && c.getRole() != role) {
            c.roleProperty().set(role);
        }
    }

    /// What the Data screen should load: the settings as they are now, all rows (or the memory guard's sample),
    /// and the roles the user chose.
    ///
    /// @throws IllegalStateException if the preview failed ([#canImportProperty()] is false)
    public ImportRequest request() {
        if (!error.get().isEmpty() || preview.get() == null) {
            throw new IllegalStateException("nothing to import: " + error.get());
        }
        return new ImportRequest(source.toString(), String.valueOf(source.getFileName()), options(0),
                new LinkedHashMap<>(roleOverrides));
    }

    // ---- state ------------------------------------------------------------------------------------

    /// The source being imported.
    public Path source() {
        return source;
    }

    /// The formats the user can choose from: all file formats for a file, the image folder for a folder.
    public List<DataFormat> formats() {
        return folder ? List.of(DataFormat.IMAGE_FOLDER)
                : Arrays.stream(DataFormat.values()).filter(f -> f != DataFormat.IMAGE_FOLDER).toList();
    }

    /// The plain-language name of a format ("Excel workbook").
    public String formatLabel(@Nullable DataFormat f) {
        return f == null ? messages.get("import.format.auto") : messages.get("import.format." + f.word());
    }

    /// The format to read as; set by the first preview from the detection, then by the user.
    public ObjectProperty<@Nullable DataFormat> formatProperty() {
        return format;
    }

    /// The format the engine detected.
    public ReadOnlyObjectProperty<@Nullable DataFormat> detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /// Delimited text: the field separator (AUTO = detect).
    public ObjectProperty<Delimiter> delimiterProperty() {
        return delimiter;
    }

    /// Text: the character set, empty to detect.
    public StringProperty encodingProperty() {
        return encoding;
    }

    /// Delimited text: whether the first row holds the column names.
    public ObjectProperty<HeaderMode> headerProperty() {
        return header;
    }

    /// Excel: the sheet to read, empty for the first.
    public StringProperty sheetProperty() {
        return sheet;
    }

    /// Excel: the 1-based row with the column names, 0 to find it, −1 for none.
    public IntegerProperty headerRowProperty() {
        return headerRow;
    }

    /// SQL: the table to read.
    public StringProperty tableProperty() {
        return table;
    }

    /// SQL: a query to run instead of a table (used when [#useQueryProperty()] is set).
    public StringProperty queryProperty() {
        return query;
    }

    /// SQL: whether to run the query instead of reading a table.
    public BooleanProperty useQueryProperty() {
        return useQuery;
    }

    /// DeepAR: the time step between values, empty for the default (daily).
    public StringProperty frequencyProperty() {
        return frequency;
    }

    /// Time series: the column naming the series (store, product), empty for one series.
    public StringProperty seriesItemProperty() {
        return seriesItem;
    }

    /// Time series: the column with the time stamps.
    public StringProperty seriesTimeProperty() {
        return seriesTime;
    }

    /// Time series: the column to forecast; choosing it makes it the target.
    public StringProperty seriesTargetProperty() {
        return seriesTarget;
    }

    /// Whether to read a sample of 20,000 rows when the memory guard says the whole source does not fit.
    public BooleanProperty loadSampleProperty() {
        return loadSample;
    }

    /// The preview's rows (the first [#PREVIEW_ROWS]), or `null` before the first preview or after an error.
    public ReadOnlyObjectProperty<@Nullable Dataset> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public @Nullable Dataset getPreview() {
        return preview.get();
    }

    /// Whether a preview is being read.
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// Why the source cannot be read, in plain language; empty when it can.
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /// The memory guard's estimate, in plain language; empty when there is nothing to estimate.
    public ReadOnlyStringProperty estimateTextProperty() {
        return estimateText.getReadOnlyProperty();
    }

    /// Whether the whole source is not expected to fit in memory (the dialog then offers the sample).
    public ReadOnlyBooleanProperty tooBigProperty() {
        return tooBig.getReadOnlyProperty();
    }

    /// Whether the data can be a time series (a DeepAR file, or a table with a date-time column): the dialog
    /// then offers the time-series settings.
    public ReadOnlyBooleanProperty timeSeriesProperty() {
        return timeSeries.getReadOnlyProperty();
    }

    /// Whether the user treats the data as a time series (set at first for DeepAR files and for tables with a
    /// date-time column and a column naming the series, such as `store_id`); shows the series settings.
    public BooleanProperty seriesOnProperty() {
        return seriesOn;
    }

    /// Counts the previews applied (for tests and the view's table rebuilds).
    public ReadOnlyIntegerProperty previewsProperty() {
        return previews.getReadOnlyProperty();
    }

    /// What was detected or assumed, one line each.
    public ObservableList<Finding> findings() {
        return findings;
    }

    /// The preview's notes and warnings, in plain language.
    public ObservableList<UiMessage> notes() {
        return notes;
    }

    /// The columns of the preview, with their types and roles (both can be changed).
    public ObservableList<ImportColumn> columns() {
        return columns;
    }

    /// Excel: the workbook's sheets.
    public ObservableList<String> sheets() {
        return sheets;
    }

    /// SQL: the database's tables.
    public ObservableList<String> tables() {
        return tables;
    }

    /// The preview's column names (for the time-series choices).
    public ObservableList<String> columnNames() {
        return columnNames;
    }

    /// Image folder: the classes found, with their image counts.
    public ObservableList<ImageClass> imageClasses() {
        return imageClasses;
    }

    /// The plain-English name of a type ("Number").
    public String typeLabel(ColumnType type) {
        return messages.get("data.type." + type.name().toLowerCase(Locale.ROOT) + ".name");
    }

    /// The short label of a role ("ID").
    public String roleLabel(ColumnRole role) {
        return messages.get("data.role." + role.name() + ".short");
    }

    /// The label of a delimiter choice ("Comma").
    public String delimiterLabel(Delimiter d) {
        return messages.get("import.delimiter." + d.name().toLowerCase(Locale.ROOT));
    }

    /// The label of a header choice ("First row has the names").
    public String headerLabel(HeaderMode h) {
        return messages.get("import.header." + h.name().toLowerCase(Locale.ROOT));
    }

    // ---- internals --------------------------------------------------------------------------------

    private void settingChanged() {
        if (!applying) {
            refresh();
        }
    }

    private static String text(StringProperty p) {
        return Objects.requireNonNullElse(p.get(), "");
    }

    private @Nullable ImportColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /// The options the settings stand for, reading at most `maxRows` rows (0 = all).
    ImportOptions options(long maxRows) {
        CsvOptions csv = CsvOptions.defaults()
                .withDelimiter(delimiter.get() == null ? null : delimiter.get().character())
                .withCharset(text(encoding).isBlank() ? null : text(encoding))
                .withHeader(header.get() == null ? HeaderMode.DETECT : header.get())
                .withTypeOverrides(typeOverrides)
                .withMaxRows(maxRows);
        ImportOptions o = ImportOptions.of(csv).withFormat(format.get())
                .withSheet(text(sheet).isBlank() ? null : text(sheet), Math.max(-1, headerRow.get()))
                .withFrequency(text(frequency).isBlank() ? null : text(frequency));
        if (useQuery.get() && !text(query).isBlank()) {
            o = o.withSql(null, text(query));
        } else if (!text(table).isBlank()) {
            o = o.withSql(text(table), null);
        }
        return o.withSampling(DataImporter.DEFAULT_SAMPLE_ROWS, loadSample.get());
    }

    /// What one preview produced (on the worker thread).
    private record Outcome(@Nullable ImportResult result, @Nullable Throwable failure, DataFormat format,
                           DataImporter.@Nullable SizeEstimate estimate, List<ImageClass> classes) {
    }

    private Outcome read(ImportOptions options) {
        DataFormat f = options.format();
        try {
            if (f == null) {
                f = DataImporter.detect(source);
            }
            ImportResult result = DataImporter.preview(source.toString(), options.withFormat(f), PREVIEW_ROWS);
            DataImporter.SizeEstimate estimate = folder ? null : DataImporter.estimate(source, f, options);
            List<ImageClass> classes = f == DataFormat.IMAGE_FOLDER ? ImportFindings.imageClasses(source) : List.of();
            return new Outcome(result, null, f, estimate, classes);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome(null, e, f == null ? DataFormat.CSV : f, null, List.of());
        }
    }

    private void apply(Outcome outcome) {
        applying = true;
        try {
            busy.set(false);
            if (detected.get() == null) {
                detected.set(outcome.format());
            }
            if (format.get() == null) {
                format.set(outcome.format());
            }
            imageClasses.setAll(outcome.classes());
            if (outcome.result() == null) {
                fail(Objects.requireNonNull(outcome.failure()));
            } else {
                succeed(outcome.result(), outcome.estimate());
            }
            previews.set(previews.get() + 1);
        } finally {
            applying = false;
        }
    }

    private void fail(Throwable failure) {
        preview.set(null);
        columns.clear();
        columnNames.clear();
        findings.setAll(List.of(ImportFindings.finding(messages, "format", formatLabel(format.get()))));
        notes.clear();
        estimateText.set("");
        tooBig.set(false);
        timeSeries.set(false);
        if (failure instanceof DataException d && d.code() == ErrorCode.IMPORT_TABLE_REQUIRED && text(table).isBlank()
                && d.args().size() > 1 && !String.valueOf(d.args().get(1)).equals("(none)")) {
            // several tables: list them and read the first, rather than asking the user to type a name
            tables.setAll(List.of(String.valueOf(d.args().get(1)).split(", ")));
            error.set("");
            table.set(tables.getFirst());
            applying = false;
            refresh();
            return;
        }
        if (failure instanceof DataException d && d.code() == ErrorCode.IMPORT_SHEET_NOT_FOUND && d.args().size() > 2) {
            sheets.setAll(List.of(String.valueOf(d.args().get(2)).split(", ")));
        }
        error.set(describe(failure));
    }

    /// The plain-language sentence for a failed preview (never a stack trace).
    String describe(Throwable failure) {
        if (failure instanceof AtelierException e) {
            return messages.error(e);
        }
        if (failure instanceof OutOfMemoryError) {
            return messages.get("import.error.memory");
        }
        return messages.get("import.error.unexpected", source.getFileName());
    }

    private void succeed(ImportResult result, DataImporter.@Nullable SizeEstimate estimate) {
        error.set("");
        Dataset ds = result.dataset();
        Map<String, String> inferred = result.inferred();
        if (inferred.containsKey("sheets")) {
            sheets.setAll(List.of(inferred.get("sheets").split(", ")));
            if (text(sheet).isBlank() && inferred.containsKey("sheet")) {
                sheet.set(inferred.get("sheet"));
            }
        }
        if (inferred.containsKey("tables") && !inferred.get("tables").isBlank()) {
            tables.setAll(List.of(inferred.get("tables").split(", ")));
            if (text(table).isBlank() && inferred.containsKey("table")) {
                table.set(inferred.get("table"));
            }
        }
        findings.setAll(ImportFindings.of(result, this, messages));
        List<UiMessage> out = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            if (d.code() != ErrorCode.IMPORT_ROW_LIMIT_REACHED && d.code() != ErrorCode.IMPORT_FORMAT_DETECTED) {
                out.add(new UiMessage(d.severity(), messages.diagnostic(d), d.column()));
            }
        }
        for (int c = 0; c < ds.columnCount(); c++) {
            if (ds.rowCount() > 0 && ds.missingCount(c) == ds.rowCount()) {
                String name = ds.schema().get(c).name();
                out.add(new UiMessage(Severity.WARNING, messages.get("import.note.allMissing", name), name));
            }
        }
        notes.setAll(out);
        rebuildColumns(ds);
        guessSeries(ds, result.source());
        estimate(estimate);
        preview.set(ds);
    }

    private void rebuildColumns(Dataset ds) {
        List<ImportColumn> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ds.columnCount(); i++) {
            ColumnSchema cs = ds.schema().get(i);
            names.add(cs.name());
            ColumnType detectedType = typeOverrides.containsKey(cs.name()) ? detectedTypeOf(cs.name(), cs.type())
                    : cs.type();
            ColumnRole role = roleOverrides.getOrDefault(cs.name(), cs.role());
            ImportColumn c = new ImportColumn(cs.name(), detectedType, cs.type(), role,
                    IdColumns.isIdentifier(ds, i));
            c.typeProperty().addListener((o, a, b) -> {
                if (!applying && b != null) {
                    setType(c.name(), b);
                }
            });
            c.roleProperty().addListener((o, a, b) -> {
                if (!applying && b != null && roleOverrides.get(c.name()) != b) {
                    setRole(c.name(), b);
                }
            });
            out.add(c);
        }
        columns.setAll(out);
        columnNames.setAll(names);
    }

    private ColumnType detectedTypeOf(String name, ColumnType fallback) {
        return columns.stream().filter(c -> c.name().equals(name)).map(ImportColumn::detectedType).findFirst()
                .orElse(fallback);
    }

    private void guessSeries(Dataset ds, DataFormat f) {
        int time = ImportFindings.firstDateColumn(ds);
        boolean series = f == DataFormat.DEEPAR || time >= 0 && f != DataFormat.IMAGE_FOLDER;
        timeSeries.set(series);
        if (!series) {
            return;
        }
        if (text(seriesTime).isBlank() || ds.schema().indexOf(seriesTime.get()) < 0) {
            seriesTime.set(time >= 0 ? ds.schema().get(time).name() : "");
        }
        if (text(seriesItem).isBlank() || ds.schema().indexOf(seriesItem.get()) < 0) {
            seriesItem.set(ImportFindings.seriesItem(ds));
        }
        if (!seriesGuessed) {
            seriesGuessed = true;
            seriesOn.set(f == DataFormat.DEEPAR || !text(seriesItem).isBlank());
        }
        if (f == DataFormat.DEEPAR && text(seriesTarget).isBlank() && ds.schema().indexOf("target") >= 0) {
            seriesTarget.set("target");
            setRole("target", ColumnRole.TARGET);
        }
    }

    private void syncTargetRole(@Nullable String before, @Nullable String after) {
        if (before != null && !before.isBlank() && roleOverrides.get(before) == ColumnRole.TARGET) {
            setRole(before, ColumnRole.FEATURE);
        }
        if (after != null && !after.isBlank()) {
            setRole(after, ColumnRole.TARGET);
        }
    }

    private void estimate(DataImporter.@Nullable SizeEstimate e) {
        if (e == null || e.bytes() == 0) {
            estimateText.set("");
            tooBig.set(false);
            return;
        }
        String rows = e.rows() > 0 ? messages.get("import.estimate.rows", e.rows()) : "";
        if (e.fits()) {
            estimateText.set(messages.get("import.estimate.fits", e.megabytes(), e.availableMegabytes(), rows));
            tooBig.set(false);
        } else {
            estimateText.set(messages.get("import.estimate.tooBig", e.megabytes(), e.availableMegabytes(), rows,
                    DataImporter.DEFAULT_SAMPLE_ROWS));
            tooBig.set(true);
        }
    }
}
