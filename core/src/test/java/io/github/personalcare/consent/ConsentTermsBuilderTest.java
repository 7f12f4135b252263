package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.patient.Patient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.active;
import static io.github.personalcare.consent.ConsentFixtures.adult;
import static io.github.personalcare.consent.ConsentFixtures.carerOnTeam;
import static io.github.personalcare.consent.ConsentFixtures.facts;
import static io.github.personalcare.consent.ConsentFixtures.registeredAt;
import static io.github.personalcare.consent.ConsentFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A consent the builder makes cannot silently take implied consent for direct care away (R41). */
class ConsentTermsBuilderTest {
    private static final ConsentEngine ENGINE = new ConsentEngine();
    private final Patient patient = adult();

    private AccessDecision decide(io.github.personalcare.access.Actor actor, ConsentTerms terms) {
        return ENGINE.decide(view(patient, actor, Purpose.DIRECT_CARE),
                facts(patient, List.of(registeredAt(patient), carerOnTeam()), active(patient, terms)));
    }

    @Test
    @DisplayName("R41 an opt-in privacy consent with no actor on its root is refused: it would lock the care team out")
    void r41TheBuilderRefusesAConsentThatSilentlyDeniesDirectCare() {
        var builder = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().provision(Provision.permit()
                        .actor(ProvisionActor.person(CARER.user())).action(AccessAction.ACCESS)
                        .dataClass(DataClass.CARE_PLAN)));

        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(builder::build)
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("IMPLIED_DIRECT_CARE");
                    assertThat(e.field()).isEqualTo("provision");
                });

        ConsentTerms intended = builder.denyingImpliedDirectCare().build();
        assertThat(decide(GP, intended)).isInstanceOf(AccessDecision.Deny.class);
        assertThat(decide(CARER, intended)).isInstanceOf(AccessDecision.Permit.class);
    }

    @Test
    @DisplayName("R41 the documented carer consent names the carer on its root: the care team keeps direct care")
    void r41TheDocumentedCarerConsentLeavesTheCareTeamAlone() {
        ConsentTerms carerMaySeeThePlan = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(CARER.user()))
                        .provision(Provision.permit().action(AccessAction.ACCESS).dataClass(DataClass.CARE_PLAN)))
                .build();

        assertThat(decide(GP, carerMaySeeThePlan)).isInstanceOf(AccessDecision.Permit.class);
        assertThat(decide(CARER, carerMaySeeThePlan)).isInstanceOf(AccessDecision.Permit.class);
    }
}
