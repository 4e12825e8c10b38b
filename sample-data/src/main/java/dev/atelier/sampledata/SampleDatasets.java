package dev.atelier.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// The catalogue of sample datasets bundled with Atelier: the app's "Open sample" menu and the test suites read
/// the same list. The CSVs live as resources next to this class; [#extract] copies one to a real file for
/// importers that need a [Path]. `sample-data/DATASETS.md` documents every column and the planted structure.
public final class SampleDatasets {

    /// Loan applications with a planted gender bias in the approval decision.
    public static final SampleDataset LOAN_APPROVAL = new SampleDataset(
            "loan-approval",
            "Loan approval",
            "loan-approval.csv",
            "approved",
            SampleDataset.BINARY,
            "gender",
            "Two thousand consumer-loan applications made in 2024 and 2025, each with the applicant's age, gender, "
                    + "income, credit score, years in their job, whether they own a home, the region, what the loan "
                    + "is for and how much was asked; the column to predict is whether the loan was approved. The "
                    + "data is generated, and a bias was planted on purpose: women with the same credit score, debt "
                    + "and work history as men were approved less often, so use gender as the sensitive column and "
                    + "see whether the bias checks catch it. Like real exports it has flaws to find: some credit "
                    + "scores are missing, a few rows appear twice and a handful of incomes are very high.",
            2_000,
            12);

    /// Help-desk tickets labelled low, medium, high or urgent.
    public static final SampleDataset SUPPORT_TICKET_PRIORITY = new SampleDataset(
            "support-ticket-priority",
            "Support ticket priority",
            "support-ticket-priority.csv",
            "priority",
            SampleDataset.MULTICLASS,
            null,
            "Fifteen hundred help-desk tickets from January to early July 2025: how each arrived (email, web form, "
                    + "chat, phone), which product it is about, the customer's plan, how many users are affected, "
                    + "whether an outage was reported, how many tickets the customer raised in the last 30 days, "
                    + "how long they have been a customer and a sentiment score from the ticket text. The column to "
                    + "predict is the priority an agent gave it: low, medium, high or urgent, with fewer urgent "
                    + "tickets than low ones. The data is generated from a documented scoring rule, including one "
                    + "hard rule: an outage reported by a premium or enterprise customer is always urgent.",
            1_500,
            11);

    /// Home sales with a price generated from a documented formula.
    public static final SampleDataset HOUSE_PRICES = new SampleDataset(
            "house-prices",
            "House prices",
            "house-prices.csv",
            "price",
            SampleDataset.REGRESSION,
            null,
            "Fifteen hundred home sales in one mid-sized city between 2023 and 2025: the neighbourhood, living area "
                    + "in square metres, bedrooms, bathrooms, year built, condition, whether there is a garage and "
                    + "the distance to the city centre. The column to predict is the sale price. The data is "
                    + "generated from a documented formula: bigger homes cost more, and more so in sought-after "
                    + "neighbourhoods; distance lowers the price with diminishing effect; very old and brand-new "
                    + "homes fetch a premium over middle-aged ones; prices rise over time. About one in twenty homes "
                    + "has no year built recorded.",
            1_500,
            11);

    /// Daily unit sales of three shops, for forecasting.
    public static final SampleDataset RETAIL_DEMAND = new SampleDataset(
            "retail-demand-timeseries",
            "Retail demand (time series)",
            "retail-demand-timeseries.csv",
            "units_sold",
            SampleDataset.FORECASTING,
            null,
            "Daily units sold by three shops over 2024 and 2025, one row per shop and day, with a flag for the "
                    + "weeks a shop ran a promotion. The column to predict is units sold. The data is generated "
                    + "with a clear weekly rhythm (Saturdays busiest, early weekdays quietest), a gentle summer "
                    + "peak, slow growth over the two years and a 30 % lift in promotion weeks, which makes it a "
                    + "good first forecasting exercise.",
            2_193,
            4);

    private static final List<SampleDataset> ALL =
            List.of(LOAN_APPROVAL, SUPPORT_TICKET_PRIORITY, HOUSE_PRICES, RETAIL_DEMAND);

    private SampleDatasets() {
    }

    /// Every bundled dataset, in menu order.
    public static List<SampleDataset> all() {
        return ALL;
    }

    /// The bundled dataset with this id, if there is one.
    public static Optional<SampleDataset> find(String id) {
        Objects.requireNonNull(id, "id");
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /// Opens the dataset's CSV (UTF-8, `\n` line endings, RFC 4180 quoting). The caller closes the stream.
    ///
    /// @throws IllegalArgumentException if no CSV named `dataset.fileName()` is bundled
    public static InputStream open(SampleDataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        InputStream in = SampleDatasets.class.getResourceAsStream(dataset.fileName());
        if (in == null) {
            throw new IllegalArgumentException("not a bundled sample: " + dataset.fileName());
        }
        return in;
    }

    /// Copies the dataset's CSV into `folder` (created if needed) as `folder/<fileName>` and returns that path.
    /// If an identical file is already there it is left untouched; otherwise the file is written to a temporary
    /// file in the same folder and moved into place atomically where the file system allows, so readers never see
    /// a half-written file.
    ///
    /// @throws IOException              if the folder cannot be created or the file cannot be written
    /// @throws IllegalArgumentException if no CSV named `dataset.fileName()` is bundled
    public static Path extract(SampleDataset dataset, Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        byte[] content;
        try (InputStream in = open(dataset)) {
            content = in.readAllBytes();
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(dataset.fileName());
        if (sameContent(target, content)) {
            return target;
        }
        Path temp = Files.createTempFile(folder, "." + dataset.id() + "-", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /// [Extracts][#extract] the dataset into [#cacheFolder()] and returns the file's path.
    ///
    /// @throws IOException if the cache folder cannot be created or the file cannot be written
    public static Path extractToCache(SampleDataset dataset) throws IOException {
        return extract(dataset, cacheFolder());
    }

    /// Where [#extractToCache] puts files: `<atelier home>/samples`, where the Atelier home is the system
    /// property `atelier.home` if set, else `${user.home}/.atelier`.
    public static Path cacheFolder() {
        String home = System.getProperty("atelier.home");
        Path atelierHome = home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".atelier");
        return atelierHome.resolve("samples");
    }

    private static boolean sameContent(Path file, byte[] content) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != content.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(file), content);
    }
}
