package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentId;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.appointment.NewSlot;
import io.github.personalcare.appointment.Party;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.ScheduleId;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.appointment.SlotId;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot and Appointment (issue 20): every mapping reads back as it was written, what is exported
 * validates against FHIR R4 and the UK Core Slot and Appointment profiles with no errors, and a
 * resource missing what the SDK needs is refused with a problem at its path.
 */
class AppointmentMappingTest {
    private static final Instant T0 = Instant.parse("2026-03-29T08:00:00Z");
    private static final Schedule SCHEDULE = new Schedule(ScheduleId.random(), ServiceId.of("A81001-GP"),
            OdsCode.of("A81001"), "Morning surgery", T0);
    private final SlotMapper slots = new SlotMapper();
    private final AppointmentMapper appointments = new AppointmentMapper();

    private static Slot slot(AppointmentMode mode, AppointmentType type, Instant start) {
        return Slot.publish(SlotId.random(), SCHEDULE, new NewSlot(start, start.plus(Duration.ofMinutes(10)), type, mode,
                ProfessionalRole.GENERAL_PRACTITIONER));
    }

    static List<Slot> slotFixtures() {
        Slot free = slot(AppointmentMode.inPerson("Church Street Surgery, room 3"), AppointmentType.ROUTINE, T0);
        return List.of(free, free.takenBy(AppointmentId.random()), free.withdrawn(T0.minus(Duration.ofDays(3))),
                slot(AppointmentMode.video(), AppointmentType.FOLLOWUP, T0.plus(Duration.ofHours(1))),
                slot(AppointmentMode.telephone(), AppointmentType.EMERGENCY, T0.plus(Duration.ofHours(2))));
    }

    static List<Appointment> appointmentFixtures() {
        Instant booked = T0.minus(Duration.ofDays(10));
        List<Duration> offsets = List.of(Duration.ofDays(7), Duration.ofDays(1));
        Appointment forReferral = Appointment.book(AppointmentId.random(), PatientId.random(),
                slot(AppointmentMode.inPerson("Clinic 4"), AppointmentType.ROUTINE, T0),
                Optional.of(ReferralId.random()), Party.PROXY, booked, offsets);
        Appointment plain = Appointment.book(AppointmentId.random(), PatientId.random(),
                slot(AppointmentMode.video(), AppointmentType.CHECKUP, T0), Optional.empty(), Party.PATIENT, booked,
                offsets);
        Appointment moved = plain.rebook(slot(AppointmentMode.telephone(), AppointmentType.CHECKUP,
                T0.plus(Duration.ofDays(2))), Party.STAFF, booked.plus(Duration.ofDays(1)), offsets);
        return List.of(forReferral, plain, moved,
                plain.cancel(Party.STAFF, ReasonCode.of("CLINIC_CANCELLED"), booked.plus(Duration.ofDays(2))),
                plain.didNotAttend(T0.plus(Duration.ofMinutes(20))),
                forReferral.attended(T0.plus(Duration.ofMinutes(5))).remindersSentUpTo(T0));
    }

