package io.github.personalcare.spi;

/**
 * Work done inside one storage transaction; see {@link Storage#inTransaction}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface UnitOfWork<R> {
    /**
     * Does the work against the transaction and returns a result.
     *
     * @param tx the open transaction; valid only until this method returns
     * @return the result, which {@link Storage#inTransaction} returns after commit
     */
    R run(Transaction tx);
}
