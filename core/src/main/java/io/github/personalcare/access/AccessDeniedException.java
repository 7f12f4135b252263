package io.github.personalcare.access;

import io.github.personalcare.lang.PersonalCareException;

/**
 * The access policy said no. The denial has already been written to the audit trail (R50);
 * {@link #decision()} says which rule decided.
 */
public class AccessDeniedException extends PersonalCareException {
    /** The deny that was audited. */
    private final AccessDecision.Deny decision;

    /**
     * Creates the exception; its message names the rule and the reasons, which hold no personal
     * data.
     *
     * @param decision the deny that was audited
     */
    public AccessDeniedException(AccessDecision.Deny decision) {
        super(decision.rule(), "access denied by " + decision.rule() + ": " + String.join("; ", decision.reasons()));
        this.decision = decision;
    }

    /** {@return the decision, with its rule and reasons} */
    public AccessDecision.Deny decision() {
        return decision;
    }
}