    @Test
    void theScheduleReadsBackAsItWasWrittenAndValidatesAgainstUkCore() {
        ScheduleMapper schedules = new ScheduleMapper();
        ImportContext context = ImportContext.root();
        ObjectNode written = schedules.toFhir(SCHEDULE);

        assertThat(schedules.fromFhir(written, context)).contains(SCHEDULE);
        assertThat(context.problems()).isEmpty();
        assertThat(written.at("/actor/0/type").asText()).isEqualTo("HealthcareService");
        assertThat(written.at("/actor/0/identifier/value").asText()).isEqualTo("A81001-GP");
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(written))).isEmpty();
    }

    @Test
    void aScheduleWithoutItsActorOrPublicationTimeIsRefusedWithProblemsAtTheirPaths() {
        ScheduleMapper schedules = new ScheduleMapper();
        ObjectNode broken = schedules.toFhir(SCHEDULE);
        broken.remove("actor");
        broken.put("active", false);
        ((com.fasterxml.jackson.databind.node.ArrayNode) broken.get("extension")).remove(2);
        ImportContext context = ImportContext.root();

        assertThat(schedules.fromFhir(broken, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath)
                .contains("$.actor", "$.active", "$.extension");
    }

    @Test
    void everySlotAndAppointmentReadsBackAsItWasWritten() {
        for (Slot s : slotFixtures()) {
            ImportContext context = ImportContext.root();
            assertThat(slots.fromFhir(slots.toFhir(s), context)).contains(s);
            assertThat(context.problems()).isEmpty();
        }
        for (Appointment a : appointmentFixtures()) {
            ImportContext context = ImportContext.root();
            assertThat(appointments.fromFhir(appointments.toFhir(a), context)).contains(a);
            assertThat(context.problems()).isEmpty();
        }
    }

    @Test
    void exportedSlotsAndAppointmentsValidateAgainstUkCore() {
        UkCoreValidator validator = UkCoreValidator.shared();
        for (Slot s : slotFixtures()) {
            assertThat(validator.errors(FhirWriter.toJson(slots.toFhir(s)))).as("slot %s", s.mode()).isEmpty();
        }
        for (Appointment a : appointmentFixtures()) {
            assertThat(validator.errors(FhirWriter.toJson(appointments.toFhir(a)))).as("appointment %s", a.status())
                    .isEmpty();
        }
    }

    @Test
    void timesAreWrittenInUtcAndTheDeliveryChannelIsUkCores() {
        ObjectNode json = slots.toFhir(slotFixtures().get(0));
        assertThat(json.path("start").asText()).isEqualTo("2026-03-29T08:00:00Z");
        assertThat(json.path("status").asText()).isEqualTo("free");
        assertThat(json.at("/extension/0/valueCodeableConcept/coding/0/code").asText()).isEqualTo("In-person");
        assertThat(slots.toFhir(slotFixtures().get(1)).path("status").asText()).isEqualTo("busy");
    }

    @Test
    void aResourceMissingWhatTheSdkNeedsIsRefusedWithProblemsAtTheirPaths() {
        ObjectNode slot = slots.toFhir(slotFixtures().get(0));
        slot.remove("extension");
        slot.put("status", "busy");
        ImportContext context = ImportContext.root();
        assertThat(slots.fromFhir(slot, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::rule).contains("DELIVERY_CHANNEL", "SLOT", "REQUIRED");

        ObjectNode appointment = appointments.toFhir(appointmentFixtures().get(3));
        appointment.remove("cancelationReason");
        appointment.remove("participant");
        ImportContext other = ImportContext.root();
        assertThat(appointments.fromFhir(appointment, other)).isEmpty();
        assertThat(other.problems()).extracting(ImportProblem::rule).contains("REQUIRED", "ONE_PATIENT");
    }

    @Provide
    Arbitrary<Slot> anySlot() {
        Arbitrary<AppointmentMode> modes = Arbitraries.oneOf(Arbitraries.just(AppointmentMode.video()),
                Arbitraries.just(AppointmentMode.telephone()),
                Arbitraries.strings().alpha().numeric().withChars(' ', ',').ofMinLength(1).ofMaxLength(60)
                        .filter(s -> !s.isBlank()).map(AppointmentMode::inPerson));
        return Combinators.combine(modes, Arbitraries.of(AppointmentType.class), Arbitraries.of(ProfessionalRole.class),
                Arbitraries.longs().between(0, 400L * 24 * 3600), Arbitraries.integers().between(1, 720),
                Arbitraries.of(true, false)).as((mode, type, role, offset, minutes, taken) -> {
                    Instant start = T0.plusSeconds(offset);
                    Slot s = Slot.publish(SlotId.random(), SCHEDULE, new NewSlot(start,
                            start.plus(Duration.ofMinutes(minutes)), type, mode, role));
                    return taken ? s.takenBy(AppointmentId.random()) : s;
                });
    }

    @Property(tries = 200)
    void anySlotAndItsAppointmentRoundTrip(@ForAll("anySlot") Slot slot, @ForAll Party by,
            @ForAll boolean referral, @ForAll("steps") int step) {
        ImportContext context = ImportContext.root();
        assertThat(slots.fromFhir(slots.toFhir(slot), context)).contains(slot);
        Instant booked = slot.startsAt().minus(Duration.ofDays(9));
        Appointment a = Appointment.book(AppointmentId.random(), PatientId.random(), slot.released(),
                referral ? Optional.of(ReferralId.random()) : Optional.empty(), by, booked,
                List.of(Duration.ofDays(7), Duration.ofHours(3)));
        Appointment next = switch (step) {
            case 1 -> a.cancel(by, ReasonCode.of("PATIENT_REQUEST"), booked.plusSeconds(60));
            case 2 -> a.didNotAttend(slot.startsAt());
            case 3 -> a.remindersSentUpTo(booked.plus(Duration.ofDays(3)));
            default -> a;
        };
        assertThat(appointments.fromFhir(appointments.toFhir(next), context)).contains(next);
        assertThat(context.problems()).isEmpty();
    }

    @Provide
    Arbitrary<Integer> steps() {
        return Arbitraries.integers().between(0, 3);
    }
}
