package io.github.personalcare.careplan;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Information or advice given to the person (an information prescription): a title (at most
 * {@link Require#SHORT_TEXT} characters) and an absolute {@code https} or {@code http} link of at
 * most 2,000 characters.
 */
public record InformationPrescription(String title, String link) {
    /** Longest link accepted. */
    public static final int MAX_LINK = 2_000;

    /**
     * Checks the title and the link.
     *
     * @param title the title, at most {@link Require#SHORT_TEXT} characters
     * @param link  an absolute http or https link, at most {@value #MAX_LINK} characters
     * @throws InvalidInputException naming {@code information.title} or {@code information.link}
     */
    public InformationPrescription {
        title = Require.text("information.title", title, Require.SHORT_TEXT);
        link = Require.text("information.link", link, MAX_LINK);
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new InvalidInputException("information.link", "LINK", "must be an absolute http(s) link");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("information.link", "LINK", "must be a valid link");
        }
    }
}
