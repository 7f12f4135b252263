package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The recipient's request to reconsider a notice and, once decided, its reasoned outcome (R24).
 *
 * @param requestedOn when the request was made
 * @param decidedOn   when it was decided
 * @param outcome     upheld or withdrawn
 * @param reasons     the reasons for the outcome (free text, never logged)
 */
public record Reconsideration(LocalDate requestedOn, Optional<LocalDate> decidedOn,
        Optional<ReconsiderationOutcome> outcome, Optional<String> reasons) {
    /**
     * Checks the request (R24): the request date is required and a decision has its date, outcome
     * and reasons together. Absent optionals become empty.
     *
     * @param requestedOn when the request was made
     * @param decidedOn   when it was decided
     * @param outcome     upheld or withdrawn
     * @param reasons     the reasons for the outcome (free text, never logged)
     * @throws InvalidInputException if the request date is missing, a decision is incomplete or the
     *                               reasons are blank or too long
     */
    public Reconsideration {
        Require.present("reconsideration.requestedOn", requestedOn);
        decidedOn = decidedOn == null ? Optional.empty() : decidedOn;
        outcome = outcome == null ? Optional.empty() : outcome;
        reasons = Require.optionalText("reconsideration.reasons", reasons == null ? Optional.empty() : reasons,
                Require.LONG_TEXT);
        if (decidedOn.isPresent() != outcome.isPresent() || outcome.isPresent() != reasons.isPresent()) {
            throw new InvalidInputException("reconsideration.outcome", "R24",
                    "a decided reconsideration needs its date, outcome and reasons");
        }
    }

    /** {@return whether the request is still pending: no outcome recorded} */
    public boolean isPending() {
        return outcome.isEmpty();
    }
}
