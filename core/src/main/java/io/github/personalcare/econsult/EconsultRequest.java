package io.github.personalcare.econsult;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the patient (or a proxy) writes: what the problem is, since when, how it affects them,
 * what they would like the practice to do, and the red-flag questions answered "yes" (empty when
 * none). The texts are free text: stored, never logged nor put in events.
 *
 * @param problem  what the problem is, at most {@link Require#LONG_TEXT} characters
 * @param since    since when, a UK date, not in the future (checked by the service against its clock)
 * @param impact   how it affects them, at most {@link Require#LONG_TEXT} characters
 * @param wish     what they would like, at most {@link Require#LONG_TEXT} characters
 * @param redFlags the red-flag questions answered "yes"; any routes the request to urgent advice
 */
public record EconsultRequest(String problem, LocalDate since, String impact, String wish, Set<RedFlag> redFlags) {
    /**
     * Checks the answers: every text is required, not blank, within the limit and free of control
     * characters; the date is within the SDK's calendar limits; a missing red-flag set means none.
     *
     * @param problem  what the problem is
     * @param since    since when
     * @param impact   how it affects them
     * @param wish     what they would like
     * @param redFlags the red-flag questions answered "yes"
     * @throws InvalidInputException naming the field if an answer is missing or breaks a rule
     */
    public EconsultRequest {
        Require.text("problem", problem, Require.LONG_TEXT);
        Require.date("since", since);
        Require.text("impact", impact, Require.LONG_TEXT);
        Require.text("wish", wish, Require.LONG_TEXT);
        Set<RedFlag> flags = Require.set("redFlags", redFlags);
        redFlags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** {@return whether a red-flag question was answered "yes"} */
    public boolean hasRedFlag() {
        return !redFlags.isEmpty();
    }

    @Override
    public String toString() {
        return "EconsultRequest[redFlags=" + redFlags + "]";
    }
}
