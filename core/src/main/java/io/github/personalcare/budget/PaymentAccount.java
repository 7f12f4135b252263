package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;

/**
 * The registered account a direct payment is paid into (R21): its kind, the supplier's
 * reference for it (an internal account reference, never the bank details themselves: it is
 * stored but never logged), and when the health body registered it as dedicated to direct
 * payments. A payment naming any other account is refused.
 *
 * @param kind         dedicated account, managed account or prepaid card
 * @param reference    the supplier's reference of the account, 1–40 letters, digits or '-'
 * @param registeredOn when the health body approved the account
 */
public record PaymentAccount(AccountKind kind, String reference, LocalDate registeredOn) {
    /**
     * Checks the account (R21).
     *
     * @param kind         dedicated account, managed account or prepaid card
     * @param reference    the supplier's reference of the account, 1 to 40 letters, digits or '-'
     * @param registeredOn when the health body approved the account
     * @throws InvalidInputException if the kind or date is missing or the reference is not of that
     *                               form
     */
    public PaymentAccount {
        Require.present("account.kind", kind);
        if (reference == null || reference.isEmpty() || reference.length() > 40
                || !reference.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-')) {
            throw new InvalidInputException("account.reference", "R21", "must be 1 to 40 letters, digits or '-'");
        }
        Require.present("account.registeredOn", registeredOn);
    }

    /**
     * {@return whether a payment naming {@code accountReference} goes into this account}
     *
     * @param accountReference the account reference a payment names
     */
    public boolean receives(String accountReference) {
        return reference.equals(accountReference);
    }
}
