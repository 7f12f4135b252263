/**
 * Who is acting and why: {@link io.github.personalcare.access.AccessContext} (actor, purpose,
 * reason, correlation id) is the first argument of every service method; an
 * {@link io.github.personalcare.access.AccessRequest} is decided into an
 * {@link io.github.personalcare.access.AccessDecision} by the configured access policy
 * ({@code spi.AccessPolicy}); a deny reaches the caller as
 * {@link io.github.personalcare.access.AccessDeniedException} (already audited, R50). Depends on
 * lang, identity and event.
 */
package io.github.personalcare.access;
