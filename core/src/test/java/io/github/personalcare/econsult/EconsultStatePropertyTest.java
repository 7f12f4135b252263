package io.github.personalcare.econsult;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.IllegalTransitionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.personalcare.econsult.EconsultStatus.AWAITING_TRIAGE;
import static io.github.personalcare.econsult.EconsultStatus.TRIAGED;
import static io.github.personalcare.econsult.EconsultStatus.URGENT_ADVICE;
import static io.github.personalcare.econsult.EconsultStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Random command sequences against the pure aggregate: whatever the order, a red-flagged request
 * is never in the routine queue, only the transitions of the table below happen, a refused
 * command is a typed exception that changes nothing, terminal states are never left, and the
 * history chains every accepted command.
 */
class EconsultStatePropertyTest {
    /** The transitions, written out independently of {@link EconsultStatus#accepts()}. */
    private static final Map<EconsultStatus, Map<EconsultCommand.Type, EconsultStatus>> TABLE =
            new EnumMap<>(EconsultStatus.class);

    static {
        TABLE.put(AWAITING_TRIAGE, Map.of(EconsultCommand.Type.TRIAGE, TRIAGED, EconsultCommand.Type.WITHDRAW, WITHDRAWN));
        TABLE.put(URGENT_ADVICE, Map.of(EconsultCommand.Type.TRIAGE, TRIAGED));
        TABLE.put(TRIAGED, Map.of());
        TABLE.put(WITHDRAWN, Map.of());
    }

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Property(tries = 500)
    void theLifecycleStaysInsideTheTable(@ForAll("flags") Set<RedFlag> flags,
            @ForAll @Size(max = 8) List<@net.jqwik.api.From("commands") EconsultCommand> commands,
            @ForAll("targets") Duration target) {
        EconsultRequest request = new EconsultRequest("problem", LocalDate.of(2026, 12, 1), "impact", "wish", flags);
        Econsultation e = Econsultation.submit(EconsultationId.random(), PatientId.random(), OdsCode.of("A81001"),
                "patient:x", request, T0, new TriageTarget(target));
        assertThat(e.status()).isEqualTo(flags.isEmpty() ? AWAITING_TRIAGE : URGENT_ADVICE);
        Instant now = T0;
        int accepted = 0;
        for (EconsultCommand c : commands) {
            now = now.plus(Duration.ofHours(5));
            EconsultStatus before = e.status();
            EconsultStatus expected = TABLE.get(before).get(c.type());
            assertThat(before.accepts()).isEqualTo(TABLE.get(before).isEmpty()
                    ? EnumSet.noneOf(EconsultCommand.Type.class) : EnumSet.copyOf(TABLE.get(before).keySet()));
            if (expected == null) {
                Econsultation unchanged = e;
                Instant at = now;
                assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> unchanged.apply(c, at))
                        .satisfies(x -> assertThat(x.rule()).isEqualTo("ECONSULT_STATE"));
                assertThat(e).isEqualTo(unchanged);
                continue;
            }
            e = e.apply(c, now);
            accepted++;
            assertThat(e.status()).isEqualTo(expected);
            if (c instanceof EconsultCommand.Triage t) {
                assertThat(e.outcome()).contains(t.outcome());
            }
            // red-flagged requests never enter the routine queue
            if (!flags.isEmpty()) {
                assertThat(e.status()).isNotEqualTo(AWAITING_TRIAGE);
            }
            assertThat(e.dueBy().isPresent()).isEqualTo(e.status() == AWAITING_TRIAGE);
        }
        assertThat(e.history()).hasSize(accepted);
        EconsultStatus expectedFrom = flags.isEmpty() ? AWAITING_TRIAGE : URGENT_ADVICE;
        for (EconsultTransition t : e.history()) {
            assertThat(t.from()).isEqualTo(expectedFrom);
            expectedFrom = t.to();
        }
        assertThat(e.status()).isEqualTo(expectedFrom);
        if (e.status() == AWAITING_TRIAGE) {
            assertThat(e.dueBy()).contains(T0.plus(target));
            assertThat(e.isOverdue(T0.plus(target))).isFalse();
            assertThat(e.isOverdue(T0.plus(target).plusMillis(1))).isTrue();
        } else {
            assertThat(e.isOverdue(Instant.MAX)).isFalse();
        }
    }

    @Provide
    Arbitrary<Set<RedFlag>> flags() {
        return Arbitraries.oneOf(Arbitraries.just(Set.of()), Arbitraries.of(RedFlag.class).set().ofMinSize(1));
    }

    @Provide
    Arbitrary<Duration> targets() {
        return Arbitraries.longs().between(1, 30 * 24 * 60).map(Duration::ofMinutes);
    }

    @Provide
    Arbitrary<EconsultCommand> commands() {
        Arbitrary<TriageOutcome> outcomes = Arbitraries.of(
                new TriageOutcome.SelfCareAdvice("advice"),
                new TriageOutcome.AppointmentOffered("nurse", LocalDate.of(2026, 12, 14)),
                new TriageOutcome.PrescriptionIssued("cream"),
                new TriageOutcome.ReferralMade("dermatology", Optional.empty()),
                new TriageOutcome.ReplyByMessage("photo please"));
        return Arbitraries.oneOf(
                outcomes.map(o -> (EconsultCommand) new EconsultCommand.Triage(o, UserId.of("GP1"))),
                Arbitraries.just(new EconsultCommand.Withdraw()));
    }
}
