package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.UserId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The person a direct payment is made to (R19), and when they consented to (or, for a nominee,
 * agreed to) receive it. A representative or nominee is named by their user id; the patient is
 * not, as the budget already names them.
 *
 * @param kind        patient, representative or nominee
 * @param person      the representative or nominee; empty for the patient
 * @param consentedOn when the recipient's consent or agreement was recorded
 */
public record Recipient(RecipientKind kind, Optional<UserId> person, LocalDate consentedOn) {
    /**
     * Checks the recipient (R19): the kind and date are required; a representative or nominee is
     * named and the patient is not. An absent person becomes empty.
     *
     * @param kind        patient, representative or nominee
     * @param person      the representative or nominee; empty for the patient
     * @param consentedOn when the recipient's consent or agreement was recorded
     * @throws InvalidInputException naming the component that is missing or wrong
     */
    public Recipient {
        Require.present("recipient.kind", kind);
        person = person == null ? Optional.empty() : person;
        Require.present("recipient.consentedOn", consentedOn);
        if (kind == RecipientKind.PATIENT && person.isPresent()) {
            throw new InvalidInputException("recipient.person", "R19", "must be empty when the patient receives the payment");
        }
        if (kind != RecipientKind.PATIENT && person.isEmpty()) {
            throw new InvalidInputException("recipient.person", "R19", "must name the representative or nominee");
        }
    }

    /**
     * The patient, who consented on {@code consentedOn}.
     *
     * @param consentedOn when the patient's consent was recorded
     * @return the recipient
     * @throws InvalidInputException if {@code consentedOn} is missing
     */
    public static Recipient patient(LocalDate consentedOn) {
        return new Recipient(RecipientKind.PATIENT, Optional.empty(), consentedOn);
    }

    /**
     * A representative, who consented on {@code consentedOn}.
     *
     * @param person      the representative's user id
     * @param consentedOn when their consent was recorded
     * @return the recipient
     * @throws InvalidInputException if {@code consentedOn} is missing
     * @throws NullPointerException if {@code person} is null
     */
    public static Recipient representative(UserId person, LocalDate consentedOn) {
        return new Recipient(RecipientKind.REPRESENTATIVE, Optional.of(person), consentedOn);
    }

    /**
     * A nominee, who agreed on {@code agreedOn}.
     *
     * @param person   the nominee's user id
     * @param agreedOn when their agreement was recorded
     * @return the recipient
     * @throws InvalidInputException if {@code agreedOn} is missing
     * @throws NullPointerException if {@code person} is null
     */
    public static Recipient nominee(UserId person, LocalDate agreedOn) {
        return new Recipient(RecipientKind.NOMINEE, Optional.of(person), agreedOn);
    }
}
