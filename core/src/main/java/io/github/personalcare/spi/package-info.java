/**
 * Ports that adapters implement: {@link io.github.personalcare.spi.Storage} (a unit of work in one
 * transaction over versioned aggregate stores, append-only entry logs, the audit trail and the
 * outbox) and {@link io.github.personalcare.spi.Transport}. Aggregate packages describe their
 * records to storage with {@link io.github.personalcare.spi.AggregateType}; the testkit contract
 * suite defines what a correct adapter does. Writes in one transaction concern one patient.
 */
package io.github.personalcare.spi;
