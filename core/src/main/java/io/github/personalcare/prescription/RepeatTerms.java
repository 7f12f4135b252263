package io.github.personalcare.prescription;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;

/**
 * What a prescriber authorises when putting a medicine on repeat, or changing it: the medicine,
 * the dose in words, the quantity per issue, the interval between issues, how many issues are
 * authorised and when the medication must next be reviewed.
 *
 * @param medicine         the medicine (dm+d code and name)
 * @param dose             the dosage instruction in words, such as {@code "one tablet twice a day"}
 * @param quantity         how much one issue supplies
 * @param intervalDays     the days one issue is meant to last, 1 to 366
 * @param issuesAuthorised how many issues the authorisation allows, 1 to 99
 * @param reviewOn         the UK date the medication is due for review; no issue after it
 */
public record RepeatTerms(Medicine medicine, String dose, SupplyQuantity quantity, int intervalDays,
        int issuesAuthorised, LocalDate reviewOn) {
    /** The longest issue interval, in days. */
    public static final int MAX_INTERVAL_DAYS = 366;
    /** The most issues one authorisation may allow. */
    public static final int MAX_ISSUES = 99;

    /**
     * Checks every field.
     *
     * @param medicine         the medicine
     * @param dose             1 to 200 characters
     * @param quantity         the quantity per issue
     * @param intervalDays     1 to 366
     * @param issuesAuthorised 1 to 99
     * @param reviewOn         a date from 1900 to 2199
     * @throws InvalidInputException naming the field that is missing or out of range
     */
    public RepeatTerms {
        Require.present("medicine", medicine);
        Require.text("dose", dose, Require.SHORT_TEXT);
        Require.present("quantity", quantity);
        if (intervalDays < 1 || intervalDays > MAX_INTERVAL_DAYS) {
            throw new InvalidInputException("intervalDays", "RANGE", "must be 1 to " + MAX_INTERVAL_DAYS);
        }
        if (issuesAuthorised < 1 || issuesAuthorised > MAX_ISSUES) {
            throw new InvalidInputException("issuesAuthorised", "RANGE", "must be 1 to " + MAX_ISSUES);
        }
        Require.date("reviewOn", reviewOn);
    }
}
