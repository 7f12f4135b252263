/**
 * Consent: the patient's recorded wishes about who may see and use their record, and the engine
 * every access goes through. Start at {@link io.github.personalcare.consent.ConsentService}
 * ({@code care.consents()}) to record or withdraw a {@link io.github.personalcare.consent.ConsentRecord}
 * (FHIR R4 Consent: a base policy and a tree of permit/deny {@link io.github.personalcare.consent.Provision}s),
 * and at {@link io.github.personalcare.consent.ConsentEngine} for how a request is decided under a
 * {@link io.github.personalcare.consent.ConsentPolicy}: implied consent for direct care with a
 * legitimate relationship (R39), break-glass (R40), objections (R41), the national data opt-out (R42),
 * FHIR evaluation (R43–R45), age and proxies (R46–R48), restricted records (R49). Anything the engine
 * cannot evaluate is a deny. Depends on patient, identity, access, event, spi and internal (the policy adapter and
 * service only); the engine itself does no I/O.
 */
package io.github.personalcare.consent;
