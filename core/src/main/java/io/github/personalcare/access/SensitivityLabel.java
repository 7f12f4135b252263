package io.github.personalcare.access;

/**
 * Labels on sensitive items: a patient may object to a label being shared, and consent provisions
 * can permit or deny by label.
 */
public enum SensitivityLabel {
    /** Sexual health. */
    SEXUAL_HEALTH,
    /** Mental health. */
    MENTAL_HEALTH,
    /** Safeguarding concerns. */
    SAFEGUARDING,
    /** Drug or alcohol misuse. */
    SUBSTANCE_MISUSE,
    /** HIV status and care. */
    HIV,
    /** Genetic information. */
    GENETIC,
    /** Third-party information: never shown to the patient or proxies (R48). */
    THIRD_PARTY,
    /** Could cause serious harm if seen by the patient: withheld from them (R48). */
    SERIOUS_HARM
}
