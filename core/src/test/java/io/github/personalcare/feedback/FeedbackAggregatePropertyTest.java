package io.github.personalcare.feedback;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.report.ReportCount;
import io.github.personalcare.support.PatientFacingWorld;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback aggregates never reveal a group below the minimum size. Random responses (some
 * withdrawn) go through the service into storage; an attacker then asks every summary the API
 * offers and tries to derive group sizes from what is published, including differencing attacks:
 * two overlapping "queries" such as months A..B and A..B+1, or organisations S and S ∪ {x},
 * assembled from the summaries, then subtracted.
 *
 * <p>The attacker's knowledge is modelled exactly: one unknown per (organisation, month, question,
 * answer) cell; each published count is a linear equation (a shown cell equals its value, a shown
 * total equals the sum of its question's cells). A group — any set of cells — has a derivable size
 * if and only if its indicator vector is in the span of the equations (checked by Gaussian
 * elimination, independently of how the service chose what to suppress). The property: every
 * derivable group is empty or at least the minimum; every shown figure is the truth.
 */
class FeedbackAggregatePropertyTest {
    private static final List<OdsCode> ORGS = List.of(OdsCode.of("A81001"), OdsCode.of("B82002"), OdsCode.of("C83003"));
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 12), YearMonth.of(2027, 1),
            YearMonth.of(2027, 2));
    private static final Instant REPORTING = Instant.parse("2027-03-10T09:00:00Z");

    /** One response as generated, with whether it is withdrawn before the attacker looks. */
    record Response(int org, int month, int day, FftAnswer fft, Involvement involved, Involvement carers,
            boolean carePlanning, boolean withdrawn) {
    }

    /** The questions of a summary, as a way to read a cell's answer from a response. */
    enum Question {
        EXPERIENCE(FftAnswer.values().length), INVOLVED(Involvement.values().length),
        CARERS(Involvement.values().length), TOPIC(FeedbackTopic.values().length);

        final int answers;

        Question(int answers) {
            this.answers = answers;
        }

        int answerOf(Response r) {
            return switch (this) {
                case EXPERIENCE -> r.fft().ordinal();
                case INVOLVED -> r.involved().ordinal();
                case CARERS -> r.carers().ordinal();
                case TOPIC -> (r.carePlanning() ? FeedbackTopic.CARE_PLANNING : FeedbackTopic.SERVICE).ordinal();
            };
        }

        List<ReportCount> published(FeedbackSummary s) {
            return switch (this) {
                case EXPERIENCE -> List.copyOf(s.experience().values());
                case INVOLVED -> List.copyOf(s.involvedInDecisions().values());
                case CARERS -> List.copyOf(s.carersInvolved().values());
                case TOPIC -> List.copyOf(s.topics().values());
            };
        }
    }

    /** A cell: the unknown count of one answer to one question in one organisation's month. */
    record Cell(int org, int month, Question question, int answer) {
    }

    @Property(tries = 60)
    void feedbackAggregatesNeverRevealAGroupBelowTheMinimumSize(
            @ForAll("responses") List<Response> responses, @ForAll("minimums") int minimum,
            @ForAll("attacks") List<int[]> attacks) {
        PatientFacingWorld world = new PatientFacingWorld(b -> b.feedbackMinimumGroup(new MinimumGroup(minimum)));
        world.clock.set(MONTHS.get(0).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<Response> ordered = new ArrayList<>(responses);
        ordered.sort(Comparator.comparingInt(Response::month).thenComparingInt(Response::day));
        for (Response r : ordered) {
            world.clock.set(MONTHS.get(r.month()).atDay(r.day()).atTime(12, 0).toInstant(ZoneOffset.UTC));
            FeedbackSubject subject = r.carePlanning() ? new FeedbackSubject.AboutCarePlanning(ORGS.get(r.org()))
                    : new FeedbackSubject.AboutService(ORGS.get(r.org()), Optional.empty());
            Versioned<Feedback> f = world.care.feedback().give(world.self, world.patient,
                    new FeedbackAnswers(subject, r.fft(), r.involved(), r.carers(), Optional.of("free text")));
            if (r.withdrawn()) {
                world.care.feedback().withdraw(world.self, f.value().id(), f.version());
            }
        }
        world.clock.set(REPORTING);

        // Everything the API will publish: one summary per organisation and whole month.
        Map<Cell, Long> truth = new HashMap<>();
        for (Response r : responses) {
            if (!r.withdrawn()) {
                for (Question q : Question.values()) {
                    truth.merge(new Cell(r.org(), r.month(), q, q.answerOf(r)), 1L, Long::sum);
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int o = 0; o < ORGS.size(); o++) {
            for (int m = 0; m < MONTHS.size(); m++) {
                for (Question q : Question.values()) {
                    for (int a = 0; a < q.answers; a++) {
                        cells.add(new Cell(o, m, q, a));
                    }
                }
            }
        }
        Map<Cell, Integer> column = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            column.put(cells.get(i), i);
        }
        List<double[]> equations = new ArrayList<>();
        int shownCells = 0;
        for (int o = 0; o < ORGS.size(); o++) {
            for (int m = 0; m < MONTHS.size(); m++) {
                FeedbackSummary s = world.care.feedback().summary(world.commissioner, ORGS.get(o), MONTHS.get(m));
                long total = 0;
                for (Response r : responses) {
                    total += !r.withdrawn() && r.org() == o && r.month() == m ? 1 : 0;
                }
                if (!s.responses().isSuppressed()) {
                    assertThat(s.responses()).isEqualTo(ReportCount.exact(total));
                } else {
                    assertThat(total).isBetween(1L, (long) minimum - 1);
                }
                for (Question q : Question.values()) {
                    List<ReportCount> published = q.published(s);
                    if (!s.responses().isSuppressed()) {
                        double[] row = new double[cells.size()];
                        for (int a = 0; a < q.answers; a++) {
                            row[column.get(new Cell(o, m, q, a))] = 1;
                        }
                        equations.add(row);
                    }
                    for (int a = 0; a < q.answers; a++) {
                        Cell c = new Cell(o, m, q, a);
                        ReportCount shown = published.get(a);
                        if (!shown.isSuppressed()) {
                            shownCells++;
                            assertThat(shown).as("%s is the truth", c).isEqualTo(ReportCount.exact(truth.getOrDefault(c, 0L)));
                            double[] row = new double[cells.size()];
                            row[column.get(c)] = 1;
                            equations.add(row);
                        }
                    }
                }
            }
        }
        Statistics.label("shown cells").collect(shownCells > 0);
        Span span = new Span(equations, cells.size());
        Function<Set<Cell>, Long> size = group -> group.stream().mapToLong(c -> truth.getOrDefault(c, 0L)).sum();

        // 1. Every group within one summary's question: every subset of its answers.
        for (int o = 0; o < ORGS.size(); o++) {
            for (int m = 0; m < MONTHS.size(); m++) {
                for (Question q : Question.values()) {
                    for (int mask = 1; mask < (1 << q.answers); mask++) {
                        Set<Cell> group = new LinkedHashSet<>();
                        for (int a = 0; a < q.answers; a++) {
                            if ((mask & (1 << a)) != 0) {
                                group.add(new Cell(o, m, q, a));
                            }
                        }
                        assertSafe(span, column, group, size, minimum);
                    }
                }
            }
        }
        // 2. Differencing: (orgs S, months A..B) against (S ∪ {x}, A..B+1), per answer; the difference is a group.
        for (int[] attack : attacks) {
            Question q = Question.values()[attack[0]];
            int answer = attack[1] % q.answers;
            Set<Integer> smallOrgs = orgSet(attack[2]);
            Set<Integer> bigOrgs = new LinkedHashSet<>(smallOrgs);
            bigOrgs.add(attack[3]);
            int from = attack[4];
            int to = Math.min(MONTHS.size() - 1, from + attack[5]);
            int toPlus = Math.min(MONTHS.size() - 1, to + 1);
            Set<Cell> small = new LinkedHashSet<>();
            Set<Cell> big = new LinkedHashSet<>();
            for (int o : bigOrgs) {
                for (int m = from; m <= toPlus; m++) {
                    Cell c = new Cell(o, m, q, answer);
                    big.add(c);
                    if (smallOrgs.contains(o) && m <= to) {
                        small.add(c);
                    }
                }
            }
            Set<Cell> difference = new LinkedHashSet<>(big);
            difference.removeAll(small);
            Statistics.label("attack derivable").collect(span.contains(indicator(column, difference)));
            assertSafe(span, column, difference, size, minimum);
            assertSafe(span, column, big, size, minimum);
        }
    }

    private static Set<Integer> orgSet(int mask) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int o = 0; o < ORGS.size(); o++) {
            if ((mask & (1 << o)) != 0) {
                s.add(o);
            }
        }
        return s;
    }

    private static double[] indicator(Map<Cell, Integer> column, Set<Cell> group) {
        double[] v = new double[column.size()];
        for (Cell c : group) {
            v[column.get(c)] = 1;
        }
        return v;
    }

    private static void assertSafe(Span span, Map<Cell, Integer> column, Set<Cell> group,
            Function<Set<Cell>, Long> size, int minimum) {
        if (span.contains(indicator(column, group))) {
            long n = size.apply(group);
            assertThat(n == 0 || n >= minimum).as("derivable group %s has %d responses (minimum %d)", group, n, minimum)
                    .isTrue();
        }
    }

    /** The row space of the published equations, by Gaussian elimination. */
    static final class Span {
        private final List<double[]> basis = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Span(List<double[]> rows, int width) {
            for (double[] row : rows) {
                double[] r = reduce(row.clone());
                int pivot = firstNonZero(r);
                if (pivot >= 0) {
                    double p = r[pivot];
                    for (int i = 0; i < width; i++) {
                        r[i] /= p;
                    }
                    // keep the basis fully reduced on its pivots
                    for (int b = 0; b < basis.size(); b++) {
                        double[] other = basis.get(b);
                        double f = other[pivot];
                        if (Math.abs(f) > 1e-9) {
                            for (int i = 0; i < width; i++) {
                                other[i] -= f * r[i];
                            }
                        }
                    }
                    basis.add(r);
                    pivots.add(pivot);
                }
            }
        }

        private double[] reduce(double[] v) {
            for (int b = 0; b < basis.size(); b++) {
                double f = v[pivots.get(b)];
                if (Math.abs(f) > 1e-9) {
                    double[] row = basis.get(b);
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= f * row[i];
                    }
                }
            }
            return v;
        }

        private static int firstNonZero(double[] v) {
            for (int i = 0; i < v.length; i++) {
                if (Math.abs(v[i]) > 1e-9) {
                    return i;
                }
            }
            return -1;
        }

        boolean contains(double[] v) {
            return firstNonZero(reduce(v.clone())) < 0;
        }
    }

    @Provide
    Arbitrary<List<Response>> responses() {
        Arbitrary<Response> one = Combinators.combine(
                Arbitraries.integers().between(0, ORGS.size() - 1),
                Arbitraries.integers().between(0, MONTHS.size() - 1),
                Arbitraries.integers().between(1, 28),
                Arbitraries.of(FftAnswer.class),
                Arbitraries.of(Involvement.class),
                Arbitraries.of(Involvement.class),
                Arbitraries.of(true, false),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(5, false), net.jqwik.api.Tuple.of(1, true)))
                .as(Response::new);
        return one.list().ofMaxSize(70);
    }

    @Provide
    Arbitrary<Integer> minimums() {
        return Arbitraries.integers().between(2, 8);
    }

    @Provide
    Arbitrary<List<int[]>> attacks() {
        Arbitrary<int[]> attack = Combinators.combine(
                Arbitraries.integers().between(0, Question.values().length - 1),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, (1 << ORGS.size()) - 1),
                Arbitraries.integers().between(0, ORGS.size() - 1),
                Arbitraries.integers().between(0, MONTHS.size() - 1),
                Arbitraries.integers().between(0, MONTHS.size() - 1))
                .as((a, b, c, d, e, f) -> new int[] {a, b, c, d, e, f});
        return attack.list().ofMinSize(1).ofMaxSize(20);
    }
}
