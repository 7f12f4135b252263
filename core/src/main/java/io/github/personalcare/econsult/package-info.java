/**
 * E-consultations: a structured online request by the patient, or a proxy within the scope the
 * patient granted, triaged by their registered practice to an outcome within a configurable
 * target time. A request with a red-flag answer ({@link io.github.personalcare.econsult.RedFlag})
 * is routed to urgent advice at once and never waits in the routine queue. Start at
 * {@link io.github.personalcare.econsult.EconsultService}.
 */
package io.github.personalcare.econsult;
