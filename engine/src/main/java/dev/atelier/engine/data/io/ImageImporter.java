package dev.atelier.engine.data.io;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.data.Dataset;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.Diagnostic;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.job.JobContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/// Reads image collections into a table of `path, label, width, height` (sizes read from the file headers,
/// see [ImageHeaders]): a folder with one subfolder per class (images anywhere below a class folder get its
/// name as label), or a SageMaker `.lst` file (`index<TAB>label…<TAB>relative path` lines, paths resolved from
/// the `.lst` file's folder; several label columns become `label_1…`). Images whose size cannot be read
/// (damaged, cut short or not an image) keep their row with no width and height and are reported
/// ([ErrorCode#IMPORT_IMAGES_UNREADABLE]). Files are only read, never changed.
final class ImageImporter {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

    private ImageImporter() {
    }

    static ImportResult readFolder(Path folder, ImportOptions options, JobContext ctx) {
        String path = folder.toString();
        List<Path> classes;
        try (Stream<Path> s = Files.list(folder)) {
            classes = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
        TableAssembler table = new TableAssembler(Set.of());
        int pathCol = table.column("path");
        int labelCol = table.column("label");
        int widthCol = table.column("width");
        int heightCol = table.column("height");
        int unreadable = 0;
        String example = "";
        long max = options.maxRows();
        boolean limited = false;
        outer:
        for (Path cls : classes) {
            List<Path> images;
            try (Stream<Path> s = Files.walk(cls)) {
                images = s.filter(Files::isRegularFile).filter(ImageImporter::isImage).sorted().toList();
            } catch (IOException e) {
                throw new DataException(e, ErrorCode.FILE_UNREADABLE, cls.toString(), e.getMessage());
            }
            for (Path image : images) {
                if ((table.rows() & 255) == 0) {
                    ctx.throwIfCancelled();
                }
                if (max > 0 && table.rows() >= max) {
                    limited = true;
                    break outer;
                }
                ImageHeaders.Size size = ImageHeaders.read(image);
                if (size == null && unreadable++ == 0) {
                    example = folder.relativize(image).toString();
                }
                table.set(pathCol, image.toAbsolutePath().normalize().toString());
                table.set(labelCol, cls.getFileName().toString());
                table.set(widthCol, size == null ? null : Integer.toString(size.width()));
                table.set(heightCol, size == null ? null : Integer.toString(size.height()));
                table.endRow();
            }
        }
        if (table.rows() == 0) {
            throw new DataException(ErrorCode.IMPORT_NO_IMAGES, path);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (unreadable > 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_IMAGES_UNREADABLE, unreadable, example));
        }
        if (limited) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_ROW_LIMIT_REACHED, table.rows(), max));
        }
        Map<String, String> inferred = new LinkedHashMap<>();
        inferred.put("layout", "one subfolder per class");
        inferred.put("classes", Integer.toString(classes.size()));
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(folder.getFileName()) + ".x"),
                overrides(options), diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.IMAGE_FOLDER, inferred);
    }

    static ImportResult readList(Path lst, ImportOptions options, JobContext ctx) {
        String path = lst.toString();
        Path base = lst.toAbsolutePath().getParent();
        List<String[]> records = new ArrayList<>();
        int labels = 1;
        try (BufferedReader in = Files.newBufferedReader(lst, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    f = line.strip().split("\\s+");
                }
                if (f.length < 3) {
                    throw new DataException(ErrorCode.IMPORT_FILE_CORRUPT, path, "SageMaker image list",
                            "line " + (records.size() + 1) + " needs index, label and path separated by tabs");
                }
                labels = Math.max(labels, f.length - 2);
                records.add(f);
            }
        } catch (IOException e) {
            throw new DataException(e, ErrorCode.FILE_UNREADABLE, path, e.getMessage());
        }
        if (records.isEmpty()) {
            throw new DataException(ErrorCode.FILE_EMPTY, path);
        }
        TableAssembler table = new TableAssembler(Set.of());
        int indexCol = table.column("index");
        int[] labelCols = new int[labels];
        for (int k = 0; k < labels; k++) {
            labelCols[k] = table.column(labels == 1 ? "label" : "label_" + (k + 1));
        }
        int pathCol = table.column("path");
        int widthCol = table.column("width");
        int heightCol = table.column("height");
        int unreadable = 0;
        int found = 0;
        String example = "";
        long max = options.maxRows();
        for (String[] f : records) {
            if (max > 0 && table.rows() >= max) {
                break;
            }
            ctx.throwIfCancelled();
            table.set(indexCol, f[0].strip());
            for (int k = 0; k < f.length - 2; k++) {
                table.set(labelCols[k], f[k + 1].strip());
            }
            String relative = f[f.length - 1].strip();
            table.set(pathCol, relative);
            Path image = base == null ? Path.of(relative) : base.resolve(relative);
            if (Files.isRegularFile(image)) {
                found++;
                ImageHeaders.Size size = ImageHeaders.read(image);
                if (size == null && unreadable++ == 0) {
                    example = relative;
                }
                table.set(widthCol, size == null ? null : Integer.toString(size.width()));
                table.set(heightCol, size == null ? null : Integer.toString(size.height()));
            }
            table.endRow();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (unreadable > 0) {
            diagnostics.add(Diagnostic.of(ErrorCode.IMPORT_IMAGES_UNREADABLE, unreadable, example));
        }
        Map<String, String> inferred = new LinkedHashMap<>();
        inferred.put("layout", "SageMaker image list");
        inferred.put("images_found", found + " of " + table.rows());
        Map<String, ColumnType> overrides = overrides(options);
        for (int k = 0; k < labels; k++) {
            overrides.putIfAbsent(labels == 1 ? "label" : "label_" + (k + 1), ColumnType.CATEGORICAL);
        }
        Dataset dataset = table.build(TableAssembler.datasetName(String.valueOf(lst.getFileName())), overrides,
                diagnostics, ctx);
        return new ImportResult(dataset, options.csv(), diagnostics, DataFormat.IMAGE_LIST, inferred);
    }

    private static Map<String, ColumnType> overrides(ImportOptions options) {
        Map<String, ColumnType> o = new LinkedHashMap<>();
        o.put("path", ColumnType.TEXT);
        o.put("label", ColumnType.CATEGORICAL);
        o.put("width", ColumnType.NUMERIC);
        o.put("height", ColumnType.NUMERIC);
        o.putAll(options.typeOverrides());
        return o;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && EXTENSIONS.contains(n.substring(dot + 1));
    }
}
