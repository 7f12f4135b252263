package io.github.personalcare.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading FHIR {@code dateTime}s written by other systems. FHIR allows a dateTime of a year, a
 * month or a day without a time ({@code 2013}, {@code 2013-06}, {@code 2013-06-08}); the domain
 * holds instants. The stated rule: such a date is widened to the period it names in the
 * {@link #UK} time zone (GMT or BST as the day falls); a point in time or the start of a period
 * reads as the first instant of it, the end of a period as the first instant after it (ends are
 * exclusive in the domain, so the whole last day stays covered). Each widening is a warning
 * ({@code DATE_WIDENED}) at its path; anything else that is not a dateTime with a time zone is an
 * error ({@code DATE}). The SDK's own exports always carry full instants.
 */
final class FhirDateTimes {
    /** The zone a date without a time is read in: the UK's civil time. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern PARTIAL = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private FhirDateTimes() {
    }

    /** A point in time or a period's start: a date alone reads as the start of that date in the UK. */
    static Optional<Instant> start(FhirElement at, String name, String value) {
        return read(at, name, value, false);
    }

    /** A period's end: a date alone reads as the first instant after that date in the UK. */
    static Optional<Instant> end(FhirElement at, String name, String value) {
        return read(at, name, value, true);
    }

    private static Optional<Instant> read(FhirElement at, String name, String value, boolean end) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // not a full dateTime: perhaps a FHIR partial date, handled below
        }
        Matcher m = PARTIAL.matcher(value);
        if (!m.matches()) {
            at.problem(name, "DATE", "must be a dateTime: a date, or a date and time with a time zone");
            return Optional.empty();
        }
        LocalDate first;
        LocalDate after;
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                first = LocalDate.of(year, 1, 1);
                after = first.plusYears(1);
            } else if (m.group(3) == null) {
                first = LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
                after = first.plusMonths(1);
            } else {
                first = LocalDate.parse(value);
                after = first.plusDays(1);
            }
        } catch (java.time.DateTimeException e) {
            at.problem(name, "DATE", "must be a valid date");
            return Optional.empty();
        }
        at.warning(name, "DATE_WIDENED", end
                ? "has no time: read as the end of that date in Europe/London (the first instant after it)"
                : "has no time: read as the start of that date in Europe/London");
        return Optional.of((end ? after : first).atStartOfDay(UK).toInstant());
    }
}
