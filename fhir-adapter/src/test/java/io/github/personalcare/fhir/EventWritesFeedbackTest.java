package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackEvent;
import io.github.personalcare.feedback.FeedbackId;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FeedbackTopic;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.fhir.rest.FhirEventRenderer;
import io.github.personalcare.fhir.rest.FhirRequest;
import io.github.personalcare.fhir.rest.RecordReader;
import io.github.personalcare.identity.OdsCode;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a feedback event sends the QuestionnaireResponse without its free-text comment (the
 * comment is stored once, in the SDK, and never leaves it: docs/feedback.md), when the relay may
 * read the response at all; a reader that may not (the SDK's default for anyone but the patient
 * and carers) sends nothing.
 */
class EventWritesFeedbackTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private final Patient ada = Fixtures.ada();
    private final Feedback feedback = new Feedback(FeedbackId.random(), ada.id(), "patient:" + ada.id().value(),
            new FeedbackAnswers(new FeedbackSubject.AboutCarePlanning(OdsCode.of("A81001")), FftAnswer.VERY_GOOD,
                    Involvement.YES, Involvement.NOT_APPLICABLE, Optional.of("Kind staff, Dr Who was lovely")),
            OdsCode.of("A81001"), AT, Optional.empty());

    private List<FhirRequest> render(Optional<Feedback> readable) {
        RecordReader reader = new NothingReader() {
            @Override
            public Optional<Patient> patient(PatientId patient) {
                return Optional.of(ada);
            }

            @Override
            public Optional<Feedback> feedback(FeedbackId id) {
                return readable;
            }
        };
        return FhirEventRenderer.eventWrites(reader).render(new FeedbackEvent.Given(UUID.randomUUID(), AT, ada.id(),
                feedback.id(), OdsCode.of("A81001"), FeedbackTopic.CARE_PLANNING));
    }

    @Test
    void aReadableResponseTravelsWithItsCodedAnswersButNotItsComment() {
        List<FhirRequest> sent = render(Optional.of(feedback));

        assertThat(EventWritesReadCountTest.keys(sent)).endsWith("QuestionnaireResponse/" + feedback.id().value())
                .contains("Patient/" + ada.id().value(), "Organization/" + OrganizationMapper.idFor(OdsCode.of("A81001")));
        ObjectNode response = sent.get(sent.size() - 1).body();
        assertThat(response.toString()).doesNotContain("Dr Who").doesNotContain("\"comment\"")
                .contains("\"experience\"", "VERY_GOOD");
        assertThat(new FeedbackMapper().toFhir(feedback).toString()).as("the mapper itself keeps it").contains("Dr Who");
    }

    @Test
    void aResponseTheRelayMayNotReadSendsNothing() {
        assertThat(render(Optional.empty())).isEmpty();
    }

    /** A reader that finds nothing; tests override what they need. */
    static class NothingReader implements RecordReader {
        @Override
        public Optional<PatientRecord> record(PatientId patient) {
            return Optional.empty();
        }

        @Override
        public Optional<Patient> patient(PatientId patient) {
            return Optional.empty();
        }

        @Override
        public Optional<CareTeam> careTeam(CareTeamId id) {
            return Optional.empty();
        }

        @Override
        public Optional<CarePlan> carePlan(CarePlanId id) {
            return Optional.empty();
        }

        @Override
        public Optional<PersonalHealthBudget> budget(BudgetId id) {
            return Optional.empty();
        }

        @Override
        public List<LedgerEntry> ledger(BudgetId id) {
            return List.of();
        }

        @Override
        public Optional<Referral> referral(ReferralId id) {
            return Optional.empty();
        }

        @Override
        public Optional<ConsentRecord> consent(ConsentId id) {
            return Optional.empty();
        }

        @Override
        public List<AuditRecord> audit(PatientId patient) {
            return List.of();
        }

        @Override
        public List<Message> messages(ConversationId conversation) {
            return List.of();
        }

        @Override
        public Optional<Appointment> appointment(AppointmentId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Slot> slot(SlotId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Schedule> schedule(ScheduleId id) {
            return Optional.empty();
        }

        @Override
        public Optional<PrescriptionRequest> prescriptionRequest(PrescriptionRequestId id) {
            return Optional.empty();
        }

        @Override
        public Optional<RepeatMedicine> repeatMedicine(RepeatMedicineId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Econsultation> econsultation(EconsultationId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Feedback> feedback(FeedbackId id) {
            return Optional.empty();
        }
    }
}
