package dev.atelier.engine.persist;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.ProjectException;
import dev.atelier.engine.persist.migrate.FormatMigration;
import dev.atelier.engine.persist.migrate.ProjectMigrations;
import dev.atelier.engine.project.DatasetEntry;
import dev.atelier.engine.project.ModelEntry;
import dev.atelier.engine.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/// Reads and writes project files (`*.atelier`): UTF-8 JSON of the shape
///
/// ```json
/// {
///   "formatVersion": 1,
///   "application": "Atelier",
///   "project": { ... }
/// }
/// ```
///
/// Reading checks the format version, applies the [FormatMigration]s from the file's version up to the current
/// one on the JSON tree, then binds the `project` object. Reading never writes: a corrupt, unknown or too-new
/// file is reported and left exactly as it was. Writing always writes the current format, atomically
/// ([AtomicFiles]), with deterministic output ([Json]).
///
/// Paths inside a project (data files, model bundles) are stored relative to the project file's folder when they
/// lie in it or below it, with `/` separators, so a project folder can be moved or shared whole;
/// [#relativize(Path, Path)] and [#resolve(Path, String)] convert. Instances are immutable and thread-safe.
public final class ProjectStore {

    /// The project format this build writes.
    public static final int CURRENT_FORMAT = 1;
    /// The value of the `application` property.
    public static final String APPLICATION = "Atelier";
    /// The file name extension of project files.
    public static final String EXTENSION = ".atelier";

    private static final int MAX_REASON = 200;
    /// Far above any real project (they hold references, not data); guards against opening a huge file by mistake.
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final int currentFormat;
    private final List<FormatMigration> migrations;

    /// The store for this build's format, with [ProjectMigrations#all()].
    public ProjectStore() {
        this(CURRENT_FORMAT, ProjectMigrations.all());
    }

    /// A store for `currentFormat` with its migration chain (for tests of migrations).
    ///
    /// @param currentFormat the format written, and the newest read (≥ 1)
    /// @param migrations    `currentFormat - 1` migrations; element `i` upgrades format `i + 1` to `i + 2`
    public ProjectStore(int currentFormat, List<FormatMigration> migrations) {
        if (currentFormat < 1) {
            throw new IllegalArgumentException("formats start at 1: " + currentFormat);
        }
        this.migrations = List.copyOf(migrations);
        if (this.migrations.size() != currentFormat - 1) {
            throw new IllegalArgumentException("format " + currentFormat + " needs " + (currentFormat - 1)
                    + " migrations, got " + this.migrations.size());
        }
        this.currentFormat = currentFormat;
    }

    /// The format this store writes and the newest it reads.
    public int currentFormat() {
        return currentFormat;
    }

    /// Reads a project file, upgrading older formats in memory (the file is not rewritten).
    ///
    /// @throws ProjectException `FILE_NOT_FOUND` (path), `FILE_IS_DIRECTORY` (path), `FILE_UNREADABLE`
    ///         (path, reason); `PROJECT_CORRUPT` (path, reason) if the file is not JSON (or is larger than
    ///         64 MB), not an object, has no whole-number `formatVersion`, belongs to another application, cannot
    ///         be upgraded, or does not have the shape of a project; `PROJECT_VERSION_UNKNOWN` (path, version) for a version below 1;
    ///         `PROJECT_TOO_NEW` (path, version, current) for a version newer than [#currentFormat()]
    public Project read(Path file) {
        byte[] bytes = readBytes(file);
        ObjectNode document = parse(file, bytes);
        int version = version(file, document);
        JsonNode application = document.get("application");
        if (application != null && !APPLICATION.equals(application.asString(""))) {
            throw corrupt(file, "not an " + APPLICATION + " project");
        }
        for (int v = version; v < currentFormat; v++) {
            try {
                document = Objects.requireNonNull(migrations.get(v - 1).migrate(document), "migration result");
            } catch (RuntimeException e) {
                throw new ProjectException(e, ErrorCode.PROJECT_CORRUPT, file.toString(),
                        "could not upgrade it from format " + v + ": " + shortReason(e));
            }
            document.put("formatVersion", v + 1);
        }
        JsonNode project = document.get("project");
        if (project == null || !project.isObject()) {
            throw corrupt(file, "it holds no project");
        }
        try {
            return Json.MAPPER.treeToValue(project, Project.class);
        } catch (JacksonException e) {
            throw new ProjectException(e, ErrorCode.PROJECT_CORRUPT, file.toString(), shortReason(e));
        }
    }

