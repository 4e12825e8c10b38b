package dev.atelier.app.cli;

import dev.atelier.engine.algorithms.AlgorithmDescriptor;
import dev.atelier.engine.algorithms.ParamSpec;
import dev.atelier.engine.algorithms.ProblemType;
import dev.atelier.engine.learn.Learners;
import dev.atelier.engine.learn.ProblemTypes;
import dev.atelier.engine.persist.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `atelier algorithms [--json]`: the algorithm catalogue with SageMaker's hyperparameters, and which ones this
/// build can train.
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = {"List the algorithms, the problems they solve and their hyperparameters (SageMaker names).",
                "--json prints key, name, problem_types, hyperparameters (name, default, range, description) and"
                        + " trainable for each."})
final class AlgorithmsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the catalogue as JSON.")
    boolean json;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<AlgorithmDescriptor> all = Learners.builtIn().catalog().all();
        if (json) {
            var list = new ArrayList<Map<String, Object>>();
            for (AlgorithmDescriptor d : all) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("key", d.key());
                entry.put("name", d.displayName());
                entry.put("problem_types", d.problemTypes().stream().map(AlgorithmsCommand::problemName).toList());
                var hps = new ArrayList<Map<String, Object>>();
                for (ParamSpec p : d.hyperparameters()) {
                    var hp = new LinkedHashMap<String, Object>();
                    hp.put("name", p.name());
                    hp.put("default", p.defaultText());
                    hp.put("range", p.range());
                    hp.put("description", p.description());
                    hps.add(hp);
                }
                entry.put("hyperparameters", hps);
                entry.put("trainable", d.trainable());
                list.add(entry);
            }
            out.print(Json.toText(list));
        } else {
            out.printf("%-24s %-30s %-9s %s%n", "KEY", "NAME", "TRAINABLE", "PROBLEMS");
            for (AlgorithmDescriptor d : all) {
                out.printf("%-24s %-30s %-9s %s%n", d.key(), d.displayName(), d.trainable() ? "yes" : "not yet",
                        String.join(", ", d.problemTypes().stream().map(AlgorithmsCommand::problemName).toList()));
            }
            out.println();
            out.println("Run \"atelier algorithms --json\" for every hyperparameter with its default, range and meaning.");
        }
        out.flush();
        return 0;
    }

    static String problemName(ProblemType p) {
        return p.isTabularSupervised() ? ProblemTypes.shortName(p) : p.name().toLowerCase(Locale.ROOT);
    }
}
