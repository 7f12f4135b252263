package io.github.personalcare.access;

import io.github.personalcare.lang.PersonalCareException;

/**
 * The access policy said no. The denial has already been written to the audit trail (R50);
 * {@link #decision()} says which rule decided.
 */
public class AccessDeniedException extends PersonalCareException {
    private final AccessDecision.Deny decision;

    /** @param decision the deny that was audited */
    public AccessDeniedException(AccessDecision.Deny decision) {
        super(decision.rule(), "access denied by " + decision.rule() + ": " + String.join("; ", decision.reasons()));
        this.decision = decision;
    }

    /** The decision, with its rule and reasons. */
    public AccessDecision.Deny decision() {
        return decision;
    }
}
