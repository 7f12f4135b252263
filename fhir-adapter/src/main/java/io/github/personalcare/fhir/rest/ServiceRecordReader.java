package io.github.personalcare.fhir.rest;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDeniedException;
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
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.Versioned;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RecordReader#through}: one guarded service call per read, a missing record as empty. */
final class ServiceRecordReader implements RecordReader {
    private static final Logger log = LoggerFactory.getLogger(ServiceRecordReader.class);

    private final Supplier<PersonalCare> care;
    private final AccessContext ctx;

    ServiceRecordReader(Supplier<PersonalCare> care, AccessContext ctx) {
        this.care = care;
        this.ctx = ctx;
    }

    private <T> Optional<T> find(Function<PersonalCare, T> read) {
        try {
            return Optional.of(read.apply(care.get()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private <T> Optional<T> versioned(Function<PersonalCare, Versioned<T>> read) {
        return find(read).map(Versioned::value);
    }

    @Override
    public Optional<PatientRecord> record(PatientId patient) {
        return find(c -> PatientRecords.read(c, ctx, patient));
    }

    @Override
    public Optional<Patient> patient(PatientId patient) {
        return versioned(c -> c.patients().get(ctx, patient));
    }

    @Override
    public Optional<CareTeam> careTeam(CareTeamId id) {
        return versioned(c -> c.careTeams().get(ctx, id));
    }

    @Override
    public Optional<CarePlan> carePlan(CarePlanId id) {
        return versioned(c -> c.carePlans().get(ctx, id));
    }

    @Override
    public Optional<PersonalHealthBudget> budget(BudgetId id) {
        return versioned(c -> c.budgets().get(ctx, id));
    }

    @Override
    public List<LedgerEntry> ledger(BudgetId id) {
        return find(c -> c.budgets().ledger(ctx, id).entries()).orElse(List.of());
    }

    @Override
    public Optional<Referral> referral(ReferralId id) {
        return versioned(c -> c.referrals().get(ctx, id));
    }

    @Override
    public Optional<ConsentRecord> consent(ConsentId id) {
        return versioned(c -> c.consents().get(ctx, id));
    }

    @Override
    public List<AuditRecord> audit(PatientId patient) {
        return find(c -> c.audit().records(ctx, patient)).orElse(List.of());
    }

    @Override
    public List<Message> messages(ConversationId conversation) {
        return find(c -> c.messaging().get(ctx, conversation).messages()).orElse(List.of());
    }

    @Override
    public Optional<Appointment> appointment(AppointmentId id) {
        return versioned(c -> c.appointments().get(ctx, id));
    }

    @Override
    public Optional<Slot> slot(SlotId id) {
        return versioned(c -> c.appointments().slot(id));
    }

    @Override
    public Optional<Schedule> schedule(ScheduleId id) {
        return versioned(c -> c.appointments().schedule(id));
    }

    @Override
    public Optional<PrescriptionRequest> prescriptionRequest(PrescriptionRequestId id) {
        return versioned(c -> c.prescriptions().getRequest(ctx, id));
    }

    @Override
    public Optional<RepeatMedicine> repeatMedicine(RepeatMedicineId id) {
        return versioned(c -> c.prescriptions().getRepeat(ctx, id));
    }

    @Override
    public Optional<Econsultation> econsultation(EconsultationId id) {
        return versioned(c -> c.econsultations().get(ctx, id));
    }

    @Override
    public Optional<Feedback> feedback(FeedbackId id) {
        try {
            return versioned(c -> c.feedback().get(ctx, id));
        } catch (AccessDeniedException | RuleViolationException e) {
            // Only the patient and their carers read a response (FEEDBACK_OWNER): it is not shared.
            log.debug("feedback {} not readable by the relay ({}): not sent", id, e.rule());
            return Optional.empty();
        }
    }
}
