package io.github.personalcare.feedback;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.report.ReportCount;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anonymous feedback aggregate of one organisation for one whole UK calendar month: how many
 * responses (not withdrawn), and how many gave each answer to each question and were about each
 * topic. Counts are {@link ReportCount.Exact exact} or {@link ReportCount.Suppressed suppressed}.
 *
 * <p><b>Why no group below the minimum can be derived</b> (docs/feedback.md):
 * <ol>
 *   <li>Cells never overlap. The only query is one organisation and one whole month, so two
 *       different queries count disjoint sets of responses: no range, no set of organisations, no
 *       finer service level, and so nothing to subtract one query from another.</li>
 *   <li>A month is only reported once it has ended, so no response joins a reported cell later.</li>
 *   <li>If the month's total is below the minimum, every count is suppressed, the total too.</li>
 *   <li>Otherwise, per question (and the topics), each cell from 1 to minimum − 1 is suppressed
 *       (primary), then the smallest other non-zero cells are suppressed too (complementary) until
 *       the suppressed cells are either none, or at least two whose sum is at least the minimum.
 *       The total minus the shown cells gives only that sum, never one small cell.</li>
 * </ol>
 * So every group size derivable from published counts (any union of shown cells, with or without
 * all of a question's suppressed cells together, across any number of summaries) is zero or at
 * least the minimum. What it does not stop: asking the same month before and after one patient
 * withdraws reveals the answers of that (unnamed) withdrawn response; see docs/feedback.md.
 *
 * @param organisation        the organisation
 * @param month               the UK calendar month
 * @param minimumGroup        the minimum group size applied
 * @param responses           responses not withdrawn
 * @param experience          per Friends and Family Test answer
 * @param involvedInDecisions per answer to "did you feel involved in decisions about your care"
 * @param carersInvolved      per answer to "were your carers involved"
 * @param topics              per topic
 */
public record FeedbackSummary(OdsCode organisation, YearMonth month, int minimumGroup, ReportCount responses,
        Map<FftAnswer, ReportCount> experience, Map<Involvement, ReportCount> involvedInDecisions,
        Map<Involvement, ReportCount> carersInvolved, Map<FeedbackTopic, ReportCount> topics) {
    /**
     * Checks every component is present and copies the maps (each must hold every answer).
     *
     * @param organisation        the organisation
     * @param month               the month
     * @param minimumGroup        the minimum group size applied
     * @param responses           responses not withdrawn
     * @param experience          per FFT answer
     * @param involvedInDecisions per involvement answer
     * @param carersInvolved      per carer involvement answer
     * @param topics              per topic
     * @throws InvalidInputException if a component is missing or a map misses an answer
     */
    public FeedbackSummary {
        Require.present("organisation", organisation);
        Require.present("month", month);
        Require.present("responses", responses);
        experience = complete("experience", FftAnswer.class, experience);
        involvedInDecisions = complete("involvedInDecisions", Involvement.class, involvedInDecisions);
        carersInvolved = complete("carersInvolved", Involvement.class, carersInvolved);
        topics = complete("topics", FeedbackTopic.class, topics);
    }

    /** {@return whether the whole month was suppressed because it has fewer responses than the minimum} */
    public boolean isSuppressed() {
        return responses.isSuppressed();
    }

    /**
     * Applies the scheme of the class comment to exact counts.
     *
     * @param organisation        the organisation
     * @param month               the month
     * @param minimum             the minimum group size
     * @param total               responses not withdrawn
     * @param experience          exact counts per FFT answer (missing answers count zero)
     * @param involvedInDecisions exact counts per involvement answer
     * @param carersInvolved      exact counts per carer involvement answer
     * @param topics              exact counts per topic
     * @return the summary as it may be disclosed
     * @throws InvalidInputException if a component is missing
     */
    public static FeedbackSummary disclose(OdsCode organisation, YearMonth month, MinimumGroup minimum, long total,
            Map<FftAnswer, Long> experience, Map<Involvement, Long> involvedInDecisions,
            Map<Involvement, Long> carersInvolved, Map<FeedbackTopic, Long> topics) {
        Require.present("minimum", minimum);
        int min = minimum.size();
        if (total > 0 && total < min) {
            return new FeedbackSummary(organisation, month, min, new ReportCount.Suppressed(),
                    all(FftAnswer.class), all(Involvement.class), all(Involvement.class), all(FeedbackTopic.class));
        }
        return new FeedbackSummary(organisation, month, min, ReportCount.exact(total),
                cells(FftAnswer.class, experience, min), cells(Involvement.class, involvedInDecisions, min),
                cells(Involvement.class, carersInvolved, min), cells(FeedbackTopic.class, topics, min));
    }

    /**
     * The cells of one question, with primary and complementary suppression: a cell from 1 to
     * {@code min - 1} is suppressed, then the smallest other non-zero cells (ties in declaration
     * order) until the suppressed cells are none, or at least two summing to at least {@code min}.
     * The question's cells must sum to a total of zero or at least {@code min}.
     */
    static <K extends Enum<K>> Map<K, ReportCount> cells(Class<K> type, Map<K, Long> exact, int min) {
        Map<K, Long> counts = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            counts.put(k, exact == null ? 0L : exact.getOrDefault(k, 0L));
        }
        Set<K> suppressed = EnumSet.noneOf(type);
        counts.forEach((k, n) -> {
            if (n > 0 && n < min) {
                suppressed.add(k);
            }
        });
        while (!suppressed.isEmpty() && (suppressed.size() == 1 || sum(counts, suppressed) < min)) {
            K next = null;
            for (K k : type.getEnumConstants()) {
                if (!suppressed.contains(k) && counts.get(k) > 0 && (next == null || counts.get(k) < counts.get(next))) {
                    next = k;
                }
            }
            if (next == null) {
                break;
            }
            suppressed.add(next);
        }
        Map<K, ReportCount> out = new EnumMap<>(type);
        counts.forEach((k, n) -> out.put(k, suppressed.contains(k) ? new ReportCount.Suppressed() : ReportCount.exact(n)));
        return Collections.unmodifiableMap(out);
    }

    private static <K> long sum(Map<K, Long> counts, Set<K> keys) {
        long s = 0;
        for (K k : keys) {
            s += counts.get(k);
        }
        return s;
    }

    private static <K extends Enum<K>> Map<K, ReportCount> all(Class<K> type) {
        Map<K, ReportCount> out = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            out.put(k, new ReportCount.Suppressed());
        }
        return out;
    }

    private static <K extends Enum<K>> Map<K, ReportCount> complete(String field, Class<K> type, Map<K, ReportCount> m) {
        Require.present(field, m);
        List<K> missing = new ArrayList<>();
        for (K k : type.getEnumConstants()) {
            if (m.get(k) == null) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(field, "REQUIRED", "must hold a count for every answer");
        }
        Map<K, ReportCount> copy = new EnumMap<>(type);
        copy.putAll(m);
        return Collections.unmodifiableMap(copy);
    }
}
