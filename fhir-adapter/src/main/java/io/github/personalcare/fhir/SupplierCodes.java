package io.github.personalcare.fhir;

import io.github.personalcare.lang.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A supplier's own code lists, for {@link SdkConformance#bundle(SupplierCodes)}: the SDK carries
 * specialties, referral and appointment cancellation reasons and spend categories as the supplier
 * codes them, so it publishes those code systems as {@code content: fragment} with no concepts, and a
 * validator then warns "Unknown code in fragment CodeSystem" for every code a record uses. A supplier
 * that lists its codes here gets the same conformance Bundle with each listed system
 * {@code content: complete}, holding exactly its codes and displays; a validator loading it resolves
 * every code and flags any code the supplier did not list.
 *
 * <pre>{@code
 * SupplierCodes codes = SupplierCodes.builder()
 *         .add(SupplierCodes.CodeList.SPECIALTY, "CARDIOLOGY", "Cardiology")
 *         .add(SupplierCodes.CodeList.SPEND_CATEGORY, "PERSONAL_ASSISTANT", "Personal assistant")
 *         .build();
 * ObjectNode conformance = SdkConformance.bundle(codes);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SupplierCodes {
    /** FHIR's {@code code} type: no leading or trailing whitespace, no runs of whitespace inside. */
    private static final Pattern FHIR_CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");
    private static final int MAX_CODES = 10_000;

    /** The SDK's open code lists: each is a code system the supplier fills. */
    public enum CodeList {
        /** A referral's and a shortlisted service's specialty ({@code referral.Specialty}). */
        SPECIALTY("specialty"),
        /** The reason code of a referral's transition ({@code referral.ReasonCode}). */
        REFERRAL_REASON("referral-reason"),
        /** Why an appointment was cancelled. */
        APPOINTMENT_CANCELLATION_REASON("appointment-cancellation-reason"),
        /** A budget line's or a spend's category ({@code budget.SpendCategory}). */
        SPEND_CATEGORY("spend-category");

        private final String name;

        CodeList(String name) {
            this.name = name;
        }

        /** {@return the last segment of the code system's URL, such as {@code specialty}} */
        public String codeSystemName() {
            return name;
        }

        /** {@return the code system's canonical URL, as every SDK coding of the list carries it} */
        public String url() {
            return FhirSystems.SDK_CODES + name;
        }
    }

    private static final SupplierCodes NONE = new SupplierCodes(new EnumMap<>(CodeList.class));

    private final Map<CodeList, Map<String, String>> codes;

    private SupplierCodes(Map<CodeList, Map<String, String>> codes) {
        EnumMap<CodeList, Map<String, String>> copy = new EnumMap<>(CodeList.class);
        codes.forEach((list, byCode) -> copy.put(list, Collections.unmodifiableMap(new TreeMap<>(byCode))));
        this.codes = Collections.unmodifiableMap(copy);
    }

    /** {@return no codes: every open list stays a fragment, as in {@link SdkConformance#bundle()}} */
    public static SupplierCodes none() {
        return NONE;
    }

    /** {@return a builder of a supplier's codes} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The codes given for a list, with their displays, in code order.
     *
     * @param list the list
     * @return the codes and displays; empty if the supplier gave none (the list stays a fragment)
     * @throws NullPointerException if {@code list} is null
     */
    public Map<String, String> codes(CodeList list) {
        return codes.getOrDefault(Objects.requireNonNull(list, "list"), Map.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupplierCodes other && codes.equals(other.codes);
    }

    @Override
    public int hashCode() {
        return codes.hashCode();
    }

    @Override
    public String toString() {
        Map<CodeList, Integer> counts = new LinkedHashMap<>();
        codes.forEach((list, byCode) -> counts.put(list, byCode.size()));
        return "SupplierCodes" + counts;
    }

    /** Collects a supplier's codes; not thread-safe. */
    public static final class Builder {
        private final Map<CodeList, Map<String, String>> codes = new EnumMap<>(CodeList.class);
        private int count;

        private Builder() {
        }

        /**
         * Adds one code of a list with its display.
         *
         * @param list    the open list the code belongs to
         * @param code    the code as the SDK's records carry it (a FHIR code: no leading, trailing or
         *                doubled whitespace)
         * @param display how people see it
         * @return this builder
         * @throws InvalidInputException if the code is blank or not a FHIR code ({@code code}, rule
         *                               {@code CODE}), the display is blank ({@code display},
         *                               {@code REQUIRED}), the code is already in the list
         *                               ({@code code}, {@code DUPLICATE}), or more than 10,000 codes
         *                               are given ({@code codes}, {@code LIMIT})
         * @throws NullPointerException  if {@code list} is null
         */
        public Builder add(CodeList list, String code, String display) {
            Objects.requireNonNull(list, "list");
            if (code == null || !FHIR_CODE.matcher(code).matches()) {
                throw new InvalidInputException("code", "CODE", "must be a FHIR code: not blank, no leading, trailing "
                        + "or doubled whitespace");
            }
            if (display == null || display.isBlank()) {
                throw new InvalidInputException("display", "REQUIRED", "is required");
            }
            if (count >= MAX_CODES) {
                throw new InvalidInputException("codes", "LIMIT", "at most " + MAX_CODES + " codes");
            }
            Map<String, String> byCode = codes.computeIfAbsent(list, l -> new LinkedHashMap<>());
            if (byCode.putIfAbsent(code, display) != null) {
                throw new InvalidInputException("code", "DUPLICATE", "is already in the list " + list.codeSystemName());
            }
            count++;
            return this;
        }

        /** {@return the codes given so far} */
        public SupplierCodes build() {
            return new SupplierCodes(codes);
        }
    }
}
