package io.github.personalcare.econsult;

/**
 * The red-flag screening questions every e-consultation asks before the request itself: a "yes"
 * to any of them routes the request to urgent advice at once (call 999, or NHS 111 for the mental
 * health crisis line) instead of the practice's routine queue. This is the SDK's own code list
 * (code system {@code https://personalcare.github.io/fhir/CodeSystem/econsult-red-flag}), modelled
 * on the screening online consultation tools in England show before a request; a supplier that
 * needs more questions asks them before calling the SDK and maps a "yes" to the nearest code.
 */
public enum RedFlag {
    /** Chest pain, pressure or tightness now, or in the last hour. */
    CHEST_PAIN,
    /** Struggling to breathe, or breathing that is getting rapidly worse. */
    BREATHING_DIFFICULTY,
    /** Signs of a stroke: face dropping, arm weakness, slurred or confused speech. */
    STROKE_SIGNS,
    /** Heavy bleeding that will not stop. */
    HEAVY_BLEEDING,
    /** Collapse, a fit or loss of consciousness. */
    COLLAPSE_OR_SEIZURE,
    /** Swelling of the lips, mouth or throat, or another sign of a severe allergic reaction. */
    SEVERE_ALLERGIC_REACTION,
    /** Thoughts of ending one's life or of serious self-harm. */
    THOUGHTS_OF_SELF_HARM
}
