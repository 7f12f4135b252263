package io.github.personalcare.spi;

import io.github.personalcare.lang.PersonalCareException;

/** A transport failed to deliver. {@link #retryable()} says whether trying again may help. */
public class TransportException extends PersonalCareException {
    /** Whether another attempt may succeed. */
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param code      short code, such as {@code "HTTP_503"}; it becomes the {@link #rule()}
     * @param message   what failed, without the body
     * @param retryable whether another attempt may succeed
     */
    public TransportException(String code, String message, boolean retryable) {
        super(code, message);
        this.retryable = retryable;
    }

    /** {@return whether another attempt may succeed} */
    public boolean retryable() {
        return retryable;
    }
}
