package io.github.personalcare.access;

import io.github.personalcare.spi.Transaction;

import java.time.Instant;

/**
 * What a service's unit of work receives once the guard has permitted the call: the open
 * transaction, the time of the command (read once from the clock), the permit with its
 * obligations, and the caller's context.
 */
public record Permitted(Transaction tx, Instant now, AccessDecision.Permit decision, AccessContext context) {
}
