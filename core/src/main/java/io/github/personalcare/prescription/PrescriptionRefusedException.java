package io.github.personalcare.prescription;

import io.github.personalcare.lang.RuleViolationException;

import java.util.List;

/**
 * A request or an issue refused by the repeat rules; nothing was stored. The rule is the first
 * refusal's; {@link #refusals()} has one per medicine refused.
 */
public final class PrescriptionRefusedException extends RuleViolationException {
    private static final long serialVersionUID = 1L;

    /** The refusals, as a serializable list. */
    private final transient List<Refusal> refusals;

    /**
     * A refusal of one or more medicines.
     *
     * @param refusals why each refused medicine cannot be requested or issued, at least one
     * @throws IllegalArgumentException if {@code refusals} is empty
     */
    public PrescriptionRefusedException(List<Refusal> refusals) {
        super(first(refusals).rule(), "refused: " + refusals.stream()
                .map(r -> r.rule() + " for repeat medicine " + r.medicine()).toList());
        this.refusals = List.copyOf(refusals);
    }

    private static Refusal first(List<Refusal> refusals) {
        if (refusals == null || refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one medicine");
        }
        return refusals.get(0);
    }

    /** {@return why each refused medicine cannot be requested or issued, in the order asked} */
    public List<Refusal> refusals() {
        return refusals;
    }
}
