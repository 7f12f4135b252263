package io.github.personalcare.consent;

import static io.github.personalcare.consent.ConsentFixtures.AE_CLINICIAN;
import static io.github.personalcare.consent.ConsentFixtures.AE_RECEPTIONIST;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.adult;
import static io.github.personalcare.consent.ConsentFixtures.facts;
import static io.github.personalcare.consent.ConsentFixtures.registeredAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.CorrelationId;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R40: a clinician may claim a legitimate relationship the SDK has no record of; it is always alerted. */
class SelfClaimedRelationshipTest {
    private static final ConsentEngine ENGINE = new ConsentEngine();
    private final Patient patient = adult();

    private AccessRequest claimedRead(Actor.Professional who) {
        return new AccessRequest(AccessContext.claimingRelationship(who, "walk-in, patient present"),
                Optional.of(patient.id()), AccessAction.ACCESS, DataClass.CARE_PLAN, Set.of(), NOW);
    }

    @Test
    @DisplayName("R40 a clinician's self-claimed relationship permits direct care with AUDIT, NOTIFY_PATIENT and ALERT_PRIVACY_OFFICER")
    void aClinicianClaimingARelationshipIsPermittedAndAlerted() {
        AccessDecision decision = ENGINE.decide(claimedRead(AE_CLINICIAN), facts(patient));

        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Permit.class, p -> {
            assertThat(p.rule()).isEqualTo("R40");
            assertThat(p.obligations()).containsExactlyInAnyOrder(Obligation.AUDIT, Obligation.NOTIFY_PATIENT,
                    Obligation.ALERT_PRIVACY_OFFICER);
        });
    }

    @Test
    @DisplayName("R40 without the claim the same clinician has no relationship and is denied (R39)")
    void withoutTheClaimTheClinicianIsDenied() {
        AccessRequest plain = new AccessRequest(AccessContext.of(AE_CLINICIAN, Purpose.DIRECT_CARE),
                Optional.of(patient.id()), AccessAction.ACCESS, DataClass.CARE_PLAN, Set.of(), NOW);

        assertThat(ENGINE.decide(plain, facts(patient)).rule()).isEqualTo("R39");
    }

    @Test
    @DisplayName("R40 a non-clinical role cannot claim a relationship")
    void aNonClinicalRoleCannotClaim() {
        AccessDecision decision = ENGINE.decide(claimedRead(AE_RECEPTIONIST), facts(patient));

        assertThat(decision).isInstanceOf(AccessDecision.Deny.class);
        assertThat(decision.rule()).isEqualTo("R40");
    }

    @Test
    @DisplayName("R40 a self-claimed relationship allows viewing only: every write is denied")
    void aSelfClaimedRelationshipNeverWrites() {
        for (AccessAction action : AccessAction.values()) {
            if (action == AccessAction.ACCESS) {
                continue;
            }
            AccessRequest write = new AccessRequest(AccessContext.claimingRelationship(AE_CLINICIAN, "walk-in"),
                    Optional.of(patient.id()), action, DataClass.CONSENT, Set.of(), NOW);

            AccessDecision decision = ENGINE.decide(write, facts(patient));

            assertThat(decision).as(action.name()).isInstanceOf(AccessDecision.Deny.class);
            assertThat(decision.rule()).as(action.name()).isEqualTo("R40");
        }
    }

    @Test
    @DisplayName("R40 an organisation's policy may refuse self-claimed relationships")
    void aPolicyMayRefuseSelfClaims() {
        ConsentPolicy strict = ConsentPolicy.builder().selfClaimedRelationships(false).build();

        AccessDecision decision = ENGINE.decide(claimedRead(AE_CLINICIAN),
                ConsentFacts.of(patient, List.of(), List.of(), strict));

        assertThat(decision).isInstanceOf(AccessDecision.Deny.class);
        assertThat(decision.rule()).isEqualTo("R40");
    }

    @Test
    @DisplayName("R40 a claim by someone with a recorded relationship is ordinary direct care, not alerted")
    void aClaimWithARecordedRelationshipIsOrdinaryDirectCare() {
        AccessDecision decision = ENGINE.decide(claimedRead(GP), facts(patient, List.of(registeredAt(patient))));

        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Permit.class, p -> {
            assertThat(p.rule()).isEqualTo("R39");
            assertThat(p.obligations()).doesNotContain(Obligation.ALERT_PRIVACY_OFFICER);
        });
    }

    @Test
    @DisplayName("R40 a claim needs a reason, a professional and the direct-care purpose")
    void aClaimNeedsAReasonAProfessionalAndDirectCare() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> AccessContext.claimingRelationship(AE_CLINICIAN, null))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R40"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new AccessContext(AE_CLINICIAN, Purpose.EMERGENCY, Optional.of("why"),
                        CorrelationId.random(), true))
                .satisfies(e -> assertThat(e.field()).isEqualTo("relationshipClaimed"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new AccessContext(Actor.carer(UserId.of("c-1")),
                        Purpose.DIRECT_CARE, Optional.of("why"), CorrelationId.random(), true));
    }
}
