package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;

import java.math.BigDecimal;

/**
 * An amount of money in pence sterling; never negative (R17). GBP is the only currency a
 * personal health budget is held in, so an amount in any other currency is refused at the edge
 * ({@link #of(String, String)}). Amounts are whole pence: {@code "12.505"} cannot be expressed and
 * is rejected, never rounded.
 *
 * <p>Ledger amounts must also be positive: see {@link #requirePositive(String)}.
 *
 * @param pence the amount in pence, zero or more
 */
public record Money(long pence) implements Comparable<Money> {
    /** The only currency a budget is held in (R17). */
    public static final String CURRENCY = "GBP";
    /** Nothing. */
    public static final Money ZERO = new Money(0);
    /** At most this many pounds may be written in one amount (far above any budget). */
    private static final int MAX_POUND_DIGITS = 12;
    /**
     * The largest amount, in pence: £999,999,999,999.99, the most {@link #parse} reads. Far above any
     * budget, and small enough that adding two amounts never overflows a {@code long}.
     */
    public static final long MAX_PENCE = 99_999_999_999_999L;

    /**
     * Checks the amount is not negative (R17) and at most {@link #MAX_PENCE}.
     *
     * @param pence the amount in pence, zero to {@link #MAX_PENCE}
     * @throws InvalidInputException if {@code pence} is negative (R17) or above {@link #MAX_PENCE}
     */
    public Money {
        if (pence < 0) {
            throw new InvalidInputException("amount", "R17", "must not be negative");
        }
        if (pence > MAX_PENCE) {
            throw new InvalidInputException("amount", "R17", "must be at most 999,999,999,999.99 pounds");
        }
    }

    /**
     * An amount of pence.
     *
     * @param pence the amount in pence, zero to {@link #MAX_PENCE}
     * @return the amount
     * @throws InvalidInputException if {@code pence} is negative (R17) or above {@link #MAX_PENCE}
     */
    public static Money ofPence(long pence) {
        return new Money(pence);
    }

    /**
     * An amount of whole pounds.
     *
     * @param pounds whole pounds, zero or more
     * @return the amount
     * @throws InvalidInputException if {@code pounds} is negative (R17) or above {@link #MAX_PENCE} in pence
     */
    public static Money ofPounds(long pounds) {
        if (pounds > MAX_PENCE / 100) {
            throw new InvalidInputException("amount", "R17", "must be at most 999,999,999,999.99 pounds");
        }
        return new Money(pounds * 100L);
    }

    /**
     * Reads pounds written as {@code "12"}, {@code "12.5"} or {@code "12.50"}.
     *
     * @param pounds the amount in pounds, such as {@code "12.50"}
     * @return the amount
     * @throws InvalidInputException if the text is not a plain non-negative amount with at most two
     *                               decimal places (rule R17); the value is never quoted
     */
    public static Money parse(String pounds) {
        if (pounds == null) {
            throw new InvalidInputException("amount", "R17", "is required");
        }
        int dot = pounds.indexOf('.');
        String whole = dot < 0 ? pounds : pounds.substring(0, dot);
        String fraction = dot < 0 ? "" : pounds.substring(dot + 1);
        if (pounds.startsWith("-")) {
            throw new InvalidInputException("amount", "R17", "must not be negative");
        }
        if (whole.isEmpty() || whole.length() > MAX_POUND_DIGITS || !digits(whole)
                || (dot >= 0 && (fraction.isEmpty() || !digits(fraction)))) {
            throw new InvalidInputException("amount", "R17", "must be pounds with at most two decimal places");
        }
        if (fraction.length() > 2) {
            throw new InvalidInputException("amount", "R17", "must not be more precise than one penny");
        }
        long pence = Long.parseLong(whole) * 100 + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "0").substring(0, 2)));
        return new Money(pence);
    }

    /**
     * Reads an amount in a currency: only {@code "GBP"} is accepted (R17).
     *
     * @param pounds   the amount in pounds, such as {@code "12.50"}
     * @param currency the currency code
     * @return the amount
     * @throws InvalidInputException with field {@code currency} for any other currency, or as
     *                               {@link #parse} for a malformed amount
     */
    public static Money of(String pounds, String currency) {
        if (!CURRENCY.equals(currency)) {
            throw new InvalidInputException("currency", "R17", "must be GBP");
        }
        return parse(pounds);
    }

    /**
     * Returns this amount if it is more than zero: ledger entries never carry zero.
     *
     * @param field the input name to report
     * @return this amount
     * @throws InvalidInputException naming {@code field} if the amount is zero (R17)
     */
    public Money requirePositive(String field) {
        if (pence == 0) {
            throw new InvalidInputException(field, "R17", "must be more than zero");
        }
        return this;
    }

    /**
     * The sum; overflow throws {@link ArithmeticException} rather than wrapping.
     *
     * @param other the amount to add
     * @return the sum
     * @throws ArithmeticException if the sum does not fit in a {@code long}
     */
    public Money plus(Money other) {
        return new Money(Math.addExact(pence, other.pence));
    }

    /**
     * The difference.
     *
     * @param other the amount to take away
     * @return the difference
     * @throws InvalidInputException if {@code other} is larger (the result would be negative, R17)
     */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(pence, other.pence));
    }

    /**
     * {@return whether this is more than {@code other}}
     *
     * @param other the amount compared with
     */
    public boolean isMoreThan(Money other) {
        return pence > other.pence;
    }

    /** {@return whether the amount is zero} */
    public boolean isZero() {
        return pence == 0;
    }

    /** {@return the amount in pounds at scale 2, for reports and exchange formats} */
    public BigDecimal toPounds() {
        return BigDecimal.valueOf(pence, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    /** {@code "£12.50"}. */
    @Override
    public String toString() {
        return "£" + toPounds().toPlainString();
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
