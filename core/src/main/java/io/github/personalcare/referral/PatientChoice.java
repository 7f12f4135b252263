package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;

/**
 * Whether the patient was offered a choice of provider and, if not, the documented exemption
 * (domain notes §3.4). Exactly one holds: offered, or an exemption.
 */
public record PatientChoice(boolean offered, Optional<ChoiceExemption> exemption) {
    /**
     * Checks that exactly one holds; an absent exemption becomes empty.
     *
     * @param offered   whether choice of provider was offered
     * @param exemption the documented exemption, when it was not
     * @throws InvalidInputException if offered with an exemption, or not offered without one
     */
    public PatientChoice {
        exemption = exemption == null ? Optional.empty() : exemption;
        if (offered && exemption.isPresent()) {
            throw new InvalidInputException("choice.exemption", "CHOICE", "must be empty when choice was offered");
        }
        if (!offered && exemption.isEmpty()) {
            throw new InvalidInputException("choice.exemption", "CHOICE", "is required when choice was not offered");
        }
    }

    /** {@return the record that choice of provider was offered to the patient} */
    public static PatientChoice choiceOffered() {
        return new PatientChoice(true, Optional.empty());
    }

    /**
     * Choice was not offered, for the documented exemption.
     *
     * @param exemption the documented exemption
     * @return the record
     * @throws NullPointerException if {@code exemption} is null
     */
    public static PatientChoice exempt(ChoiceExemption exemption) {
        return new PatientChoice(false, Optional.of(exemption));
    }
}
