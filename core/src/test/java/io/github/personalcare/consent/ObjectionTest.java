package io.github.personalcare.consent;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** R41: the patient's objection stands until the patient or their representative lifts it. */
class ObjectionTest {
    private final PersonalCare care = PersonalCare.builder().storage(new InMemoryStorage()).clock(new TestClock(NOW))
            .build();
    private final Patient patient = ConsentServiceTest.register(care, Set.of());
    private final AccessContext self = AccessContext.patientSelf(patient.id());
    private final AccessContext gp = AccessContext.of(GP, Purpose.DIRECT_CARE);

    /** The patient objects to the GP reading their care plans. */
    private static ConsentTerms gpMayNotReadMyPlans() {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny()
                        .actor(ProvisionActor.person(GP.user()))
                        .dataClass(DataClass.CARE_PLAN)))
                .build();
    }

    /** What someone else might record to get round the objection. */
    private static ConsentTerms gpMayReadThePlans() {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.permit()
                        .actor(ProvisionActor.person(GP.user()))
                        .action(AccessAction.ACCESS)
                        .dataClass(DataClass.CARE_PLAN)))
                .build();
    }

    private Versioned<ConsentRecord> objection() {
        Versioned<ConsentRecord> objection = care.consents().record(self, patient.id(), gpMayNotReadMyPlans());
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.carePlans().plansOf(gp, patient.id()));
        return objection;
    }

    @Test
    @DisplayName("R41 a GP cannot withdraw the patient's objection, and still cannot read the plans")
    void r41AProfessionalCannotWithdrawThePatientsObjection() {
        Versioned<ConsentRecord> objection = objection();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> care.consents().withdraw(gp, objection.value().id(), objection.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CONSENT_GIVER"));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> care.carePlans().plansOf(gp, patient.id()));
        assertThat(care.consents().get(self, objection.value().id())).isEqualTo(objection);
    }

    @Test
    @DisplayName("R41 a GP cannot rewrite the patient's objection into a permission")
    void r41AProfessionalCannotRewriteThePatientsObjection() {
        Versioned<ConsentRecord> objection = objection();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> care.consents().update(gp, objection.value().id(), gpMayReadThePlans(),
                        objection.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("CONSENT_GIVER"));
        assertThat(care.consents().get(self, objection.value().id())).isEqualTo(objection);
    }

    @Test
    @DisplayName("R41 a GP cannot mark the patient's objection as entered in error")
    void r41AProfessionalCannotMarkAnObjectionInError() {
        Versioned<ConsentRecord> objection = objection();

        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> care.consents().markEnteredInError(gp, objection.value().id(), objection.version()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R41"));
        assertThat(care.consents().get(self, objection.value().id())).isEqualTo(objection);
    }

    @Test
    void aProfessionalMayCorrectAConsentThatOnlyGrants() {
        Versioned<ConsentRecord> grant = care.consents().record(gp, patient.id(), gpMayReadThePlans());

        Versioned<ConsentRecord> corrected = care.consents().markEnteredInError(gp, grant.value().id(),
                grant.version());

        assertThat(corrected.value().status()).isEqualTo(ConsentStatus.ENTERED_IN_ERROR);
    }

    @Test
    @DisplayName("R41 the patient lifts their own objection, and the GP reads the plans again")
    void r41ThePatientLiftsTheirOwnObjection() {
        Versioned<ConsentRecord> objection = objection();

        care.consents().withdraw(self, objection.value().id(), objection.version());

        assertThat(care.carePlans().plansOf(gp, patient.id())).isEmpty();
    }

    /**
     * Steps by people other than the patient or their representative: each int picks the actor,
     * the command and which of the patient's consents it targets.
     */
    @Property(tries = 60)
    @Label("R41 no sequence of consent commands by others weakens the patient's own objection")
    void r41NoSequenceOfCommandsByOthersWeakensAnObjection(
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 179) Integer> steps) {
        PersonalCare fresh = PersonalCare.builder().storage(new InMemoryStorage()).clock(new TestClock(NOW)).build();
        Patient person = ConsentServiceTest.register(fresh, Set.of());
        AccessContext patientSelf = AccessContext.patientSelf(person.id());
        Versioned<ConsentRecord> objection = fresh.consents().record(patientSelf, person.id(), gpMayNotReadMyPlans());
        List<AccessContext> others = List.of(gp, AccessContext.of(PRACTICE_ADMIN, Purpose.ADMINISTRATION),
                AccessContext.of(Actor.system("integration-engine"), Purpose.ADMINISTRATION));

        for (int step : steps) {
            AccessContext actor = others.get(step % 3);
            List<Versioned<ConsentRecord>> consents = fresh.consents().list(patientSelf, person.id());
            Versioned<ConsentRecord> target = consents.get((step / 18) % consents.size());
            ConsentId id = target.value().id();
            try {
                switch ((step / 3) % 6) {
                    case 0 -> fresh.consents().record(actor, person.id(), gpMayReadThePlans());
                    case 1 -> fresh.consents().withdraw(actor, id, target.version());
                    case 2 -> fresh.consents().update(actor, id, gpMayReadThePlans(), target.version());
                    case 3 -> fresh.consents().markEnteredInError(actor, id, target.version());
                    case 4 -> fresh.consents().accept(actor, id, target.version());
                    default -> fresh.consents().reject(actor, id, target.version());
                }
            } catch (PersonalCareException refused) {
                // refused commands are part of the sequence; what matters is the objection after it
            }
        }

        assertThat(fresh.consents().get(patientSelf, objection.value().id())).isEqualTo(objection);
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> fresh.carePlans().plansOf(gp, person.id()));
    }
}
