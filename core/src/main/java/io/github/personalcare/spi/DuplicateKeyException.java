package io.github.personalcare.spi;

/** An insert or append collided with an existing id or idempotency key; nothing was written. */
public class DuplicateKeyException extends StorageException {
    /** @param what the kind of key that collided, such as {@code "care_plan id"} */
    public DuplicateKeyException(String what) {
        super("DUPLICATE", "duplicate " + what);
    }
}
