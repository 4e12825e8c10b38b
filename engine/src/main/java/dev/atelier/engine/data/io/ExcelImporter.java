package dev.atelier.engine.data.io;

import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;

/// Reads one sheet of an Excel workbook (`.xlsx`, `.xlsm` or the older `.xls`) with Apache POI, opened read-only
/// so the file is never changed.
///
/// - **Sheet**: by name or 1-based number ([ImportOptions#sheet()]); the first sheet by default. An unknown
///   sheet is an [ErrorCode#IMPORT_SHEET_NOT_FOUND] error that lists the sheets.
/// - **Header row**: the 1-based row given, or by default the first row with any value (so title rows above a
///   table can be skipped by naming the header row); −1 means no header (columns `column_1…`).
/// - **Values**: numbers as written (no display formatting), cells formatted as dates as ISO date-times,
///   true/false, and formulas by their cached value (what Excel last computed); formula errors such as
///   `#DIV/0!` become missing and are counted ([ErrorCode#IMPORT_FORMULA_ERRORS]). A merged region's value is in
///   its first cell; the other cells are empty. Rows with no value at all are skipped.
///
/// The whole workbook is loaded by POI's user model (about 10× the file size in memory for .xlsx);
/// [DataImporter]'s memory guard checks that before reading.
final class ExcelImporter {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExcelImporter() {
    }

    static ImportResult read(Path file, ImportOptions options, JobContext ctx) {
        String path = file.toString();
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(file.toFile(), null, true);
        } catch (EncryptedDocumentException e) {
            throw new DataException(e, ErrorCode.IMPORT_FILE_CORRUPT, path, "Excel workbook", "it is password-protected");
        } catch (IOException | RuntimeException e) {
            throw new DataException(e, ErrorCode.IMPORT_FILE_CORRUPT, path, "Excel workbook", String.valueOf(e.getMessage()));
        }
        try (workbook) {
            return read(workbook, file, options, ctx);
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
    }

    private static ImportResult read(Workbook workbook, Path file, ImportOptions options, JobContext ctx) {
        String path = file.toString();
        List<String> sheetNames = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheetNames.add(workbook.getSheetName(i));
        }
        Sheet sheet = pickSheet(workbook, options.sheet(), path, sheetNames);
        Map<String, String> inferred = new LinkedHashMap<>();
        inferred.put("sheet", sheet.getSheetName());
        inferred.put("sheets", String.join(", ", sheetNames));
        List<Diagnostic> diagnostics = new ArrayList<>();

        int first = sheet.getFirstRowNum();
        int last = sheet.getLastRowNum();
        int headerIndex; // 0-based row index, or −1 for none
        if (options.headerRow() > 0) {
            headerIndex = options.headerRow() - 1;
        } else if (options.headerRow() < 0) {
            headerIndex = -1;
        } else {
            headerIndex = -1;
            for (int r = Math.max(0, first); r <= last; r++) {
                if (hasValue(sheet.getRow(r))) {
                    headerIndex = r;
                    break;
                }
            }
            if (headerIndex < 0) {
                throw new DataException(ErrorCode.FILE_EMPTY, path + " (sheet " + sheet.getSheetName() + ")");
            }
        }
        inferred.put("header_row", headerIndex < 0 ? "none" : Integer.toString(headerIndex + 1));
        int width = 0;
        for (int r = Math.max(0, first); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getLastCellNum() > width && (r >= headerIndex) && hasValue(row)) {
                width = row.getLastCellNum();
            }
        }
        TableAssembler table = new TableAssembler(options.csv().missingMarkers());
        int[] errors = new int[width];
        Row headerRow = headerIndex >= 0 ? sheet.getRow(headerIndex) : null;
        for (int c = 0; c < width; c++) {
            String name = headerRow == null ? "" : text(headerRow.getCell(c), null, 0);
            table.positionalColumn(name == null ? "" : name);
        }
        long max = options.maxRows();
        boolean limited = false;
        for (int r = Math.max(headerIndex + 1, Math.max(0, first)); r <= last; r++) {
            if ((r & 255) == 0) {
                ctx.throwIfCancelled();
                ctx.progress(r, last + 1L);
            }
            Row row = sheet.getRow(r);
            if (!hasValue(row)) {
                continue;
            }
            if (max > 0 && table.rows() >= max) {
                limited = true;
                break;
            }
            for (int c = 0; c < width; c++) {
                table.set(c, text(row.getCell(c), errors, c));
            }
            table.endRow();
        }
        if (table.rows() == 0) {
            throw new DataException(ErrorCode.IMPORT_NO_ROWS, path);
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(file.getFileName())),
                options.typeOverrides(), diagnostics, ctx);
        for (int c = 0; c < width; c++) {
            if (errors[c] > 0) {
                String name = dataset.schema().get(c).name();
                diagnostics.add(Diagnostic.ofColumn(name, ErrorCode.IMPORT_FORMULA_ERRORS, errors[c], name));
            }
        }
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.EXCEL, inferred);
    }

    private static Sheet pickSheet(Workbook workbook, @Nullable String wanted, String path, List<String> names) {
        if (workbook.getNumberOfSheets() == 0) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        if (wanted == null || wanted.isBlank()) {
            return workbook.getSheetAt(0);
        }
        Sheet s = workbook.getSheet(wanted);
        if (s != null) {
            return s;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(wanted.strip())) {
                return workbook.getSheet(n);
            }
        }
        try {
            int i = Integer.parseInt(wanted.strip());
            if (i >= 1 && i <= workbook.getNumberOfSheets()) {
                return workbook.getSheetAt(i - 1);
            }
        } catch (NumberFormatException ignored) {
            // not a number: fall through to the error
        }
        throw new DataException(ErrorCode.IMPORT_SHEET_NOT_FOUND, path, wanted, String.join(", ", names));
    }

    private static boolean hasValue(@Nullable Row row) {
        if (row == null) {
            return false;
        }
        for (Cell cell : row) {
            CellType t = cell.getCellType();
            if (t != CellType.BLANK && !(t == CellType.STRING && cell.getStringCellValue().isBlank())) {
                return true;
            }
        }
        return false;
    }

    /// A cell's value as text (`null` = missing); formula errors are counted in `errors[column]`.
    private static @Nullable String text(@Nullable Cell cell, int @Nullable [] errors, int column) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t == null ? null : t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                            : t.format(DATE_TIME);
                }
                double v = cell.getNumericCellValue();
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    yield Long.toString((long) v);
                }
                yield BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            }
            case ERROR -> {
                if (errors != null) {
                    errors[column]++;
                }
                yield null;
            }
            default -> null;
        };
    }
}
