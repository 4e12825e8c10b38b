package dev.atelier.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/// Runs the CLI in-process and captures what it printed.
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = AtelierCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
