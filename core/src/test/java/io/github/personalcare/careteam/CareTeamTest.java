package io.github.personalcare.careteam;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The care team aggregate on its own. */
class CareTeamTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final PatientId PATIENT = PatientId.random();

    private static ProfessionalMember professional(String user) {
        return new ProfessionalMember(MemberId.random(), UserId.of(user), ProfessionalRole.NURSE, OdsCode.of("RH8"),
                MembershipPeriod.from(T0));
    }

    private static CarerMember carer(String user, Optional<Instant> agreed, Optional<AuthorityKind> authority) {
        return new CarerMember(MemberId.random(), UserId.of(user), CarerRole.UNPAID_CARER, "husband", false, authority,
                agreed, MembershipPeriod.from(T0));
    }

    @Test
    @DisplayName("R12 a carer needs a role")
    void r12CarerNeedsARole() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new CarerMember(MemberId.random(), UserId.of("C1"), null, "wife", false,
                        Optional.empty(), Optional.empty(), MembershipPeriod.from(T0)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("member.role"));
    }

    @Test
    @DisplayName("R12 a carer needs a period, and its end must come after its start")
    void r12CarerNeedsAPeriod() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new CarerMember(MemberId.random(), UserId.of("C1"), CarerRole.UNPAID_CARER, "wife",
                        false, Optional.empty(), Optional.empty(), null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("member.period"));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new MembershipPeriod(T0, Optional.of(T0.minusSeconds(1))))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R12"));
    }

    private static Patient adult(PatientFlag... flags) {
        return new Patient(PATIENT, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Sam", "Example"), LocalDate.of(1950, 1, 1), Set.of(flags), Optional.empty(),
                Optional.empty());
    }

    @Test
    @DisplayName("R12 a carer is involved only with the patient's recorded agreement or an authority that applies")
    void r12CarerInvolvementNeedsAgreementOrAuthority() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        CarerMember deputy = carer("C1", Optional.empty(), Optional.of(AuthorityKind.COURT_DEPUTY));

        assertThat(carer("C1", Optional.empty(), Optional.empty()).involvedAt(T0, adult(), today)).isFalse();
        assertThat(carer("C1", Optional.of(T0), Optional.empty()).involvedAt(T0, adult(), today)).isTrue();
        assertThat(deputy.involvedAt(T0, adult(PatientFlag.LACKS_CAPACITY), today)).isTrue();
        assertThat(deputy.involvedAt(T0, adult(), today)).as("a deputy does not act for a patient with capacity")
                .isFalse();
    }

    @Test
    void aMembershipCoversItsStartAndEndsBeforeItsEnd() {
        var period = new MembershipPeriod(T0, Optional.of(T0.plus(Duration.ofDays(1))));

        assertThat(period.covers(T0.minusMillis(1))).isFalse();
        assertThat(period.covers(T0)).isTrue();
        assertThat(period.covers(T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aMembershipEndedAtItsStartCoversNoTime() {
        assertThat(new MembershipPeriod(T0, Optional.of(T0)).covers(T0)).isFalse();
    }

    @Test
    void theSameUserCannotHoldTwoMembershipsAtOnce() {
        var team = CareTeam.establish(CareTeamId.random(), PATIENT).withProfessional(professional("N1"));

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> team.withCarer(carer("N1", Optional.of(T0), Optional.empty())))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CARE_TEAM_MEMBER"));
    }

    @Test
    void aCarerCannotBeTheLeadProfessional() {
        var c = carer("C1", Optional.of(T0), Optional.empty());
        var team = CareTeam.establish(CareTeamId.random(), PATIENT).withCarer(c);

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> team.withLead(c.id(), T0))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("LEAD_PROFESSIONAL"));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> team.withLead(MemberId.random(), T0));
    }

    @Test
    void endingTheLeadsMembershipLeavesTheTeamWithoutALeadAndKeepsTheHistory() {
        var p = professional("N1");
        var team = CareTeam.establish(CareTeamId.random(), PATIENT).withProfessional(p).withLead(p.id(), T0);
        var later = T0.plus(Duration.ofDays(30));

        var ended = team.endMembership(p.id(), later);

        assertThat(ended.lead()).isEmpty();
        assertThat(ended.leadAt(later)).isEmpty();
        assertThat(ended.professionals()).hasSize(1);
        assertThat(ended.professional(UserId.of("N1"), later.minusSeconds(1))).isPresent();
        assertThat(ended.professional(UserId.of("N1"), later)).isEmpty();
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> ended.endMembership(p.id(), later));
    }

    @Test
    void aUserMayRejoinAfterTheirMembershipEnded() {
        var p = professional("N1");
        var later = T0.plus(Duration.ofDays(30));
        var team = CareTeam.establish(CareTeamId.random(), PATIENT).withProfessional(p).endMembership(p.id(), later);

        var rejoined = team.withProfessional(new ProfessionalMember(MemberId.random(), UserId.of("N1"),
                ProfessionalRole.NURSE, OdsCode.of("RH8"), MembershipPeriod.from(later)));

        assertThat(rejoined.activeMembersAt(later)).hasSize(1);
    }
}