    /// Writes `project` to `file` in the current format, atomically: the file holds either its old content or
    /// the complete new content. Before anything touches the disk the new content is read back in memory and
    /// compared with `project`, so a file that would not open again as the same project is never written (text
    /// holding broken Unicode, for instance).
    ///
    /// @throws ProjectException `FILE_WRITE_FAILED` (path, reason) or `FILE_IS_DIRECTORY` (path)
    public void write(Project project, Path file) {
        byte[] bytes;
        try {
            bytes = Json.toBytes(new ProjectDocument(currentFormat, APPLICATION, project));
            JsonNode written = Json.MAPPER.readTree(bytes).get("project");
            if (!project.equals(Json.MAPPER.treeToValue(written, Project.class))) {
                throw new ProjectException(ErrorCode.FILE_WRITE_FAILED, file.toString(),
                        "the project would not read back unchanged");
            }
        } catch (JacksonException e) {
            throw new ProjectException(e, ErrorCode.FILE_WRITE_FAILED, file.toString(),
                    "the project would not read back: " + shortReason(e));
        }
        AtomicFiles.write(file, bytes);
    }

    /// How to store `data` in a project saved as `projectFile`: relative to the project's folder, with `/`
    /// separators, when `data` lies in that folder or below it; otherwise its absolute path.
    public static String relativize(Path projectFile, Path data) {
        Path folder = folder(projectFile);
        Path absolute = data.toAbsolutePath().normalize();
        if (!absolute.startsWith(folder) || absolute.equals(folder)) {
            return absolute.toString();
        }
        return StreamSupport.stream(folder.relativize(absolute).spliterator(), false)
                .map(Path::toString)
                .collect(Collectors.joining("/"));
    }

    /// The file a path stored in the project saved as `projectFile` refers to: absolute paths as they are,
    /// relative ones against the project's folder.
    public static Path resolve(Path projectFile, String stored) {
        Path path = projectFile.getFileSystem().getPath(stored);
        return path.isAbsolute() ? path.normalize() : folder(projectFile).resolve(path).normalize();
    }

    /// `project` with its data and model paths re-expressed for saving as `to` instead of `from` ("Save As"):
    /// every stored path still refers to the same file.
    public static Project relocate(Project project, Path from, Path to) {
        Project moved = project;
        for (DatasetEntry d : project.datasets()) {
            String path = relativize(to, resolve(from, d.path()));
            moved = moved.withDataset(new DatasetEntry(d.id(), d.name(), path, d.sha256(), d.options(), d.columns(),
                    d.sampleRows()));
        }
        for (ModelEntry m : project.models()) {
            String path = relativize(to, resolve(from, m.bundlePath()));
            moved = moved.withModel(new ModelEntry(m.id(), m.name(), m.algorithm(), path, m.problemType(),
                    m.target(), m.metrics(), m.created()));
        }
        return moved;
    }

    private static Path folder(Path projectFile) {
        Path absolute = projectFile.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return parent != null ? parent : absolute;
    }

    private static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new ProjectException(ErrorCode.FILE_IS_DIRECTORY, file.toString());
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw corrupt(file, "it is far too large to be a project (" + Files.size(file) / (1024 * 1024)
                        + " MB)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectException(e, ErrorCode.FILE_NOT_FOUND, file.toString());
        } catch (IOException e) {
            throw new ProjectException(e, ErrorCode.FILE_UNREADABLE, file.toString(), AtomicFiles.reason(e));
        }
    }

    private static ObjectNode parse(Path file, byte[] bytes) {
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw corrupt(file, "the file is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ProjectException(e, ErrorCode.PROJECT_CORRUPT, file.toString(), shortReason(e));
        }
        if (!(root instanceof ObjectNode document)) {
            throw corrupt(file, "it is not a JSON object");
        }
        return document;
    }

    private int version(Path file, ObjectNode document) {
        JsonNode node = document.get("formatVersion");
        if (node == null) {
            throw corrupt(file, "it has no formatVersion");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw corrupt(file, "its formatVersion is not a whole number");
        }
        int version = node.intValue();
        if (version < 1) {
            throw new ProjectException(ErrorCode.PROJECT_VERSION_UNKNOWN, file.toString(), version);
        }
        if (version > currentFormat) {
            throw new ProjectException(ErrorCode.PROJECT_TOO_NEW, file.toString(), version, currentFormat);
        }
        return version;
    }

    private static ProjectException corrupt(Path file, String reason) {
        return new ProjectException(ErrorCode.PROJECT_CORRUPT, file.toString(), reason);
    }

    /// The first line of an exception's message, without Jackson's source excerpt, at most 200 characters; with
    /// the line number for JSON syntax errors.
    private static String shortReason(Exception e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        message = message.lines().findFirst().orElse(message).strip();
        if (e instanceof StreamReadException s && s.getLocation() != null && s.getLocation().getLineNr() > 0) {
            message = message + " (line " + s.getLocation().getLineNr() + ")";
        }
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON - 1) + "…";
    }

    /// The top-level shape of a project file.
    record ProjectDocument(int formatVersion, String application, Project project) {
    }
}
