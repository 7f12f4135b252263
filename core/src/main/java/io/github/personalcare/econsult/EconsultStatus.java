package io.github.personalcare.econsult;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an e-consultation stands, as a code for indexes and events; the state itself, with what
 * each status holds, is {@link EconsultState}. Only the commands of {@link #accepts()} are possible.
 */
public enum EconsultStatus {
    /** In the practice's routine queue, to be triaged by its due time. */
    AWAITING_TRIAGE,
    /** A red-flag answer: the patient was told to get urgent help at once; never in the routine queue. */
    URGENT_ADVICE,
    /** The practice recorded its outcome (terminal). */
    TRIAGED,
    /** The patient or proxy withdrew the request before triage (terminal). */
    WITHDRAWN;

    /**
     * The commands this status accepts: the whole lifecycle in one switch. An urgent request can
     * still be given an outcome (the practice's follow-up) but not withdrawn: the urgent advice stands.
     *
     * @return the command types accepted; empty for a terminal status
     */
    public Set<EconsultCommand.Type> accepts() {
        return switch (this) {
            case AWAITING_TRIAGE -> EnumSet.of(EconsultCommand.Type.TRIAGE, EconsultCommand.Type.WITHDRAW);
            case URGENT_ADVICE -> EnumSet.of(EconsultCommand.Type.TRIAGE);
            case TRIAGED, WITHDRAWN -> EnumSet.noneOf(EconsultCommand.Type.class);
        };
    }

    /** {@return whether no command leaves this status} */
    public boolean isTerminal() {
        return accepts().isEmpty();
    }
}
