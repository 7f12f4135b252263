package io.github.personalcare.fhir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes and fails on the first byte beyond: a 50 MB body costs no more
 * than the limit plus one parser buffer, whatever the sender claims.
 */
final class CappedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    CappedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Thrown when the body is longer than the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body exceeds the size limit");
        }
    }

    /** Bytes handed to the reader so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never ask for more than one byte past the limit, so the overrun is seen at once.
        long room = limit - count + 1;
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw new TooLarge();
        }
    }
}
