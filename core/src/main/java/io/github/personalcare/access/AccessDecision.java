package io.github.personalcare.access;

import io.github.personalcare.internal.Permitted;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.internal.check.Require;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to an {@link AccessRequest}: {@link Permit} with obligations, or {@link Deny}.
 * {@code rule} names the rule, consent or policy that decided (an R-number or a consent id);
 * {@code reasons} explain it without personal data. There is no default: an
 * {@link AccessPolicy} that fails to decide produces a deny (fail closed).
 */
public sealed interface AccessDecision permits AccessDecision.Permit, AccessDecision.Deny {

    /** The rule or record that decided. */
    String rule();

    /** Why, in words (no personal data). */
    List<String> reasons();

    /** True for a permit. */
    default boolean isPermit() {
        return this instanceof Permit;
    }

    /** A permit with the {@link Obligation#AUDIT} obligation and any others given. */
    static Permit permit(String rule, String reason, Obligation... more) {
        Set<Obligation> obligations = EnumSet.of(Obligation.AUDIT);
        obligations.addAll(List.of(more));
        return new Permit(rule, List.of(reason), obligations);
    }

    /** A deny. */
    static Deny deny(String rule, String reason) {
        return new Deny(rule, List.of(reason));
    }

    /**
     * Access is allowed, subject to the obligations.
     *
     * @param withheld labels of items to leave out for this viewer: third-party and serious-harm
     *                 items for the patient and proxies (R48), items of a label the patient objected
     *                 to sharing with this viewer (R41). Not empty means the obligation
     *                 {@link Obligation#REDACT_WITHHELD}, which services apply through
     *                 {@link Permitted#withheld()}.
     */
    record Permit(String rule, List<String> reasons, Set<Obligation> obligations, Set<SensitivityLabel> withheld)
            implements AccessDecision {
        public Permit {
            Require.text("rule", rule, Require.SHORT_TEXT);
            reasons = List.copyOf(reasons);
            withheld = withheld == null || withheld.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(withheld));
            Set<Obligation> o = EnumSet.of(Obligation.AUDIT);
            o.addAll(obligations);
            if (!withheld.isEmpty()) {
                o.add(Obligation.REDACT_WITHHELD);
            }
            obligations = Set.copyOf(o);
        }

        /** A permit that withholds nothing. */
        public Permit(String rule, List<String> reasons, Set<Obligation> obligations) {
            this(rule, reasons, obligations, Set.of());
        }

        /** True if the permit carries the obligation. */
        public boolean requires(Obligation obligation) {
            return obligations.contains(obligation);
        }

        /** True if an item with these labels must be left out for this viewer. */
        public boolean withholds(Set<SensitivityLabel> itemLabels) {
            for (SensitivityLabel label : itemLabels) {
                if (withheld.contains(label)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Access is refused. */
    record Deny(String rule, List<String> reasons) implements AccessDecision {
        public Deny {
            Require.text("rule", rule, Require.SHORT_TEXT);
            reasons = List.copyOf(reasons);
        }
    }
}
