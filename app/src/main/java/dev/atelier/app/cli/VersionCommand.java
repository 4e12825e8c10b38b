package dev.atelier.app.cli;

import dev.atelier.engine.EngineInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/// `atelier version`: the version of Atelier and of what it runs on.
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print Atelier's version and the Java runtime, operating system and library versions.")
final class VersionCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : lines()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }

    static String[] lines() {
        EngineInfo info = EngineInfo.current();
        return new String[] {
            "Atelier " + info.version(),
            "Java " + info.javaVersion() + " (" + info.javaVendor() + ")",
            "OS " + info.os() + " " + info.arch(),
            "Tablesaw " + info.tablesaw() + ", Jackson " + info.jackson()
        };
    }

    /// Supplies `atelier --version`.
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
