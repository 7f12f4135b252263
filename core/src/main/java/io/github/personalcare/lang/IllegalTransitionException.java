package io.github.personalcare.lang;

import java.util.Objects;

/**
 * A lifecycle command is not allowed in the record's current state. {@link #state()} and
 * {@link #command()} name both; nothing is stored.
 */
public class IllegalTransitionException extends RuleViolationException {
    /** The state the record was in. */
    private final String state;
    /** The command that was refused. */
    private final String command;

    /**
     * Creates the exception; its message names the command and the state.
     *
     * @param rule    the rule that defines the lifecycle (e.g. {@code "R30"})
     * @param state   the current state, as its enum name
     * @param command the command attempted
     * @throws NullPointerException if {@code state} or {@code command} is null
     */
    public IllegalTransitionException(String rule, String state, String command) {
        super(rule, "cannot " + Objects.requireNonNull(command, "command") + " when state is "
                + Objects.requireNonNull(state, "state"));
        this.state = state;
        this.command = command;
    }

    /** {@return the state the record was in} */
    public String state() {
        return state;
    }

    /** {@return the command that was refused} */
    public String command() {
        return command;
    }
}
