package io.github.personalcare.record;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Duration;

/**
 * How far a bulk import has got: records offered so far and what became of them, items stored and
 * the time taken (read from the SDK's clock).
 *
 * @param records         records offered so far
 * @param imported        records stored
 * @param alreadyImported records skipped because an earlier import stored them
 * @param refused         records refused
 * @param resources       items stored in all (patients, teams, plans, budgets, ledger entries,
 *                        referrals, consents, foreign audit records)
 * @param elapsed         time since the import started
 */
public record ImportProgress(long records, long imported, long alreadyImported, long refused, long resources,
        Duration elapsed) {
    /**
     * Checks the counts add up.
     *
     * @param records         records offered so far
     * @param imported        records stored
     * @param alreadyImported records skipped
     * @param refused         records refused
     * @param resources       items stored
     * @param elapsed         time since the import started
     * @throws InvalidInputException if a count is negative, the outcomes do not add up to the records, or
     *                               {@code elapsed} is missing or negative
     */
    public ImportProgress {
        if (records < 0 || imported < 0 || alreadyImported < 0 || refused < 0 || resources < 0
                || imported + alreadyImported + refused != records) {
            throw new InvalidInputException("records", "COUNTS", "counts must be non-negative and add up to the records");
        }
        if (Require.present("elapsed", elapsed).isNegative()) {
            throw new InvalidInputException("elapsed", "RANGE", "must not be negative");
        }
    }

    /** {@return records offered per second so far, or 0 before any time has passed} */
    public double recordsPerSecond() {
        return rate(records);
    }

    /** {@return items stored per second so far, or 0 before any time has passed} */
    public double resourcesPerSecond() {
        return rate(resources);
    }

    private double rate(long count) {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : count * 1_000_000_000.0 / nanos;
    }
}
