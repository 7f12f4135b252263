package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.SensitivityLabel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A document sent with a referral, by reference only: the SDK stores its title, media type and
 * where it lives, never its bytes.
 *
 * @param title     what it is ({@code "Echo report"}); free text, never logged
 * @param mediaType a MIME type such as {@code application/pdf}
 * @param uri       an absolute URI where the document can be fetched
 * @param labels    sensitivity labels the referrer marked it with: {@code THIRD_PARTY} or
 *                  {@code SERIOUS_HARM} keep it from the patient and proxies (R48); other labels
 *                  keep it from viewers the patient objected to for that label (R41). The services
 *                  leave out what the access decision withholds.
 */
public record Attachment(String title, String mediaType, String uri, Set<SensitivityLabel> labels) {
    /**
     * Checks the attachment; absent labels become none.
     *
     * @param title     what it is; free text, never logged
     * @param mediaType a MIME type such as {@code application/pdf}
     * @param uri       an absolute URI of at most 2,000 characters
     * @param labels    sensitivity labels the referrer marked it with
     * @throws InvalidInputException if the title, media type or URI is missing or malformed
     */
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
        labels = labels == null || labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
    }

    /**
     * An attachment with no sensitivity labels.
     *
     * @param title     what it is; free text, never logged
     * @param mediaType a MIME type such as {@code application/pdf}
     * @param uri       an absolute URI of at most 2,000 characters
     * @throws InvalidInputException if the title, media type or URI is missing or malformed
     */
    public Attachment(String title, String mediaType, String uri) {
        this(title, mediaType, uri, Set.of());
    }

    /**
     * The same attachment marked with {@code more} labels as well.
     *
     * @param more the labels to add
     * @return the copy
     */
    public Attachment labelled(SensitivityLabel... more) {
        Set<SensitivityLabel> all = EnumSet.noneOf(SensitivityLabel.class);
        all.addAll(labels);
        all.addAll(List.of(more));
        return new Attachment(title, mediaType, uri, all);
    }

    @Override
    public String toString() {
        return "Attachment[" + mediaType + ", labels " + labels + "]";
    }
}
