package dev.atelier.app.cli;

import dev.atelier.app.StudioArgs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `atelier studio [PROJECT] [--data FILE | --sample ID]`: opens the studio (what `atelier` alone does).
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Open the studio window.",
                "Without arguments it reopens the last project, or the loan-approval sample on a first run."})
final class StudioCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PROJECT", description = "An Atelier project file (*.atelier) to open.")
    Path project;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--data", paramLabel = "FILE", description = "Open this data file in a new project.")
        Path data;

        @Option(names = "--sample", paramLabel = "ID",
                description = "Open a bundled sample: loan-approval, house-prices, or the multiclass sample.")
        String sample;
    }

    @Override
    public Integer call() {
        AtelierCli.launchStudio(new StudioArgs(project,
                source == null ? null : source.data,
                source == null ? null : source.sample));
        return 0;
    }
}
