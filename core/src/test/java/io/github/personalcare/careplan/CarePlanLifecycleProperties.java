package io.github.personalcare.careplan;

import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.lang.Versioned;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care plan lifecycle as a state machine driven through the service: random sequences of
 * commands from random actors (the patient, the lead GP, a nurse, an agreed carer, an attorney, a
 * carer the patient has not agreed to, a professional with no relationship), sometimes with a
 * stale version, while the clock moves on. After every step:
 * <ul>
 *   <li>no plan reaches an undefined state (the aggregate's invariants hold, R6 holds);</li>
 *   <li>no agreed version ever changes and none disappears (R10);</li>
 *   <li>a refused command (typed exception) leaves every stored plan and the outbox exactly as they
 *       were; only its REJECTED or DENY audit record is added, as the guard requires (R50).</li>
 * </ul>
 */
class CarePlanLifecycleProperties {

    enum Who { PATIENT, LEAD, NURSE, CARER, ATTORNEY, UNAGREED_CARER, STRANGER }

    enum Cmd {
        DRAFT_EMPTY, DRAFT_COMPLETE, EDIT_COMPLETE, EDIT_INCOMPLETE, PROPOSE, RETURN_TO_DRAFT, AGREE, CO_SIGN,
        START_REVIEW, END, ENTER_IN_ERROR, ADVANCE_CLOCK
    }

    record Step(Cmd cmd, Who who, boolean rightActor, boolean stale) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Cmd> cmds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.DRAFT_EMPTY)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Cmd.DRAFT_COMPLETE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Cmd.EDIT_COMPLETE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.EDIT_INCOMPLETE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Cmd.PROPOSE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.RETURN_TO_DRAFT)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Cmd.AGREE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Cmd.CO_SIGN)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Cmd.START_REVIEW)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.END)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.ENTER_IN_ERROR)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cmd.ADVANCE_CLOCK)));
        Arbitrary<Who> who = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Who.PATIENT)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Who.LEAD)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Who.NURSE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Who.CARER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Who.ATTORNEY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Who.UNAGREED_CARER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Who.STRANGER)));
        // most steps use the actor the command is meant for, so runs get far into the lifecycle
        Arbitrary<Boolean> rightActor = Arbitraries.frequency(net.jqwik.api.Tuple.of(7, true), net.jqwik.api.Tuple.of(3, false));
        Arbitrary<Boolean> stale = Arbitraries.frequency(net.jqwik.api.Tuple.of(1, true), net.jqwik.api.Tuple.of(19, false));
        return Combinators.combine(cmds, who, rightActor, stale).as(Step::new).list().ofMinSize(30).ofMaxSize(80);
    }

    @Property(tries = 200, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void randomCommandsNeverBreakTheLifecycleNorChangeAnAgreedVersion(@ForAll("steps") List<Step> steps) {
        CareWorld w = new CareWorld();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            w.clock.advance(Duration.ofMinutes(1));
            List<Versioned<CarePlan>> before = plans(w);
            int outboxBefore = w.outboxSize();
            boolean refused = false;
            try {
                apply(w, step, i, before);
            } catch (PersonalCareException e) {
                refused = true;
            }
            List<Versioned<CarePlan>> after = plans(w);
            if (refused) {
                assertThat(after).as("a refused %s leaves storage unchanged", step).isEqualTo(before);
                assertThat(w.outboxSize()).as("a refused %s publishes nothing", step).isEqualTo(outboxBefore);
            }
            assertInvariants(before, after);
        }
        // the property is only as good as the states it reaches: report them
        int maxVersions = plans(w).stream().mapToInt(v -> v.value().versions().size()).max().orElse(0);
        Statistics.label("agreed versions reached").collect(Math.min(maxVersions, 3));
    }

    private static List<Versioned<CarePlan>> plans(CareWorld w) {
        return w.storedPlans().stream()
                .sorted(Comparator.comparing((Versioned<CarePlan> v) -> v.value().draftedAt())
                        .thenComparing(v -> v.value().id().value()))
                .toList();
    }

    private static void assertInvariants(List<Versioned<CarePlan>> before, List<Versioned<CarePlan>> after) {
        Map<CarePlanId, Versioned<CarePlan>> afterById = after.stream()
                .collect(Collectors.toMap(v -> v.value().id(), Function.identity()));
        for (Versioned<CarePlan> b : before) {
            Versioned<CarePlan> a = afterById.get(b.value().id());
            assertThat(a).as("plans are never deleted").isNotNull();
            List<CarePlanVersion> kept = a.value().versions().subList(0, Math.min(a.value().versions().size(),
                    b.value().versions().size()));
            assertThat(kept).as("agreed versions never change (R10)").isEqualTo(b.value().versions());
            assertThat(a.value().versions().size()).isGreaterThanOrEqualTo(b.value().versions().size());
            assertThat(a.version()).isBetween(b.version(), b.version() + 1);
        }
        for (Versioned<CarePlan> v : after) {
            CarePlan p = v.value();
            assertThat(p.status()).isNotNull();
            if (p.status() == PlanStatus.AGREED) {
                assertThat(p.versions()).isNotEmpty();
                assertThat(p.content()).isEqualTo(p.versions().get(p.versions().size() - 1).content());
            }
            if (p.status() == PlanStatus.DRAFT) {
                assertThat(p.versions()).isEmpty();
            }
            for (int n = 0; n < p.versions().size(); n++) {
                assertThat(p.versions().get(n).number()).isEqualTo(n + 1);
            }
        }
        assertThat(after.stream().filter(v -> v.value().currentAgreed().isPresent()).count())
                .as("at most one agreed plan in force (R6)").isLessThanOrEqualTo(1);
        assertThat(after.stream().filter(v -> !v.value().status().isClosed()).count())
                .as("at most one open plan (R6)").isLessThanOrEqualTo(1);
    }

    private static AccessContext ctx(CareWorld w, Who who) {
        return switch (who) {
            case PATIENT -> w.self;
            case LEAD -> w.gp;
            case NURSE -> w.nurse;
            case CARER -> w.carer;
            case ATTORNEY -> w.attorney;
            case UNAGREED_CARER -> w.unagreedCarer;
            case STRANGER -> w.stranger;
        };
    }

    private static Who intendedActor(Step step) {
        return switch (step.cmd()) {
            case AGREE, DRAFT_EMPTY, DRAFT_COMPLETE, EDIT_INCOMPLETE -> Who.PATIENT;
            case CO_SIGN, ENTER_IN_ERROR, START_REVIEW -> Who.LEAD;
            case EDIT_COMPLETE -> step.who() == Who.STRANGER || step.who() == Who.UNAGREED_CARER ? Who.CARER : step.who();
            default -> step.who() == Who.LEAD || step.who() == Who.NURSE || step.who() == Who.ATTORNEY
                    ? step.who() : Who.PATIENT;
        };
    }

    private static void apply(CareWorld w, Step step, int index, List<Versioned<CarePlan>> plans) {
        AccessContext ctx = ctx(w, step.rightActor() ? intendedActor(step) : step.who());
        var service = w.care.carePlans();
        switch (step.cmd()) {
            case ADVANCE_CLOCK -> {
                w.clock.advance(Duration.ofDays(20));
                return;
            }
            case DRAFT_EMPTY -> {
                service.draft(ctx, w.patient, CarePlanContent.empty());
                return;
            }
            case DRAFT_COMPLETE -> {
                service.draft(ctx, w.patient, CareWorld.complete(w.today().plusDays(60 + index)));
                return;
            }
            default -> {
                // commands on the latest plan below
            }
        }
        if (plans.isEmpty()) {
            return;
        }
        Versioned<CarePlan> target = plans.get(plans.size() - 1);
        CarePlanId id = target.value().id();
        long version = step.stale() && target.version() > 1 ? target.version() - 1 : target.version();
        switch (step.cmd()) {
            case EDIT_COMPLETE -> service.edit(ctx, id, CareWorld.complete(w.today().plusDays(60 + index)), version);
            case EDIT_INCOMPLETE -> service.edit(ctx, id, CarePlanContent.empty().withAboutMe("Notes so far"), version);
            case PROPOSE -> service.propose(ctx, id, version);
            case RETURN_TO_DRAFT -> service.returnToDraft(ctx, id, version);
            case AGREE -> service.agree(ctx, id, version);
            case CO_SIGN -> service.coSign(ctx, id, version);
            case START_REVIEW -> service.startReview(ctx, id, version);
            case END -> service.end(ctx, id, EndReason.COMPLETED, version);
            case ENTER_IN_ERROR -> service.enterInError(ctx, id, version);
            case DRAFT_EMPTY, DRAFT_COMPLETE, ADVANCE_CLOCK -> throw new IllegalStateException("handled above");
        }
    }
}
