package dev.atelier.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.app.shell.Screen;
import dev.atelier.engine.data.ColumnRole;
import dev.atelier.engine.data.ColumnType;
import dev.atelier.sampledata.SampleDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every message key the studio's code names literally, and every key it builds from an enum, is in the
/// bundle: a missing key would show up on screen as "data.columns.title".
class MessageKeysTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:app|data|screen|menu|nav|status|error|placeholder"
            + "|project|help|files|jobs|job|studio|messages|shell|build|params|welcome|tour|automl|leaderboard|analyze"
            + "|predict|prepare|bias|import|insights)\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");
    private final Messages messages = Messages.english();

    @Test
    void everyLiteralKeyInTheStudioCodeExists() throws IOException {
        Path root = Path.of("src/main/java/dev/atelier/app");
        var missing = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.toString().contains("/cli/")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (!messages.has(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoAreaBundles() {
        var seen = new java.util.HashMap<String, String>();
        var twice = new TreeSet<String>();
        for (String area : Messages.AREAS) {
            Messages.bundle(area, Locale.ENGLISH).ifPresent(b -> b.keySet().forEach(k -> {
                String before = seen.putIfAbsent(k, area);
                if (before != null) {
                    twice.add(k + " (" + before + ", " + area + ")");
                }
            }));
        }
        assertThat(seen).isNotEmpty();
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() {
        List<String> keys = new ArrayList<>();
        for (Screen s : Screen.values()) {
            keys.add("screen." + s.key() + ".title");
            keys.add("screen." + s.key() + ".tooltip");
            if (s.comesAfter() != null) {
                keys.add("screen." + s.key() + ".placeholder");
                keys.add("screen." + s.key() + ".next");
            }
        }
        for (ColumnRole r : ColumnRole.values()) {
            keys.add("data.role." + r.name() + ".label");
            keys.add("data.role." + r.name() + ".short");
            keys.add("data.role." + r.name() + ".tooltip");
        }
        for (ColumnType t : ColumnType.values()) {
            String k = t.name().toLowerCase(Locale.ROOT);
            keys.add("data.type." + k + ".badge");
            keys.add("data.type." + k + ".name");
            keys.add("data.type." + k + ".tooltip");
        }
        for (dev.atelier.engine.automl.ObjectiveMetric m : dev.atelier.engine.automl.ObjectiveMetric.values()) {
            keys.add("build.autopilot.metric." + m.key() + ".name");
            keys.add("build.autopilot.metric." + m.key() + ".tooltip");
        }
        for (var m : dev.atelier.engine.automl.AutopilotSpec.Mode.values()) {
            keys.add("build.autopilot.mode." + m.name().toLowerCase(Locale.ROOT));
            keys.add("build.autopilot.mode." + m.name().toLowerCase(Locale.ROOT) + ".tooltip");
            keys.add("leaderboard.header.mode." + m.name().toLowerCase(Locale.ROOT));
        }
        for (var p : dev.atelier.engine.automl.AutopilotSpec.Preset.values()) {
            keys.add("build.autopilot.preset." + p.name().toLowerCase(Locale.ROOT));
            keys.add("build.autopilot.preset." + p.name().toLowerCase(Locale.ROOT) + ".tooltip");
        }
        for (String k : List.of("accuracy", "balanced_accuracy", "precision", "recall", "f1", "macro_precision",
                "macro_recall", "macro_f1", "auc", "log_loss", "mse", "rmse", "mae", "mape", "r2")) {
            keys.add("analyze.metric." + k + ".name");
            keys.add("analyze.metric." + k + ".tooltip");
        }
        SampleDatasets.all().forEach(s -> keys.add("data.sample.problem." + s.problemType()));
        for (String kind : List.of("info", "warning", "error")) {
            keys.add("messages.severity." + kind);
        }
        for (var w : dev.atelier.engine.data.profile.WarningType.values()) {
            for (String part : List.of("title", "meaning", "action")) {
                keys.add("insights.warning." + w.name() + "." + part);
            }
        }
        for (var l : dev.atelier.app.data.insights.InsightsViewModel.Level.values()) {
            keys.add("insights.level." + l.name());
        }
        assertThat(keys).allMatch(messages::has, "is in the bundle");
    }
}
