package dev.atelier.app.cli;

import dev.atelier.app.StudioArgs;
import dev.atelier.app.common.i18n.Messages;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/// The `atelier` command line: a thin layer of picocli commands over the engine.
///
/// Exit codes: 0 success, 1 failure (one plain-language line on stderr; the stack trace only with
/// `--verbose`), 2 bad usage (picocli's message plus a hint to `--help`).
@Command(name = "atelier",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {"Atelier — an offline, no-code machine-learning studio.",
                "Run without arguments to open the studio; run a command to work from the terminal."},
        subcommands = {VersionCommand.class, ProfileCommand.class, AlgorithmsCommand.class, TrainCommand.class,
                PredictCommand.class, AutomlCommand.class, BenchCommand.class, TransformsCommand.class,
                WrangleCommand.class, StudioCommand.class, BiasCommand.class, ExplainCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 bad usage."})
public final class AtelierCli implements Runnable {
    /// Exit code for a failed command.
    public static final int FAILURE = 1;
    /// Exit code for bad usage.
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // `atelier` with options but no command: show the help.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /// Runs a command with the real standard streams; returns the exit code.
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /// Runs a command writing to the given streams (tests capture them); returns the exit code.
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Messages messages = Messages.english();
        CommandLine cli = new CommandLine(new AtelierCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new FailureHandler(messages));
        cli.setParameterExceptionHandler(FailureHandler::usage);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(messages.get("cli.errorPrefix") + messages.get("cli.outOfMemory"));
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /// Opens the studio. The studio lives in the JavaFX layer, which this package must not import; it is
    /// reached by name so that CLI commands never load the toolkit.
    public static void launchStudio(StudioArgs args) {
        try {
            Class.forName("dev.atelier.app.studio.StudioApplication")
                    .getMethod("launchStudio", StudioArgs.class)
                    .invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The studio is not part of this build", e);
        }
    }
}
