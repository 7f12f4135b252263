package io.github.personalcare.record;

import io.github.personalcare.internal.check.Require;

import java.util.List;

/**
 * The result of a bulk import: the final counts and every refused record with its problems.
 *
 * @param totals  the counts when the import finished
 * @param refused the refused records, in batch order
 */
public record ImportReport(ImportProgress totals, List<ImportOutcome.Refused> refused) {
    /**
     * Checks the report and copies the refusals.
     *
     * @param totals  the counts when the import finished
     * @param refused the refused records
     * @throws io.github.personalcare.lang.InvalidInputException if a part is missing or the refusals do
     *                                                           not match the refused count
     */
    public ImportReport {
        Require.present("totals", totals);
        refused = List.copyOf(Require.present("refused", refused));
        if (refused.size() != totals.refused()) {
            throw new io.github.personalcare.lang.InvalidInputException("refused", "COUNTS",
                    "every refused record is reported");
        }
    }
}
