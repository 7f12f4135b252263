package io.github.personalcare.referral;

import io.github.personalcare.InvalidInputException;
import io.github.personalcare.Require;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A document sent with a referral, by reference only: the SDK stores its title, media type and
 * where it lives, never its bytes.
 *
 * @param title     what it is ({@code "Echo report"}); free text, never logged
 * @param mediaType a MIME type such as {@code application/pdf}
 * @param uri       an absolute URI where the document can be fetched
 */
public record Attachment(String title, String mediaType, String uri) {
    /** @throws InvalidInputException if the title, media type or URI is missing or malformed */
    public Attachment {
        title = Require.text("attachment.title", title, Require.SHORT_TEXT);
        if (mediaType == null || !mediaType.matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
            throw new InvalidInputException("attachment.mediaType", "CODE", "must be a MIME type such as application/pdf");
        }
        Require.text("attachment.uri", uri, 2_000);
        try {
            if (!new URI(uri).isAbsolute()) {
                throw new InvalidInputException("attachment.uri", "URI", "must be an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("attachment.uri", "URI", "must be a valid URI");
        }
    }

    @Override
    public String toString() {
        return "Attachment[" + mediaType + "]";
    }
}
