package io.github.personalcare.consent;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.active;
import static io.github.personalcare.consent.ConsentFixtures.adult;
import static io.github.personalcare.consent.ConsentFixtures.objectionTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bad consents are refused with a typed error naming the field and rule (R43, R44, R45). */
class ConsentRecordValidationTest {

    private static final ConsentTerms TERMS = objectionTo(ProvisionActor.organisation(OdsCode.of("RH8")));

    @Test
    @DisplayName("R44 a consent with no patient is rejected")
    void consentWithoutPatientIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentRecord.active(ConsentId.random(), null, TERMS, NOW))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("patient");
                    assertThat(e.rule()).isEqualTo("R44");
                });
    }

    @Test
    @DisplayName("R44 a consent with neither policy nor policy rule is rejected (ppc-1)")
    void consentWithoutPolicyIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).build())
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("policy");
                    assertThat(e.rule()).isEqualTo("R44");
                });
    }

    @Test
    @DisplayName("R44 a policy reference alone satisfies ppc-1")
    void aPolicyReferenceAloneIsEnough() {
        ConsentTerms terms = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policies(List.of(PolicyReference.NATIONAL_DATA_OPT_OUT)).build();

        assertThat(terms.policyRule()).isEmpty();
        assertThat(terms.policies()).containsExactly(PolicyReference.NATIONAL_DATA_OPT_OUT);
    }

    @Test
    @DisplayName("R43 the root provision must not have a type")
    void rootProvisionWithTypeIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                        .provision(Provision.deny()).build())
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("provision.type");
                    assertThat(e.rule()).isEqualTo("R43");
                });
    }

    @Test
    @DisplayName("R43 a nested provision must say permit or deny")
    void nestedProvisionWithoutTypeIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Provision.root().provision(Provision.root().action(AccessAction.ACCESS)).build())
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R43"));
    }

    @Test
    @DisplayName("R45 overlapping sibling provisions that contradict each other are rejected")
    void overlappingContradictoryProvisionsAreRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Provision.root()
                        .provision(Provision.permit().dataClass(DataClass.CARE_PLAN))
                        .provision(Provision.deny().dataClass(DataClass.CARE_PLAN, DataClass.BUDGET))
                        .build())
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("provision.provision");
                    assertThat(e.rule()).isEqualTo("R45");
                });
    }

    @Test
    void contradictorySiblingsThatCannotOverlapAreAccepted() {
        Provision root = Provision.root()
                .provision(Provision.permit().dataClass(DataClass.CARE_PLAN))
                .provision(Provision.deny().dataClass(DataClass.BUDGET))
                .build();

        assertThat(root.provisions()).hasSize(2);
    }

    @Test
    void siblingsInDisjointPeriodsDoNotOverlap() {
        Provision root = Provision.root()
                .provision(Provision.permit().period(ConsentPeriod.until(NOW)))
                .provision(Provision.deny().period(ConsentPeriod.from(NOW)))
                .build();

        assertThat(root.provisions()).hasSize(2);
    }

    @Test
    void aPersonAndAnOrganisationAreTakenToOverlap() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Provision.root()
                        .provision(Provision.permit().actor(ProvisionActor.person(UserId.of("u1"))))
                        .provision(Provision.deny().actor(ProvisionActor.organisation(OdsCode.of("RH8"))))
                        .build())
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R45"));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentPeriod.between(NOW, NOW.minus(Duration.ofDays(1))))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("provision.period");
                    assertThat(e.rule()).isEqualTo("PERIOD");
                });
    }

    @Test
    void anEmptyPeriodIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentPeriod.between(NOW, NOW))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("PERIOD"));
    }

    @Test
    void aDataPeriodThatEndsBeforeItStartsIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> DataPeriod.between(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
                .satisfies(e -> assertThat(e.field()).isEqualTo("provision.dataPeriod"));
    }

    @Test
    void aMissingPurposeInTheListIsRejected() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Provision.permit().purpose(Purpose.RESEARCH, null).build())
                .satisfies(e -> assertThat(e.field()).isEqualTo("provision.purpose"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        Provision.Builder deepest = Provision.deny();
        Provision current = deepest.build();
        for (int i = 0; i < Provision.MAX_DEPTH; i++) {
            current = (i % 2 == 0 ? Provision.permit() : Provision.deny()).provision(current).build();
        }
        Provision tooDeep = current;

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Provision.root().provision(tooDeep).build())
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SIZE"));
    }

    @Test
    void aConsentWithTooManyProvisionsIsRejected() {
        Provision.Builder root = Provision.root();
        for (int i = 0; i < 41; i++) {
            Provision.Builder branch = Provision.deny().action(AccessAction.ACCESS);
            for (int j = 0; j < 4; j++) {
                branch.provision(Provision.permit().actor(ProvisionActor.person(UserId.of("u" + i + "-" + j))));
            }
            root.provision(branch);
        }
        Provision big = root.build();

        assertThat(big.size()).isGreaterThan(ConsentTerms.MAX_PROVISIONS);
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_OUT)
                        .provision(big).build())
                .satisfies(e -> assertThat(e.rule()).isEqualTo("SIZE"));
    }

    @Test
    void aConsentNeedsACategory() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY).policyRule(BasePolicy.OPT_IN)
                        .categories(List.of()).build())
                .satisfies(e -> assertThat(e.field()).isEqualTo("category"));
    }

    @Test
    void aWithdrawnConsentCannotBeWithdrawnAgainOrChanged() {
        ConsentRecord withdrawn = active(adult(), TERMS).withdraw(NOW);

        assertThat(withdrawn.status()).isEqualTo(ConsentStatus.INACTIVE);
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> withdrawn.withdraw(NOW));
        assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> withdrawn.withTerms(TERMS, NOW));
    }

    @Test
    void statusTransitionsFollowTheLifecycle() {
        assertThat(ConsentStatus.DRAFT.canMoveTo(ConsentStatus.ACTIVE)).isTrue();
        assertThat(ConsentStatus.ACTIVE.canMoveTo(ConsentStatus.INACTIVE)).isTrue();
        assertThat(ConsentStatus.ACTIVE.canMoveTo(ConsentStatus.DRAFT)).isFalse();
        assertThat(ConsentStatus.INACTIVE.canMoveTo(ConsentStatus.ACTIVE)).isFalse();
        assertThat(ConsentStatus.ENTERED_IN_ERROR.canMoveTo(ConsentStatus.ACTIVE)).isFalse();
    }

    @Test
    void aRepresentativeNeedsAnAuthority() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> Performer.representative(UserId.of("p1"), null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("performer.authority"));
    }

    @Test
    void aPolicyReferenceNeedsAUri() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new PolicyReference(Optional.empty(), " "))
                .satisfies(e -> assertThat(e.field()).isEqualTo("policy.uri"));
    }
}
