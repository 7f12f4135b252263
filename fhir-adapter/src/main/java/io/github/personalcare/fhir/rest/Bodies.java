package io.github.personalcare.fhir.rest;

import java.io.IOException;
import okio.BufferedSource;
import okhttp3.ResponseBody;

/** Reads a response body into memory, never beyond a cap: a huge answer must not exhaust the heap. */
final class Bodies {
    private Bodies() {
    }

    /** Thrown when the body is longer than the cap; the caller closes the response unread. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("response body over the cap", null, false, false);
        }
    }

    static byte[] read(ResponseBody body, long cap) throws IOException, TooLarge {
        if (body.contentLength() > cap) {
            throw new TooLarge();    // declared too large: not one byte read
        }
        BufferedSource source = body.source();
        if (source.request(cap + 1)) {
            throw new TooLarge();    // more than cap bytes arrived (chunked or lying length)
        }
        return source.readByteArray();
    }
}
