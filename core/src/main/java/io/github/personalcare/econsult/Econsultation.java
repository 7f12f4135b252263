package io.github.personalcare.econsult;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An e-consultation: the patient's request to their registered practice, who submitted it (the
 * patient or a proxy, as an actor reference), its state and its history. Immutable; commands give
 * a new value ({@link #apply}).
 *
 * @param id          the internal id
 * @param patient     whose request it is
 * @param practice    the ODS code of the patient's registered practice when it was submitted
 * @param submittedBy the actor reference of who submitted it ({@code patient:<id>} or {@code carer:<user>})
 * @param request     the answers
 * @param submittedAt when it was submitted
 * @param state       where it stands
 * @param history     the commands applied since submission, oldest first
 */
public record Econsultation(EconsultationId id, PatientId patient, OdsCode practice, String submittedBy,
        EconsultRequest request, Instant submittedAt, EconsultState state, List<EconsultTransition> history) {
    /**
     * Checks every component is present and copies the history.
     *
     * @param id          the internal id
     * @param patient     whose request it is
     * @param practice    the practice
     * @param submittedBy who submitted it
     * @param request     the answers
     * @param submittedAt when it was submitted
     * @param state       where it stands
     * @param history     the commands applied, oldest first
     * @throws InvalidInputException if a component is missing
     */
    public Econsultation {
        Require.present("id", id);
        Require.present("patient", patient);
        Require.present("practice", practice);
        Require.text("submittedBy", submittedBy, Require.SHORT_TEXT);
        Require.present("request", request);
        Require.present("submittedAt", submittedAt);
        Require.present("state", state);
        history = Require.list("history", history, 100);
    }

    /**
     * A newly submitted request: in urgent advice if a red flag was answered "yes", otherwise in
     * the routine queue, due by {@code submittedAt} plus the target.
     *
     * @param id          the internal id
     * @param patient     whose request it is
     * @param practice    the patient's registered practice
     * @param submittedBy the actor reference of who submitted it
     * @param request     the answers
     * @param submittedAt when it was submitted
     * @param target      the triage target time
     * @return the request, with an empty history
     * @throws InvalidInputException if a component is missing
     */
    public static Econsultation submit(EconsultationId id, PatientId patient, OdsCode practice, String submittedBy,
            EconsultRequest request, Instant submittedAt, TriageTarget target) {
        Require.present("request", request);
        Require.present("submittedAt", submittedAt);
        Require.present("target", target);
        return new Econsultation(id, patient, practice, submittedBy, request, submittedAt,
                EconsultState.initial(request, submittedAt, target), List.of());
    }

    /** {@return the status code of the current state} */
    public EconsultStatus status() {
        return state.status();
    }

    /** {@return when the practice should have triaged it; empty unless it waits in the routine queue} */
    public Optional<Instant> dueBy() {
        return state instanceof EconsultState.AwaitingTriage a ? Optional.of(a.dueBy()) : Optional.empty();
    }

    /**
     * Whether it waits in the routine queue past its due time.
     *
     * @param now the time to judge by
     * @return true if awaiting triage and {@code now} is after the due time
     */
    public boolean isOverdue(Instant now) {
        return dueBy().map(now::isAfter).orElse(false);
    }

    /** {@return the practice's outcome, once triaged} */
    public Optional<TriageOutcome> outcome() {
        return state instanceof EconsultState.Triaged t ? Optional.of(t.outcome()) : Optional.empty();
    }

    /**
     * Applies a command.
     *
     * @param command the command
     * @param at      the command time
     * @return the e-consultation after the command, with the history entry added
     * @throws IllegalTransitionException if the current state does not accept the command
     * @throws InvalidInputException if the command or time is missing
     */
    public Econsultation apply(EconsultCommand command, Instant at) {
        Require.present("command", command);
        Require.present("at", at);
        EconsultState next = state.next(command, at);
        List<EconsultTransition> h = new ArrayList<>(history);
        h.add(new EconsultTransition(command.type(), state.status(), next.status(), at));
        return new Econsultation(id, patient, practice, submittedBy, request, submittedAt, next, h);
    }

    @Override
    public String toString() {
        return "Econsultation[" + id + " " + state.status() + "]";
    }
}
