package io.github.personalcare.referral;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A local note that the patient's own choice delayed their pathway (for example, they asked to
 * wait until after a family event), from one UK local date (Europe/London) until another, or still
 * open. For waiting-list management and clinical prioritisation only: it <b>never moves the RTT
 * clock</b>. Patient pauses were abolished on 1 October 2015 and waits are gross calendar days
 * from clock start (R36, domain notes §3.6).
 *
 * @param from  the first day of the delay
 * @param until the day it ended, or empty while it lasts
 */
public record PatientChoiceDelay(LocalDate from, Optional<LocalDate> until) {
    /**
     * Checks the delay; an absent end becomes empty.
     *
     * @param from  the first day of the delay
     * @param until the day it ended, or empty while it lasts
     * @throws io.github.personalcare.lang.InvalidInputException if {@code from} is missing
     * @throws RuleViolationException if the delay ends before it starts (R36)
     */
    public PatientChoiceDelay {
        Require.present("delay.from", from);
        until = until == null ? Optional.empty() : until;
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new RuleViolationException("R36", "a patient-choice delay cannot end before it starts");
        }
    }

    /** {@return true while the delay has no end} */
    public boolean isOpen() {
        return until.isEmpty();
    }
}
