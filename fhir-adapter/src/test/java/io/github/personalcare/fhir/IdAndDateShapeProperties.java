package io.github.personalcare.fhir;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written shape checks on the import's hot paths (a UUID, a FHIR id, a full date) accept
 * exactly what the regular expressions they replaced accept, on text made mostly of the characters
 * that matter (digits, hex letters, dashes, dots) and of other characters, Unicode digits included.
 */
class IdAndDateShapeProperties {
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> near = Arbitraries.strings().withChars("0123456789abcdefABCDEFgG-._ \u0663\u00e9")
                .ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> uuids = Arbitraries.create(java.util.UUID::randomUUID).map(Object::toString)
                .flatMap(u -> Arbitraries.integers().between(0, 35).flatMap(i -> Arbitraries
                        .of('0', 'F', 'f', 'g', '-', '.', '\u0663').map(c -> i % 3 == 0
                                ? u.substring(0, i) + c + u.substring(i + 1) : u.toUpperCase())));
        Arbitrary<String> dates = Arbitraries.strings().withChars("0123456789-\u0663x").ofMinLength(8).ofMaxLength(11);
        return Arbitraries.oneOf(near, uuids, dates, Arbitraries.strings().ofMaxLength(70));
    }

    @Property(tries = 2000)
    void shapesAreTheRegularExpressions(@ForAll("texts") String text) {
        assertThat(ForeignIds.isUuid(text)).isEqualTo(UUID_TEXT.matcher(text).matches());
        assertThat(ForeignIds.isFhirId(text)).isEqualTo(FHIR_ID.matcher(text).matches());
        assertThat(FhirDateTimes.isFullDate(text)).isEqualTo(FULL_DATE.matcher(text).matches());
    }
}
