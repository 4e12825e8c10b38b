package dev.atelier.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AtelierCliTest {

    @Test
    void versionPrintsAtelierAndJavaVersionsAndExitsZero() {
        CliRun run = CliRun.of("version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Atelier 0.").contains("Java 25");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void dashDashVersionAgreesWithTheVersionCommand() {
        assertThat(CliRun.of("--version").out()).isEqualTo(CliRun.of("version").out());
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("version", "profile", "studio", "Exit codes");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"version", "profile", "studio"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: atelier " + command);
        }
    }

    @Test
    void unknownCommandIsBadUsageWithExitTwo() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate").contains("--help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsBadUsageWithExitTwo() {
        CliRun run = CliRun.of("version", "--colour");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--colour");
    }
}
