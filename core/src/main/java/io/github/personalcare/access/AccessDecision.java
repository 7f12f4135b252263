package io.github.personalcare.access;

import io.github.personalcare.internal.Permitted;
import io.github.personalcare.spi.AccessPolicy;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

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

    /** {@return the rule or record that decided: an R-number or a consent id} */
    String rule();

    /** {@return why, in words, without personal data} */
    List<String> reasons();

    /** {@return whether this is a permit} */
    default boolean isPermit() {
        return this instanceof Permit;
    }

    /**
     * A permit with the {@link Obligation#AUDIT} obligation and any others given.
     *
     * @param rule   the rule or record that permits
     * @param reason why, without personal data
     * @param more   obligations besides {@link Obligation#AUDIT}
     * @return the permit
     */
    static Permit permit(String rule, String reason, Obligation... more) {
        Set<Obligation> obligations = EnumSet.of(Obligation.AUDIT);
        obligations.addAll(List.of(more));
        return new Permit(rule, List.of(reason), obligations);
    }

    /**
     * A deny.
     *
     * @param rule   the rule or record that denies
     * @param reason why, without personal data
     * @return the deny
     */
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
        /**
         * Checks the rule and copies the collections. {@link Obligation#AUDIT} is always added, and
         * {@link Obligation#REDACT_WITHHELD} whenever something is withheld.
         *
         * @param rule        the rule or record that permits
         * @param reasons     why, without personal data
         * @param obligations what the service must do besides auditing
         * @param withheld    labels of items to leave out for this viewer; null or empty for none
         * @throws InvalidInputException if {@code rule} is blank or longer than 200 characters
         */
        public Permit {
            Require.text("rule", rule, Require.SHORT_TEXT);
            reasons = List.copyOf(reasons);
            withheld = withheld == null ? EnumSetCache.labels(Set.of()) : EnumSetCache.labels(withheld);
            boolean redact = !withheld.isEmpty();
            boolean complete = obligations.contains(Obligation.AUDIT)
                    && (!redact || obligations.contains(Obligation.REDACT_WITHHELD));
            if (complete) {
                obligations = EnumSetCache.obligations(obligations);
            } else {
                Set<Obligation> o = EnumSet.of(Obligation.AUDIT);
                o.addAll(obligations);
                if (redact) {
                    o.add(Obligation.REDACT_WITHHELD);
                }
                obligations = EnumSetCache.obligations(o);
            }
        }

        /**
         * A permit that withholds nothing.
         *
         * @param rule        the rule or record that permits
         * @param reasons     why, without personal data
         * @param obligations what the service must do besides auditing
         */
        public Permit(String rule, List<String> reasons, Set<Obligation> obligations) {
            this(rule, reasons, obligations, Set.of());
        }

        /**
         * {@return whether the permit carries the obligation}
         *
         * @param obligation the obligation to look for
         */
        public boolean requires(Obligation obligation) {
            return obligations.contains(obligation);
        }

        /**
         * {@return whether an item with these labels must be left out for this viewer}
         *
         * @param itemLabels the sensitivity labels of the item
         */
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
        /**
         * Checks the rule and copies the reasons.
         *
         * @param rule    the rule or record that denies
         * @param reasons why, without personal data
         * @throws InvalidInputException if {@code rule} is blank or longer than 200 characters
         */
        public Deny {
            Require.text("rule", rule, Require.SHORT_TEXT);
            reasons = List.copyOf(reasons);
        }
    }
}
