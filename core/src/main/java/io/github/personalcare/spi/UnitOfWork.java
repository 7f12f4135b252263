package io.github.personalcare.spi;

/** Work done inside one storage transaction; see {@link Storage#inTransaction}. */
@FunctionalInterface
public interface UnitOfWork<R> {
    /** Does the work against the transaction and returns a result. */
    R run(Transaction tx);
}
