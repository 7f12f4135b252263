package io.github.personalcare.lang;

import java.util.Objects;

/**
 * A lifecycle command is not allowed in the record's current state. {@link #state()} and
 * {@link #command()} name both; nothing is stored.
 */
public class IllegalTransitionException extends RuleViolationException {
    private final String state;
    private final String command;

    /**
     * @param rule    the rule that defines the lifecycle (e.g. {@code "R30"})
     * @param state   the current state, as its enum name
     * @param command the command attempted
     */
    public IllegalTransitionException(String rule, String state, String command) {
        super(rule, "cannot " + Objects.requireNonNull(command, "command") + " when state is "
                + Objects.requireNonNull(state, "state"));
        this.state = state;
        this.command = command;
    }

    /** The state the record was in. */
    public String state() {
        return state;
    }

    /** The command that was refused. */
    public String command() {
        return command;
    }
}
