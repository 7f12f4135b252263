package io.github.personalcare.fhir.rest;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.ScheduleId;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.budget.BudgetId;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.econsult.Econsultation;
import io.github.personalcare.econsult.EconsultationId;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.FeedbackId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.prescription.PrescriptionRequest;
import io.github.personalcare.prescription.PrescriptionRequestId;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatMedicineId;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.internal.check.Require;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the parts of a patient's record an outbox event names, one aggregate at a time, for
 * {@link FhirEventRenderer#eventWrites(RecordReader)}: a care plan event reads the plan and the
 * patient, not the whole record. Each method reads one aggregate (or one list); an absent
 * aggregate is empty, and the event then sends nothing for it.
 *
 * <p>{@link #through(Supplier, AccessContext)} reads through the SDK's guarded, audited services
 * with the relay's own access context. A refusal propagates
 * ({@link io.github.personalcare.access.AccessDeniedException}, or a service's
 * {@link io.github.personalcare.lang.RuleViolationException} such as {@code MESSAGE_PARTICIPANT}: only
 * the patient, a proxy and care-team professionals read messages) and the transport dead-letters
 * the event under the rule, except for feedback, which the SDK lets only the patient and their
 * carers read: a refused feedback read is empty, so the patient's feedback stays theirs.
 */
public interface RecordReader {

    /**
     * {@return the patient's whole record, for events that change all of it ({@code record.imported})}
     *
     * @param patient the patient
     */
    Optional<PatientRecord> record(PatientId patient);

    /**
     * {@return the patient}
     *
     * @param patient the patient's id
     */
    Optional<Patient> patient(PatientId patient);

    /**
     * {@return the care team}
     *
     * @param id the care team's id
     */
    Optional<CareTeam> careTeam(CareTeamId id);

    /**
     * {@return the care plan, with its goals and versions}
     *
     * @param id the plan's id
     */
    Optional<CarePlan> carePlan(CarePlanId id);

    /**
     * {@return the personal health budget}
     *
     * @param id the budget's id
     */
    Optional<PersonalHealthBudget> budget(BudgetId id);

    /**
     * {@return the budget's ledger entries in the order recorded; empty if the budget is unknown}
     *
     * @param id the budget's id
     */
    List<LedgerEntry> ledger(BudgetId id);

    /**
     * {@return the referral}
     *
     * @param id the referral's id
     */
    Optional<Referral> referral(ReferralId id);

    /**
     * {@return the consent record}
     *
     * @param id the consent's id
     */
    Optional<ConsentRecord> consent(ConsentId id);

    /**
     * {@return the patient's audit records in chain order; empty if there are none}
     *
     * @param patient the patient
     */
    List<AuditRecord> audit(PatientId patient);

    /**
     * {@return the conversation's messages in order; empty if it is unknown}
     *
     * @param conversation the conversation's id
     */
    List<Message> messages(ConversationId conversation);

    /**
     * {@return the appointment}
     *
     * @param id the appointment's id
     */
    Optional<Appointment> appointment(AppointmentId id);

    /**
     * {@return the slot (directory data)}
     *
     * @param id the slot's id
     */
    Optional<Slot> slot(SlotId id);

    /**
     * {@return the schedule (directory data)}
     *
     * @param id the schedule's id
     */
    Optional<Schedule> schedule(ScheduleId id);

    /**
     * {@return the prescription request}
     *
     * @param id the request's id
     */
    Optional<PrescriptionRequest> prescriptionRequest(PrescriptionRequestId id);

    /**
     * {@return the repeat medicine}
     *
     * @param id the repeat medicine's id
     */
    Optional<RepeatMedicine> repeatMedicine(RepeatMedicineId id);

    /**
     * {@return the e-consultation}
     *
     * @param id the e-consultation's id
     */
    Optional<Econsultation> econsultation(EconsultationId id);

    /**
     * {@return the feedback response}
     *
     * @param id the response's id
     */
    Optional<Feedback> feedback(FeedbackId id);

    /**
     * A reader through the SDK's services, every read decided by the access policy and audited
     * with {@code ctx}. A missing aggregate is empty; a refusal propagates, except for feedback
     * (empty), as the class comment says.
     *
     * @param care supplies the running SDK (a supplier, since the SDK is built after its
     *             transport: for example {@code AtomicReference::get}); called per read
     * @param ctx  the relay's access context
     * @return the reader
     * @throws io.github.personalcare.lang.InvalidInputException if an argument is missing (field {@code care}
     *                                                           or {@code ctx})
     */
    static RecordReader through(Supplier<PersonalCare> care, AccessContext ctx) {
        return new ServiceRecordReader(Require.present("care", care), Require.present("ctx", ctx));
    }
}
