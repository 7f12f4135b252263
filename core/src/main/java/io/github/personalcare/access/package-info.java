/**
 * Who is acting and why: {@link io.github.personalcare.access.AccessContext} (actor, purpose,
 * reason, correlation id) is the first argument of every service method. The
 * {@link io.github.personalcare.access.AccessGuard} asks the configured
 * {@link io.github.personalcare.access.AccessPolicy} about each call, audits the answer (R50) and
 * fails closed (R38); legitimate relationships come from
 * {@link io.github.personalcare.access.CareRelationship} sources. Depends on identity, audit and spi.
 */
package io.github.personalcare.access;
