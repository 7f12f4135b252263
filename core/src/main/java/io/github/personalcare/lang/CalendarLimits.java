package io.github.personalcare.lang;

import java.time.LocalDate;

/**
 * The dates the SDK accepts: from {@link #EARLIEST} to {@link #LATEST}, both included. A date
 * outside them (a date of birth in year 1, a review due on {@code LocalDate.MAX}) is a typing
 * error, not a fact about care, and is refused with an {@link InvalidInputException} (rule
 * {@code DATE}) naming the field. The range is wide enough for every living person's date of birth
 * and for any review or statement date a budget or plan will reach, and narrow enough that date
 * arithmetic (a period's end, an 18-week breach date) never overflows and that every accepted
 * date round-trips through FHIR.
 */
public final class CalendarLimits {
    /** The earliest date accepted: 1 January 1900. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date accepted: 31 December 2199. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private CalendarLimits() {
    }

    /**
     * Whether {@code date} is within the accepted range.
     *
     * @param date the date, not null
     * @return true if {@link #EARLIEST} &le; {@code date} &le; {@link #LATEST}
     */
    public static boolean accepts(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
