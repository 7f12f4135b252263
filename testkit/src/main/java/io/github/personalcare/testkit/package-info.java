/**
 * The storage contract suite: one abstract JUnit 5 class per concern (transactions, optimistic
 * versions, queries, entry logs, audit trail, outbox, and each aggregate), each with an abstract
 * {@link io.github.personalcare.testkit.StorageContract#newStorage()}. A storage adapter proves it is
 * correct by extending every contract class with its own factory; in-memory, H2 and PostgreSQL all
 * pass the same suite. Depends on core, JUnit 5 and AssertJ.
 */
package io.github.personalcare.testkit;
