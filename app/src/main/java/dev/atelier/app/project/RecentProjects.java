package dev.atelier.app.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The most recently opened or saved projects, newest first, kept in a small JSON file
/// (`<atelier home>/recent.json`: an array of absolute paths). Reading never fails: a damaged file is ignored.
public final class RecentProjects {
    /// How many projects the list keeps.
    public static final int MAX = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RecentProjects.class);

    private final Path file;
    private final ObservableList<Path> items = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(items);

    /// The list stored in `file`.
    public RecentProjects(Path file) {
        this.file = file;
        items.setAll(read(file));
    }

    /// The projects, newest first (for the Open recent menu).
    public ObservableList<Path> items() {
        return readOnly;
    }

    /// The newest project that still exists.
    public Optional<Path> mostRecentExisting() {
        return items.stream().filter(Files::isRegularFile).findFirst();
    }

    /// Puts `project` at the top and saves the list.
    public void add(Path project) {
        Path p = project.toAbsolutePath().normalize();
        var next = new ArrayList<Path>(items);
        next.remove(p);
        next.addFirst(p);
        while (next.size() > MAX) {
            next.removeLast();
        }
        items.setAll(next);
        write();
    }

    /// Removes `project` (it no longer opens) and saves the list.
    public void remove(Path project) {
        if (items.remove(project.toAbsolutePath().normalize())) {
            write();
        }
    }

    private void write() {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            json.append("  \"").append(escape(items.get(i).toString())).append('"');
            json.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        json.append("]\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".recent-", ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not write the recent projects to {}: {}", file, e.toString());
        }
    }

    static List<Path> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8)).stream()
                    .map(Path::of).limit(MAX).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable recent-projects file {}: {}", file, e.toString());
            return List.of();
        }
    }

    /// Parses a JSON array of strings (the only shape this file has).
    static List<String> parse(String json) {
        var out = new ArrayList<String>();
        int i = skip(json, 0);
        expect(json, i, '[');
        i = skip(json, i + 1);
        if (json.charAt(i) == ']') {
            return out;
        }
        while (true) {
            expect(json, i, '"');
            StringBuilder s = new StringBuilder();
            i++;
            while (json.charAt(i) != '"') {
                char c = json.charAt(i);
                if (c == '\\') {
                    char e = json.charAt(++i);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
                i++;
            }
            out.add(s.toString());
            i = skip(json, i + 1);
            if (json.charAt(i) == ']') {
                return out;
            }
            expect(json, i, ',');
            i = skip(json, i + 1);
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end of JSON");
        }
        return i;
    }

    private static void expect(String s, int i, char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
