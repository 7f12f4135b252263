package io.github.personalcare.access;

import io.github.personalcare.spi.Transaction;

/**
 * Decides access requests. The {@link AccessGuard} calls it first in every service method, inside
 * the transaction of the call, so the facts it reads (care team, consents, referrals) are those
 * the call will see. There is no permitting default: an implementation that throws produces a
 * deny (fail closed, R38).
 */
@FunctionalInterface
public interface AccessPolicy {

    /**
     * Decides one request.
     *
     * @param request what is asked
     * @param facts   the transaction to read facts from; implementations must not write to it
     */
    AccessDecision decide(AccessRequest request, Transaction facts);
}
