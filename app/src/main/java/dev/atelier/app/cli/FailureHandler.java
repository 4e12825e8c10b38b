package dev.atelier.app.cli;

import dev.atelier.app.common.i18n.Messages;
import dev.atelier.engine.error.AtelierException;
import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/// Turns a failure into one plain-language line on stderr and exit code 1; the stack trace follows only
/// with `--verbose`.
final class FailureHandler implements IExecutionExceptionHandler {
    private final Messages messages;

    FailureHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String line = switch (ex) {
            case AtelierException e -> messages.error(e);
            case CancellationException _ -> messages.get("cli.cancelled");
            default -> messages.get("cli.unexpected", String.valueOf(ex.getMessage()));
        };
        err.println(messages.get("cli.errorPrefix") + line);
        if (isVerbose(parseResult)) {
            ex.printStackTrace(err);
        } else if (!(ex instanceof AtelierException) && !(ex instanceof CancellationException)) {
            err.println(messages.get("cli.verboseHint"));
        }
        err.flush();
        return AtelierCli.FAILURE;
    }

    /// Bad usage: picocli's explanation, a pointer to `--help`, exit 2.
    static int usage(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(Messages.english().get("cli.errorPrefix") + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println(Messages.english().get("cli.usageHint", cmd.getCommandSpec().qualifiedName()));
        err.flush();
        return AtelierCli.USAGE;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
