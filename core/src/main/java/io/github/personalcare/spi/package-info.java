/**
 * Ports that adapters implement: {@link io.github.personalcare.spi.Storage} (a unit of work in one
 * transaction over versioned aggregate stores, append-only entry logs, the audit trail and the
 * outbox), {@link io.github.personalcare.spi.Transport}, and the access decision:
 * {@link io.github.personalcare.spi.AccessPolicy} over a read-only
 * {@link io.github.personalcare.spi.AccessFacts} view, with {@link io.github.personalcare.spi.CareRelationship}
 * sources. Aggregate packages describe their records to storage with
 * {@link io.github.personalcare.spi.AggregateType}; the testkit contract suite defines what a correct
 * adapter does. Writes in one transaction concern one patient. Depends on lang, identity, event,
 * access and audit.
 */
package io.github.personalcare.spi;
