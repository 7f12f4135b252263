package io.github.personalcare.careteam;

import io.github.personalcare.spi.AccessFacts;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.OutboxEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CareTeamServiceTest {
    private final CareWorld w = new CareWorld();

    private List<Relationship> relationshipsOf(Actor actor) {
        return w.storage.inTransaction(tx ->
                new CareTeamRelationships().relationships(AccessFacts.of(tx), w.patient, actor, w.clock.instant()));
    }

    @Test
    @DisplayName("R39 the lead professional and other professionals on the team have a care-team relationship")
    void professionalsOnTheTeamHaveARelationship() {
        assertThat(relationshipsOf(w.gp.actor())).containsExactly(
                new Relationship(RelationshipKind.LEAD_PROFESSIONAL, "CareTeam/" + w.team));
        assertThat(relationshipsOf(w.nurse.actor())).containsExactly(
                new Relationship(RelationshipKind.CARE_TEAM_PROFESSIONAL, "CareTeam/" + w.team));
        assertThat(relationshipsOf(w.stranger.actor())).isEmpty();
    }

    @Test
    void aProfessionalIsMatchedByUserIdWhateverTheOrganisation() {
        Actor sameUserElsewhere = Actor.professional(UserId.of("NURSE-1"), ProfessionalRole.NURSE, OdsCode.of("RYJ"));

        assertThat(relationshipsOf(sameUserElsewhere)).extracting(Relationship::kind)
                .containsExactly(RelationshipKind.CARE_TEAM_PROFESSIONAL);
    }

    @Test
    @DisplayName("R12 carers have a relationship only once the patient agreed or with an authority that applies")
    void r12CarerRelationships() {
        assertThat(relationshipsOf(w.carer.actor())).extracting(Relationship::kind).containsExactly(RelationshipKind.CARER);
        assertThat(relationshipsOf(w.unagreedCarer.actor())).isEmpty();
        assertThat(relationshipsOf(w.attorney.actor())).as("an LPA does not operate while the patient has capacity")
                .isEmpty();
    }

    @Test
    @DisplayName("R12 an attorney under a health and welfare LPA is involved, with proxy rights, once the patient lacks capacity")
    void r12AttorneyIsInvolvedWhenThePatientLacksCapacity() {
        long version = w.care.patients().get(w.gp, w.patient).version();
        w.care.patients().updateFlags(w.gp, w.patient, Set.of(PatientFlag.COMPLEX_NEEDS, PatientFlag.LACKS_CAPACITY),
                version);

        assertThat(relationshipsOf(w.attorney.actor())).extracting(Relationship::kind)
                .containsExactly(RelationshipKind.CARER_WITH_PROXY);
    }

    @Test
    @DisplayName("R12 the patient's recorded agreement gives the carer a relationship")
    void r12PatientAgreementInvolvesTheCarer() {
        var team = w.care.careTeams().get(w.self, w.team);
        MemberId nephew = team.value().carers().get(2).id();

        w.care.careTeams().recordCarerAgreement(w.self, w.team, nephew, team.version());

        assertThat(relationshipsOf(w.unagreedCarer.actor())).extracting(Relationship::kind)
                .containsExactly(RelationshipKind.CARER);
    }

    @Test
    @DisplayName("R12 only the patient records agreement to a carer's involvement; nothing is stored otherwise")
    void r12OnlyThePatientRecordsAgreement() {
        var team = w.care.careTeams().get(w.gp, w.team);
        MemberId nephew = team.value().carers().get(2).id();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.careTeams().recordCarerAgreement(w.gp, w.team, nephew, team.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R12"));
        assertThat(w.care.careTeams().get(w.gp, w.team)).isEqualTo(team);
    }

    @Test
    void anEndedMembershipGivesNoRelationship() {
        var team = w.care.careTeams().get(w.gp, w.team);
        w.care.careTeams().endMembership(w.gp, w.team, w.nurseMember, team.version());
        w.clock.advance(Duration.ofSeconds(1));

        assertThat(relationshipsOf(w.nurse.actor())).isEmpty();
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> w.care.careTeams().get(w.nurse, w.team));
    }

    @Test
    void aCarerMayViewButNotChangeTheTeam() {
        var team = w.care.careTeams().get(w.carer, w.team);

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.careTeams().addCarer(w.carer, w.team, UserId.of("C-9"), CarerRole.FAMILY_MEMBER,
                        "cousin", false, Optional.empty(), team.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CARE_TEAM_AUTHOR"));
        assertThat(w.care.careTeams().get(w.gp, w.team)).isEqualTo(team);
    }

    @Test
    void someoneOutsideThePatientsCareIsDeniedAndTheDenialIsAudited() {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> w.care.careTeams().forPatient(w.stranger, w.patient));

        var last = w.storage.inTransaction(tx -> tx.audit().forPatient(w.patient)).stream()
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.event().outcome()).isEqualTo(AuditOutcome.DENY);
        assertThat(last.event().actor()).isEqualTo(w.stranger.actor().reference());
    }

    @Test
    void aPatientHasOneCareTeam() {
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> w.care.careTeams().establish(w.gp, w.patient))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CARE_TEAM_UNIQUE"));
    }

    @Test
    void everyChangePublishesACareTeamChangedEventWithIdsOnly() {
        List<CareTeamEvent.Change> changes = w.storage.inTransaction(tx -> tx.outbox().undelivered()).stream()
                .map(OutboxEntry::event).filter(e -> e instanceof CareTeamEvent)
                .map(e -> ((CareTeamEvent.Changed) e).change()).toList();

        assertThat(changes).containsExactly(CareTeamEvent.Change.ESTABLISHED, CareTeamEvent.Change.PROFESSIONAL_ADDED,
                CareTeamEvent.Change.LEAD_APPOINTED, CareTeamEvent.Change.PROFESSIONAL_ADDED,
                CareTeamEvent.Change.CARER_ADDED, CareTeamEvent.Change.CARER_ADDED, CareTeamEvent.Change.CARER_ADDED);
    }

    @Test
    void aPatientAddingACarerRecordsTheirOwnAgreementAtOnce() {
        var team = w.care.careTeams().get(w.self, w.team).value();

        assertThat(team.carers().get(0).patientAgreedAt()).contains(CareWorld.START);
        assertThat(team.carers().get(2).patientAgreedAt()).isEmpty();
    }

    @Test
    void thePatientSeesWhoIsInvolvedInTheirCare() {
        AccessContext me = w.self;

        var team = w.care.careTeams().forPatient(me, w.patient).orElseThrow().value();

        assertThat(team.activeMembersAt(w.clock.instant())).hasSize(5);
        assertThat(team.leadAt(w.clock.instant()).orElseThrow().user()).isEqualTo(UserId.of("GP-1"));
    }

    @Test
    void theDefaultPolicyUsesCareTeamMembershipForAccess() {
        AccessContext nurseWithoutPracticeLink = AccessContext.of(Actor.professional(UserId.of("NURSE-1"),
                ProfessionalRole.NURSE, OdsCode.of("RH8")), Purpose.DIRECT_CARE);

        assertThat(w.care.patients().get(nurseWithoutPracticeLink, w.patient).value().id()).isEqualTo(w.patient);
    }
}
