package io.github.personalcare.internal;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.access.AccessEvent;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The guard publishes a break-glass event when, and only when, a permit carries the alert obligation (R40). */
class AccessGuardAlertTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryStorage storage = new InMemoryStorage();
    private final PatientId patient = PatientId.random();
    private final AccessContext ctx = AccessContext.of(Actor.professional(UserId.of("ae-1"),
            ProfessionalRole.EMERGENCY_CLINICIAN, OdsCode.of("RH8")), Purpose.EMERGENCY, "unconscious");

    private AccessGuard guardPermitting(Obligation... obligations) {
        AccessPolicy policy = (request, facts) -> AccessDecision.permit("R40", "test", obligations);
        return new AccessGuard(storage, policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private GuardedCall read() {
        return GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.CARE_PLAN, "careplan.read", "CarePlan/1");
    }

    private List<DomainEvent> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }

    @Test
    @DisplayName("R40 a permit with ALERT_PRIVACY_OFFICER publishes BreakGlassUsed")
    void anAlertingPermitPublishesTheEvent() {
        guardPermitting(Obligation.NOTIFY_PATIENT, Obligation.ALERT_PRIVACY_OFFICER).run(read(), p -> "done");

        assertThat(outbox()).filteredOn(AccessEvent.BreakGlassUsed.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AccessEvent.BreakGlassUsed.class, e -> {
            assertThat(e.patient()).isEqualTo(patient);
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.auditAction()).isEqualTo("careplan.read");
            assertThat(e.actor()).isEqualTo(ctx.actor().reference());
            assertThat(e.correlationId()).isEqualTo(ctx.correlationId().value());
            assertThat(e.type()).isEqualTo("access.break_glass_used");
        });
    }

    @Test
    void aPermitWithoutTheAlertPublishesNoAlert() {
        guardPermitting(Obligation.NOTIFY_PATIENT).run(read(), p -> "done");

        assertThat(outbox()).singleElement().isInstanceOf(AccessEvent.PatientNotificationDue.class);
    }

    @Test
    void aPermitWithNeitherObligationPublishesNothing() {
        guardPermitting(Obligation.AUDIT).run(read(), p -> "done");

        assertThat(outbox()).isEmpty();
    }

    @Test
    void whenTheWorkIsRefusedTheEventIsRolledBackWithIt() {
        AccessGuard guard = guardPermitting(Obligation.ALERT_PRIVACY_OFFICER);

        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> guard.run(read(), p -> {
            throw new RuleViolationException("R7", "refused");
        }));
        assertThat(outbox()).isEmpty();
    }

    @Test
    void aPopulationPermitWithTheAlertPublishesNothing() {
        guardPermitting(Obligation.ALERT_PRIVACY_OFFICER).run(GuardedCall.population(ctx, AccessAction.USE,
                DataClass.CARE_PLAN, "report.run"), p -> "done");

        assertThat(outbox()).isEmpty();
    }
}
