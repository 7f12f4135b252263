package io.github.personalcare.spi;




import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.internal.AccessGuard;
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
     * @param facts   a read-only view of the call's transaction
     * @return the decision; never null
     */
    AccessDecision decide(AccessRequest request, AccessFacts facts);
}
