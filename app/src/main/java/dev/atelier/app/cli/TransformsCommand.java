package dev.atelier.app.cli;

import dev.atelier.engine.persist.Recipes;
import dev.atelier.engine.wrangle.Family;
import dev.atelier.engine.wrangle.TransformInfo;
import dev.atelier.engine.wrangle.TransformRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/// `atelier transforms [--json]`: the data-preparation transforms a recipe can use.
@Command(name = "transforms", mixinStandardHelpOptions = true,
        description = {"List the data-preparation transforms that recipes (\"atelier wrangle\") can use.",
                "--json prints key, family, name, description, column types and parameters for each."})
final class TransformsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the catalogue as JSON.")
    boolean json;

    @Option(names = "--family", paramLabel = "FAMILY", description = "Only this family (e.g. handle-missing).")
    String family;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TransformInfo> all = TransformRegistry.all().stream()
                .filter(t -> family == null || t.family().key().equals(family.toLowerCase(Locale.ROOT)))
                .toList();
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No family called " + family
                    + "; families: " + String.join(", ", java.util.Arrays.stream(Family.values()).map(Family::key).toList()));
        }
        if (json) {
            out.print(new String(Recipes.catalogToBytes(all), StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        Family current = null;
        for (TransformInfo t : all) {
            if (t.family() != current) {
                current = t.family();
                out.printf(Locale.ROOT, "%n%s (%s)%n", current.displayName(), current.key());
            }
            var params = t.params().stream().map(p -> p.name()).toList();
            out.printf(Locale.ROOT, "  %-22s %-32s %s%n", t.key(), t.name(), String.join(", ", params));
        }
        out.printf(Locale.ROOT, "%n%d transforms in %d families.%n", all.size(),
                all.stream().map(TransformInfo::family).distinct().count());
        out.flush();
        return 0;
    }
}
