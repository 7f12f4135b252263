package io.github.personalcare.careplan;

/**
 * The lifecycle of a care plan: {@code DRAFT → PROPOSED → AGREED → UNDER_REVIEW → PROPOSED → AGREED
 * … → ENDED}, and {@code ENTERED_IN_ERROR} from anywhere. {@link #allows} is the whole transition
 * table; the FHIR module maps it to FHIR codes as §1.6 says (R13).
 *
 * <ul>
 *   <li>{@code DRAFT}: being written; no agreed version yet.</li>
 *   <li>{@code PROPOSED}: awaiting agreement, content frozen (R10); an earlier agreed version, if
 *       any, stays current until this one is agreed (R6).</li>
 *   <li>{@code AGREED}: the current agreed version is in force; it is immutable (R10).</li>
 *   <li>{@code UNDER_REVIEW}: a new draft version is being written; the agreed one stays current.</li>
 *   <li>{@code ENDED}: completed, withdrawn, transferred or the person died; terminal except for
 *       being marked entered in error.</li>
 *   <li>{@code ENTERED_IN_ERROR}: recorded by mistake; terminal; never counted (R13).</li>
 * </ul>
 */
public enum PlanStatus {
    /** Being written; no agreed version yet. */
    DRAFT,
    /** Awaiting agreement, content frozen (R10). */
    PROPOSED,
    /** The current agreed version is in force (R10). */
    AGREED,
    /** A new draft version is being written; the agreed one stays current (R6). */
    UNDER_REVIEW,
    /** Completed, withdrawn, transferred or the person died. */
    ENDED,
    /** Recorded by mistake; never counted (R13). */
    ENTERED_IN_ERROR;

    /**
     * {@return whether {@code command} may be applied in this state}
     *
     * @param command the command
     */
    public boolean allows(PlanCommand command) {
        return switch (this) {
            case DRAFT, UNDER_REVIEW -> command == PlanCommand.EDIT || command == PlanCommand.PROPOSE
                    || command == PlanCommand.END || command == PlanCommand.ENTER_IN_ERROR;
            case PROPOSED -> command == PlanCommand.RETURN_TO_DRAFT || command == PlanCommand.AGREE
                    || command == PlanCommand.CO_SIGN || command == PlanCommand.END
                    || command == PlanCommand.ENTER_IN_ERROR;
            case AGREED -> command == PlanCommand.START_REVIEW || command == PlanCommand.END
                    || command == PlanCommand.ENTER_IN_ERROR;
            case ENDED -> command == PlanCommand.ENTER_IN_ERROR;
            case ENTERED_IN_ERROR -> false;
        };
    }

    /**
     * {@return whether this state takes no further command but entered-in-error: ended or entered
     * in error}
     */
    public boolean isClosed() {
        return this == ENDED || this == ENTERED_IN_ERROR;
    }
}
