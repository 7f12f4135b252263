package io.github.personalcare.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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

    /** {@return whether {@code value} has the shape of a full date, {@code YYYY-MM-DD} (ASCII digits)} */
    static boolean isFullDate(String value) {
        if (value.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A point in time or a period's start: a date alone reads as the start of that date in the UK. */
    static Optional<Instant> start(FhirElement at, String name, String value) {
        return read(at, name, value, false);
    }

    /** A period's end: a date alone reads as the first instant after that date in the UK. */
    static Optional<Instant> end(FhirElement at, String name, String value) {
        return read(at, name, value, true);
    }

    /**
     * {@code OffsetDateTime.parse(value).toInstant()}, the same instants and the same refusals,
     * without the formatter's per-call objects for the form the SDK and most systems write
     * ({@code 2026-11-20T09:15:30Z}, {@code 2026-11-20T09:15:30.123+01:00}): an import reads one
     * per audit record and ledger entry. Anything else goes to {@code OffsetDateTime.parse}.
     *
     * @throws DateTimeParseException as {@code OffsetDateTime.parse} does
     */
    static Instant parseInstant(String value) {
        Instant fast = canonical(value);
        return fast != null ? fast : OffsetDateTime.parse(value).toInstant();
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} with every field in range; null otherwise. */
    static Instant canonical(String v) {
        int n = v.length();
        if (n < 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (v.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                nanos = nanos * 10 + (v.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && v.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':') {
            int oh = digits(v, i + 1, 2);
            int om = digits(v, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (v.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The number of {@code count} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<Instant> read(FhirElement at, String name, String value, boolean end) {
        try {
            return Optional.of(parseInstant(value));
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
