package io.github.personalcare.econsult;

import io.github.personalcare.identity.UserId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state of an e-consultation, with what each state holds: the due time in the routine queue,
 * the red flags that sent it to urgent advice, the outcome and who decided it, or when it was
 * withdrawn. The transitions are {@link #next}; {@link EconsultStatus#accepts()} lists them.
 */
public sealed interface EconsultState permits EconsultState.AwaitingTriage, EconsultState.UrgentAdvice,
        EconsultState.Triaged, EconsultState.Withdrawn {

    /** {@return the status code of this state} */
    EconsultStatus status();

    /**
     * The state a newly submitted request starts in: urgent advice when any red flag was answered
     * "yes" (never the routine queue), otherwise the routine queue with its due time.
     *
     * @param request     the patient's answers
     * @param submittedAt when it was submitted
     * @param target      the triage target time
     * @return the first state
     */
    static EconsultState initial(EconsultRequest request, Instant submittedAt, TriageTarget target) {
        return request.hasRedFlag() ? new UrgentAdvice(request.redFlags(), submittedAt)
                : new AwaitingTriage(submittedAt.plus(target.within()));
    }

    /**
     * The state after the command.
     *
     * @param command the command
     * @param at      the command time
     * @return the next state
     * @throws IllegalTransitionException with rule {@code ECONSULT_STATE} if this state does not accept the command
     */
    default EconsultState next(EconsultCommand command, Instant at) {
        if (!status().accepts().contains(command.type())) {
            throw new IllegalTransitionException("ECONSULT_STATE", status().name(), command.type().name());
        }
        if (command instanceof EconsultCommand.Triage t) {
            return new Triaged(t.outcome(), t.by(), at);
        }
        return new Withdrawn(at);
    }

    /**
     * In the practice's routine queue.
     *
     * @param dueBy when the practice should have triaged it
     */
    record AwaitingTriage(Instant dueBy) implements EconsultState {
        /**
         * Checks the due time.
         *
         * @param dueBy when the practice should have triaged it
         * @throws InvalidInputException if missing
         */
        public AwaitingTriage {
            Require.present("dueBy", dueBy);
        }

        @Override
        public EconsultStatus status() {
            return EconsultStatus.AWAITING_TRIAGE;
        }
    }

    /**
     * Routed to urgent advice at submission.
     *
     * @param redFlags the red flags answered "yes", at least one
     * @param at       when the advice was given
     */
    record UrgentAdvice(Set<RedFlag> redFlags, Instant at) implements EconsultState {
        /**
         * Checks there is a red flag and a time.
         *
         * @param redFlags the red flags answered "yes"
         * @param at       when the advice was given
         * @throws InvalidInputException if no red flag or no time is given
         */
        public UrgentAdvice {
            Set<RedFlag> flags = Require.set("redFlags", redFlags);
            if (flags.isEmpty()) {
                throw new InvalidInputException("redFlags", "ECONSULT_URGENT", "urgent advice needs a red flag");
            }
            redFlags = Set.copyOf(EnumSet.copyOf(flags));
            Require.present("at", at);
        }

        @Override
        public EconsultStatus status() {
            return EconsultStatus.URGENT_ADVICE;
        }
    }

    /**
     * Triaged by the practice.
     *
     * @param outcome what the practice decided
     * @param by      the professional who decided
     * @param at      when
     */
    record Triaged(TriageOutcome outcome, UserId by, Instant at) implements EconsultState {
        /**
         * Checks every component is present.
         *
         * @param outcome what the practice decided
         * @param by      the professional who decided
         * @param at      when
         * @throws InvalidInputException if a component is missing
         */
        public Triaged {
            Require.present("outcome", outcome);
            Require.present("by", by);
            Require.present("at", at);
        }

        @Override
        public EconsultStatus status() {
            return EconsultStatus.TRIAGED;
        }
    }

    /**
     * Withdrawn by the patient or proxy.
     *
     * @param at when
     */
    record Withdrawn(Instant at) implements EconsultState {
        /**
         * Checks the time is present.
         *
         * @param at when
         * @throws InvalidInputException if missing
         */
        public Withdrawn {
            Require.present("at", at);
        }

        @Override
        public EconsultStatus status() {
            return EconsultStatus.WITHDRAWN;
        }
    }
}
