package io.github.personalcare.budget;

import io.github.personalcare.lang.IllegalTransitionException;

/**
 * The lifecycle of a budget. A budget is PROPOSED until it is activated against a current
 * agreed care plan that references its lines (R15); only an ACTIVE budget can be spent from; a
 * SUSPENDED budget keeps its money but takes no spends or payments; ENDED is final.
 */
public enum BudgetStatus {
    /** Set up, not yet activated against an agreed care plan (R15). */
    PROPOSED,
    /** In use: the only state spends and payments are recorded in. */
    ACTIVE,
    /** Keeps its money but takes no spends or payments until resumed. */
    SUSPENDED,
    /** Closed for good. */
    ENDED;

    /** The commands that move a budget between states. */
    public enum Command {
        /** PROPOSED to ACTIVE. */
        ACTIVATE,
        /** ACTIVE to SUSPENDED. */
        SUSPEND,
        /** SUSPENDED to ACTIVE. */
        RESUME,
        /** Any state but ENDED to ENDED. */
        END
    }

    /**
     * The state after {@code command}.
     *
     * @param command the command
     * @return the state it moves the budget to
     * @throws IllegalTransitionException if the command is not allowed in this state
     */
    public BudgetStatus next(Command command) {
        BudgetStatus next = switch (this) {
            case PROPOSED -> switch (command) {
                case ACTIVATE -> ACTIVE;
                case END -> ENDED;
                case SUSPEND, RESUME -> null;
            };
            case ACTIVE -> switch (command) {
                case SUSPEND -> SUSPENDED;
                case END -> ENDED;
                case ACTIVATE, RESUME -> null;
            };
            case SUSPENDED -> switch (command) {
                case RESUME -> ACTIVE;
                case END -> ENDED;
                case ACTIVATE, SUSPEND -> null;
            };
            case ENDED -> null;
        };
        if (next == null) {
            throw new IllegalTransitionException("BUDGET_STATUS", name(), command.name().toLowerCase(java.util.Locale.ROOT));
        }
        return next;
    }
}
