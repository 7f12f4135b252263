package io.github.personalcare.prescription;

import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.Versioned;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of requests, approvals, rejections and issues on random days, under random
 * authorisations and policies: whatever the order, a medicine is never issued more often than
 * authorised, never earlier than the policy's share of its interval after the last issue, never
 * after its review date; and every refusal names the rule that really applies that day.
 */
class PrescriptionRulesProperties {

    enum Op { REQUEST, APPROVE, REJECT, ISSUE }

    record Step(int daysLater, Op op) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // mostly the same day or a few days on, sometimes weeks; rejections rarer than the rest
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 30)));
        Arbitrary<Op> ops = Arbitraries.frequency(net.jqwik.api.Tuple.of(3, Op.REQUEST),
                net.jqwik.api.Tuple.of(3, Op.APPROVE), net.jqwik.api.Tuple.of(1, Op.REJECT),
                net.jqwik.api.Tuple.of(3, Op.ISSUE));
        Arbitrary<Step> step = Combinators.combine(days, ops).as(Step::new);
        return step.list().ofMinSize(8).ofMaxSize(30);
    }

    @Property(tries = 300, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void theRefusalRulesHoldOverAnySequence(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 60) int intervalDays,
            @ForAll @IntRange(min = 1, max = 4) int issuesAuthorised,
            @ForAll @IntRange(min = 0, max = 300) int reviewInDays,
            @ForAll @IntRange(min = 1, max = 100) int sharePercent) {
        PrescriptionPolicy policy = PrescriptionPolicy.defaults().withEarliestSharePercent(sharePercent);
        PrescriptionWorld w = new PrescriptionWorld(policy);
        PrescriptionService rx = w.prescriptions();
        LocalDate reviewOn = w.today().plusDays(reviewInDays);
        RepeatMedicineId id = rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.PARACETAMOL,
                PrescriptionWorld.DOSE, SupplyQuantity.of(100, "tablet"), intervalDays, issuesAuthorised, reviewOn))
                .value().id();
        long gap = ((long) intervalDays * sharePercent + 99) / 100;
        List<LocalDate> issues = new ArrayList<>();
        Versioned<PrescriptionRequest> open = null;

        for (Step s : steps) {
            w.advanceDays(s.daysLater());
            LocalDate today = w.today();
            RepeatMedicine before = rx.getRepeat(w.gp, id).value();
            try {
                switch (s.op()) {
                    case REQUEST -> {
                        open = rx.request(w.self, w.patient, List.of(id));
                        // accepted: every rule holds today
                        assertThat(before.issuesUsed()).isLessThan(issuesAuthorised);
                        assertThat(today).isBeforeOrEqualTo(reviewOn);
                        if (!issues.isEmpty()) {
                            assertThat(today).isAfterOrEqualTo(issues.get(issues.size() - 1).plusDays(gap));
                        }
                    }
                    case APPROVE -> open = open == null ? null : rx.approve(w.gp, open.value().id(), open.version());
                    case REJECT -> {
                        if (open != null) {
                            rx.reject(w.gp, open.value().id(), "Not now", open.version());
                            open = null;
                        }
                    }
                    case ISSUE -> {
                        if (open != null) {
                            rx.issue(w.gp, open.value().id(), open.version());
                            issues.add(today);
                            open = null;
                        }
                    }
                }
            } catch (PrescriptionRefusedException e) {
                Refusal refusal = e.refusals().get(0);
                Statistics.label("refused").collect(refusal.rule());
                Statistics.label("refused").coverage(c -> {
                    c.check("TOO_EARLY").count(n -> n > 0);
                    c.check("ISSUES_USED").count(n -> n > 0);
                    c.check("REVIEW_DATE_PASSED").count(n -> n > 0);
                });
                LocalDate last = issues.isEmpty() ? null : issues.get(issues.size() - 1);
                if (refusal instanceof Refusal.IssuesUsed) {
                    assertThat(before.issuesUsed()).isEqualTo(issuesAuthorised);
                } else if (refusal instanceof Refusal.ReviewDatePassed) {
                    assertThat(today).isAfter(reviewOn);
                } else if (refusal instanceof Refusal.TooEarly t) {
                    assertThat(t.earliestOn()).isEqualTo(last.plusDays(gap));
                    assertThat(today).isBefore(t.earliestOn());
                } else if (refusal instanceof Refusal.AlreadyRequested) {
                    assertThat(open).isNotNull();
                } else {
                    throw new AssertionError("the medicine is on repeat: " + refusal);
                }
                if (s.op() != Op.REQUEST) {
                    // an approval or issue the rules now refuse leaves the request open; the practice rejects it
                    rx.reject(w.gp, open.value().id(), "Refused by the rules", open.version());
                    open = null;
                }
            } catch (IllegalTransitionException e) {
                assertThat(s.op()).isIn(Op.APPROVE, Op.ISSUE);
            }
            RepeatMedicine after = rx.getRepeat(w.gp, id).value();
            assertThat(after.issuesUsed()).isEqualTo(issues.size()).isLessThanOrEqualTo(issuesAuthorised);
        }

        Statistics.label("issues").collect(Math.min(issues.size(), 2));
        Statistics.label("issues").coverage(c -> {
            c.check(1).percentage(p -> p > 10);
            c.check(2).count(n -> n >= 5);
        });
        for (int i = 0; i < issues.size(); i++) {
            assertThat(issues.get(i)).as("never issued past the review date").isBeforeOrEqualTo(reviewOn);
            if (i > 0) {
                assertThat(issues.get(i)).as("never earlier than the share of the interval")
                        .isAfterOrEqualTo(issues.get(i - 1).plusDays(gap));
            }
        }
    }
}
