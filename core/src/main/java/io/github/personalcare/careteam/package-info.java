/**
 * Care teams: who is involved in a person's care, answering "who is involved in my care". Start at
 * {@link io.github.personalcare.careteam.CareTeamService}; a {@link io.github.personalcare.careteam.CareTeam}
 * lists professionals (role, organisation) and carers (role, relationship, proxy rights, recorded
 * authority), each with a membership period, and names one lead professional. Carers must have a
 * role and a period, and take part only with the patient's recorded agreement or a recorded legal
 * authority (R12). {@link io.github.personalcare.careteam.CareTeamRelationships} turns active membership
 * into the legitimate relationships the access policy decides on (R39). Depends on patient, identity, access, event, spi and internal (the guard).
 */
package io.github.personalcare.careteam;
