package io.github.personalcare.referral;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.access.Actor;
import io.github.personalcare.spi.CareRelationship;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.spi.Query;
import io.github.personalcare.spi.Transaction;

import java.time.Instant;
import java.util.List;

/**
 * The legitimate relationship a referral creates (R39): while a referral is open, professionals
 * of the receiving organisation (the provider of the service chosen, booked, deferred to or
 * sent for triage) are involved in the patient's care, as {@link RelationshipKind#REFERRAL_RECEIVER}
 * with source {@code "Referral/<id>"}. A completed or cancelled referral gives nothing; nor does a
 * draft, or a referral rejected or returned to the referrer (it has no receiving organisation
 * until the referrer chooses again). Reads only; thread-safe.
 */
public final class ReferralRelationships implements CareRelationship {


    /** The relationship source for open referrals. */
    public ReferralRelationships() {
    }

    /** The relationships open referrals give the actor with the patient. */
    @Override
    public List<Relationship> relationships(AccessFacts facts, PatientId patient, Actor actor, Instant at) {
        if (!(actor instanceof Actor.Professional professional)) {
            return List.of();
        }
        return facts.query(ReferralStores.REFERRALS, Query.forPatient(patient).and("receiving_org").is(professional.organisation().value())
                        .and("open").is(true))
                .stream()
                .map(r -> new Relationship(RelationshipKind.REFERRAL_RECEIVER, "Referral/" + r.id()))
                .toList();
    }
}
