package io.github.personalcare.access;

import io.github.personalcare.Require;

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

    /** Access is allowed, subject to the obligations. */
    record Permit(String rule, List<String> reasons, Set<Obligation> obligations) implements AccessDecision {
        public Permit {
            Require.text("rule", rule, Require.SHORT_TEXT);
            reasons = List.copyOf(reasons);
            Set<Obligation> o = EnumSet.of(Obligation.AUDIT);
            o.addAll(obligations);
            obligations = Set.copyOf(o);
        }

        /** True if the permit carries the obligation. */
        public boolean requires(Obligation obligation) {
            return obligations.contains(obligation);
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
