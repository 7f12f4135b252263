package io.github.personalcare.messaging;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document or record sent with a message, by reference only: the SDK stores its title and where
 * it is, never its bytes.
 *
 * @param title     what it is ({@code "Blood test results"}); free text, never logged
 * @param reference an absolute URI (at most 2,000 characters) or a reference to a record in the
 *                  form {@code Type/id}, such as {@code DocumentReference/123}
 * @param labels    sensitivity labels: {@code THIRD_PARTY} or {@code SERIOUS_HARM} keep it from
 *                  the patient and proxies (R48); other labels keep it from viewers the patient
 *                  objected to for that label (R41). The service leaves out what the access
 *                  decision withholds.
 */
public record MessageAttachment(String title, String reference, Set<SensitivityLabel> labels) {
    /** Longest reference, in characters. */
    public static final int MAX_REFERENCE_LENGTH = 2_000;
    private static final Pattern RECORD_REFERENCE = Pattern.compile("[A-Z][A-Za-z]{0,63}/[A-Za-z0-9.-]{1,64}");

    /**
     * Checks the attachment; absent labels become none.
     *
     * @param title     what it is; free text, never logged
     * @param reference an absolute URI or a {@code Type/id} record reference
     * @param labels    sensitivity labels
     * @throws InvalidInputException naming {@code attachment.title} or {@code attachment.reference} if either is
     *                               missing or malformed, or {@code attachment.labels} if a label is missing
     */
    public MessageAttachment {
        title = Require.text("attachment.title", title, Require.SHORT_TEXT);
        Require.text("attachment.reference", reference, MAX_REFERENCE_LENGTH);
        if (!RECORD_REFERENCE.matcher(reference).matches() && !absoluteUri(reference)) {
            throw new InvalidInputException("attachment.reference", "REFERENCE",
                    "must be an absolute URI or a record reference such as DocumentReference/123");
        }
        labels = Require.set("attachment.labels", labels);
        labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
    }

    /**
     * An attachment with no sensitivity labels.
     *
     * @param title     what it is; free text, never logged
     * @param reference an absolute URI or a {@code Type/id} record reference
     * @throws InvalidInputException if the title or reference is missing or malformed
     */
    public MessageAttachment(String title, String reference) {
        this(title, reference, Set.of());
    }

    /**
     * The same attachment marked with {@code more} labels as well.
     *
     * @param more the labels to add
     * @return the copy
     */
    public MessageAttachment labelled(SensitivityLabel... more) {
        Set<SensitivityLabel> all = EnumSet.noneOf(SensitivityLabel.class);
        all.addAll(labels);
        all.addAll(List.of(more));
        return new MessageAttachment(title, reference, all);
    }

    /**
     * Whether a viewer from whom {@code withheld} labels are kept may see it.
     *
     * @param withheld the labels kept from the viewer
     * @return true if none of its labels is withheld
     */
    public boolean visibleDespite(Set<SensitivityLabel> withheld) {
        return labels.stream().noneMatch(withheld::contains);
    }

    private static boolean absoluteUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MessageAttachment[labels " + labels + "]";
    }
}
