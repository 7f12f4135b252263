package io.github.personalcare.econsult;

import io.github.personalcare.identity.UserId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

/** A command on a submitted e-consultation, its fields checked when it is built. */
public sealed interface EconsultCommand permits EconsultCommand.Triage, EconsultCommand.Withdraw {

    /** The kinds of command, for state checks, history and audit. */
    enum Type {
        /** The practice records its outcome. */
        TRIAGE,
        /** The patient or proxy withdraws the request. */
        WITHDRAW;

        /** {@return the audit action name, such as {@code "econsult.triage"}} */
        public String auditAction() {
            return "econsult." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@return the kind of command} */
    Type type();

    /**
     * The practice records its outcome.
     *
     * @param outcome what the practice decided
     * @param by      the professional who triaged
     */
    record Triage(TriageOutcome outcome, UserId by) implements EconsultCommand {
        /**
         * Checks both are present.
         *
         * @param outcome what the practice decided
         * @param by      the professional who triaged
         * @throws InvalidInputException if either is missing
         */
        public Triage {
            Require.present("outcome", outcome);
            Require.present("by", by);
        }

        @Override
        public Type type() {
            return Type.TRIAGE;
        }
    }

    /** The patient or proxy withdraws the request. */
    record Withdraw() implements EconsultCommand {
        @Override
        public Type type() {
            return Type.WITHDRAW;
        }
    }
}
