package io.github.personalcare;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A record asked for by id is answered only after the access decision, and the answer is
 * audited: a caller who may ask across patients is told it is not found, one who may not is
 * denied exactly as for a record of a patient they cannot see, so its absence reveals nothing.
 */
class NotFoundAfterDecisionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    private final InMemoryStorage storage = new InMemoryStorage();
    private final PersonalCare care = PersonalCare.builder().storage(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final PatientId patient = care.patients().register(GP, NhsNumber.parse("9434765870"),
            NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
            Optional.of(OdsCode.of("A81001"))).value().id();

    static Stream<Arguments> lookups() {
        return Stream.of(
                lookup("careplan.read", "CarePlan", (care, ctx) -> care.carePlans().get(ctx, CarePlanId.random())),
                lookup("careplan.propose", "CarePlan", (care, ctx) -> care.carePlans().propose(ctx, CarePlanId.random(), 1)),
                lookup("careteam.read", "CareTeam", (care, ctx) -> care.careTeams().get(ctx, CareTeamId.random())),
                lookup("budget.read", "PersonalHealthBudget", (care, ctx) -> care.budgets().get(ctx, BudgetId.random())),
                lookup("budget.balance", "PersonalHealthBudget",
                        (care, ctx) -> care.budgets().balance(ctx, BudgetId.random())),
                lookup("consent.withdraw", "Consent",
                        (care, ctx) -> care.consents().withdraw(ctx, ConsentId.random(), 1)),
                lookup("referral.read", "Referral", (care, ctx) -> care.referrals().get(ctx, ReferralId.random())),
                lookup("message.read", "Conversation",
                        (care, ctx) -> care.messaging().get(ctx, ConversationId.random())),
                lookup("message.post", "Conversation",
                        (care, ctx) -> care.messaging().post(ctx, ConversationId.random(), "Hello", List.of())),
                lookup("message.close", "Conversation",
                        (care, ctx) -> care.messaging().close(ctx, ConversationId.random(), 1)),
                lookup("patient.read", "Patient", (care, ctx) -> care.patients().get(ctx, PatientId.random())));
    }

    private static Arguments lookup(String action, String kind, BiConsumer<PersonalCare, AccessContext> call) {
        return Arguments.of(action, kind, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    @DisplayName("R50 a missing record is not found for a caller who may ask, and the answer is audited")
    void aMissingRecordIsNotFoundAfterTheDecisionAndAudited(String action, String kind,
            BiConsumer<PersonalCare, AccessContext> call) {
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> call.accept(care, GP))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(kind));

        AuditEvent last = lastSystemEvent();
        assertThat(last.outcome()).isEqualTo(AuditOutcome.NOT_FOUND);
        assertThat(last.subject()).hasValueSatisfying(s -> assertThat(s).startsWith(kind + "/"));
        assertThat(last.patient()).isEmpty();
        assertThat(last.action()).isEqualTo(action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    @DisplayName("R38 a patient asking for a record that does not exist is denied, as for another patient's record")
    void aPatientLearnsNothingFromAMissingRecord(String action, String kind,
            BiConsumer<PersonalCare, AccessContext> call) {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> call.accept(care, AccessContext.patientSelf(patient)));

        assertThat(lastSystemEvent().outcome()).isEqualTo(AuditOutcome.DENY);
    }

    private AuditEvent lastSystemEvent() {
        List<io.github.personalcare.audit.AuditRecord> system =
                storage.inTransaction(tx -> tx.audit().chain(AuditChain.SYSTEM_CHAIN));
        return system.get(system.size() - 1).event();
    }
}
