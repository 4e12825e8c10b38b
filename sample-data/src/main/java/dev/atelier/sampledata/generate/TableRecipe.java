package dev.atelier.sampledata.generate;

/// One bundled dataset's generator: the file it writes and how to fill it from a seeded stream.
/// Each recipe's class comment documents its planted structure; `sample-data/DATASETS.md` repeats it for analysts.
sealed interface TableRecipe permits LoanApprovalRecipe, SupportTicketRecipe, HousePriceRecipe, RetailDemandRecipe {

    /// The CSV file name, such as `loan-approval.csv`.
    String fileName();

    /// The whole table, drawn from `draws` (which the recipe owns for the duration of the call).
    CsvTable generate(Draws draws);
}
