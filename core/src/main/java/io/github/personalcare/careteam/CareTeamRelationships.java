package io.github.personalcare.careteam;

import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientStores;
import io.github.personalcare.spi.Transaction;
import io.github.personalcare.lang.Versioned;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Care-team membership as a legitimate relationship (R39): a professional whose membership is in
 * force is a {@link RelationshipKind#CARE_TEAM_PROFESSIONAL} (or {@link RelationshipKind#LEAD_PROFESSIONAL}
 * when they are the lead); a carer whose membership is in force and whose involvement the patient
 * agreed to, or whose recorded authority applies to the patient, is a {@link RelationshipKind#CARER} (or
 * {@link RelationshipKind#CARER_WITH_PROXY} with proxy rights) (R12). Actors are matched by
 * {@link io.github.personalcare.identity.UserId}. The source is {@code "CareTeam/<id>"}.
 */
public final class CareTeamRelationships implements CareRelationship {
    /** The zone a relationship's date is read in: authorities depend on age on a date in England. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** The relationship source for care team membership. */
    public CareTeamRelationships() {
    }

    @Override
    public List<Relationship> relationships(AccessFacts facts, PatientId patient, Actor actor, Instant at) {
        if (!(actor instanceof Actor.Professional) && !(actor instanceof Actor.Carer)) {
            return List.of();
        }
        Optional<Patient> record = facts.find(PatientStores.PATIENTS, patient);
        if (record.isEmpty()) {
            return List.of();
        }
        return facts.query(CareTeamStores.TEAMS, Query.forPatient(patient)).stream().findFirst()
                .map(team -> relationships(team, record.get(), actor, at))
                .orElse(List.of());
    }

    /**
     * The relationships the team gives the actor at {@code at} (pure: no storage). Ages and
     * capacity are judged on the date in England ({@link #ENGLAND}).
     *
     * @param team    the patient's care team
     * @param patient the patient, for the age and capacity a carer's authority depends on
     * @param actor   who is acting
     * @param at      the time of the request
     * @return the relationships, empty if none
     */
    public static List<Relationship> relationships(CareTeam team, Patient patient, Actor actor, Instant at) {
        String source = "CareTeam/" + team.id();
        if (actor instanceof Actor.Professional p) {
            return team.professional(p.user(), at)
                    .map(m -> team.leadAt(at).map(l -> l.id().equals(m.id())).orElse(false)
                            ? RelationshipKind.LEAD_PROFESSIONAL
                            : RelationshipKind.CARE_TEAM_PROFESSIONAL)
                    .map(kind -> List.of(new Relationship(kind, source)))
                    .orElse(List.of());
        }
        if (actor instanceof Actor.Carer c) {
            return team.carer(c.user(), at)
                    .filter(m -> m.involvedAt(at, patient, LocalDate.ofInstant(at, ENGLAND)))
                    .map(m -> List.of(new Relationship(
                            m.proxy() ? RelationshipKind.CARER_WITH_PROXY : RelationshipKind.CARER, source)))
                    .orElse(List.of());
        }
        return List.of();
    }
}
