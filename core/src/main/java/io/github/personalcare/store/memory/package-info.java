/**
 * The embedded default storage, {@link io.github.personalcare.store.memory.InMemoryStorage}:
 * thread-safe, serialisable, transactional (a failed unit of work leaves no trace), nothing kept
 * after the JVM exits. It passes the same testkit contract suite as the JDBC adapter.
 */
package io.github.personalcare.store.memory;
