package dev.atelier.sampledata.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Writes Atelier's bundled sample CSVs. The committed files under
/// `sample-data/src/main/resources/dev/atelier/sampledata/` are exactly this program's output for
/// [#DEFAULT_SEED]; a test regenerates them and compares bytes, so they can never drift from the code.
///
/// Usage: `SampleDataGenerator [output-dir] [--seed N]`. Without an output folder it writes into the resources
/// folder above, found relative to the working directory (the repository root or the `sample-data` module).
/// Dataset *i* (in the order of [#fileNames()]) is drawn from its own `L64X128MixRandom` stream seeded with
/// `seed + i`. Everything is computed with `StrictMath` and fixed-format number printing, so the output is
/// byte-for-byte the same on every platform and JDK.
public final class SampleDataGenerator {
    /// The seed the committed files were generated with.
    public static final long DEFAULT_SEED = 20_250_601L;

    /// Where the committed files live, relative to the `sample-data` module folder.
    public static final Path RESOURCE_FOLDER = Path.of("src", "main", "resources", "dev", "atelier", "sampledata");

    private static final List<TableRecipe> RECIPES = List.of(
            new LoanApprovalRecipe(), new SupportTicketRecipe(), new HousePriceRecipe(), new RetailDemandRecipe());

    private SampleDataGenerator() {
    }

    /// Command-line entry point; see the class comment.
    ///
    /// @throws IllegalArgumentException for unknown or malformed arguments
    /// @throws IOException              if a file cannot be written
    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--seed")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--seed needs a value");
                }
                seed = Long.parseLong(args[++i]);
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring("--seed=".length()));
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; usage: SampleDataGenerator [output-dir] [--seed N]");
            } else if (out == null) {
                out = Path.of(arg);
            } else {
                throw new IllegalArgumentException("more than one output folder: " + out + ", " + arg);
            }
        }
        generateAll(out != null ? out : defaultFolder(), seed);
    }

    /// The CSV file names written, in generation order.
    public static List<String> fileNames() {
        return RECIPES.stream().map(TableRecipe::fileName).toList();
    }

    /// Writes every sample CSV into `folder` (created if needed), overwriting files of the same name.
    ///
    /// @return the files written, in the order of [#fileNames()]
    public static List<Path> generateAll(Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(RECIPES.size());
        for (int i = 0; i < RECIPES.size(); i++) {
            TableRecipe recipe = RECIPES.get(i);
            Path file = folder.resolve(recipe.fileName());
            recipe.generate(Draws.seeded(seed + i)).write(file);
            written.add(file);
        }
        return List.copyOf(written);
    }

    /// The CSV text of one sample file for `seed`, without touching the disk.
    ///
    /// @throws IllegalArgumentException if no recipe writes `fileName`
    public static String generate(String fileName, long seed) {
        for (int i = 0; i < RECIPES.size(); i++) {
            if (RECIPES.get(i).fileName().equals(fileName)) {
                return RECIPES.get(i).generate(Draws.seeded(seed + i)).toCsv();
            }
        }
        throw new IllegalArgumentException("no sample file named " + fileName + "; known: " + fileNames());
    }

    private static Path defaultFolder() {
        if (Files.isDirectory(Path.of("sample-data", "src", "main"))) {
            return Path.of("sample-data").resolve(RESOURCE_FOLDER);
        }
        if (Files.isDirectory(Path.of("src", "main", "java", "dev", "atelier", "sampledata"))) {
            return RESOURCE_FOLDER;
        }
        throw new IllegalArgumentException("run from the repository root or the sample-data folder, "
                + "or give the output folder as the first argument");
    }
}
