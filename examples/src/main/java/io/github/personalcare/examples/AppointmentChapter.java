package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.appointment.Appointment;
import io.github.personalcare.appointment.AppointmentMode;
import io.github.personalcare.appointment.AppointmentType;
import io.github.personalcare.appointment.NewSlot;
import io.github.personalcare.appointment.Schedule;
import io.github.personalcare.appointment.Slot;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ServiceId;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The appointment chapter of the demo: the practice's receptionist publishes next week's GP slots
 * (in person, video, telephone), the patient searches the free slots of the next 4 weeks and books
 * the first, and the practice's reminder sweep finds nothing due yet. Times are printed as UK
 * local times (Europe/London); output carries codes and times, not personal data.
 */
public final class AppointmentChapter {
    /** The practice's GP appointments, as the directory names them. */
    public static final ServiceId GP_APPOINTMENTS = ServiceId.of("A81001-GP");
    /** The practice's receptionist. */
    public static final AccessContext RECEPTIONIST = AccessContext.of(Actor.professional(UserId.of("reception-1"),
            ProfessionalRole.ADMINISTRATOR, PatientChapter.PRACTICE), Purpose.ADMINISTRATION);
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private AppointmentChapter() {
    }

    /**
     * Tells the chapter.
     *
     * @param care    the SDK
     * @param out     where the story is printed
     * @param patient the patient, registered at {@link PatientChapter#PRACTICE}
     * @return the booked appointment
     */
    public static Versioned<Appointment> run(PersonalCare care, PrintStream out, PatientId patient) {
        out.println("== Appointments ==");
        var appointments = care.appointments();
        Schedule surgery = appointments.publishSchedule(RECEPTIONIST, GP_APPOINTMENTS, PatientChapter.PRACTICE,
                "Morning surgery").value();
        LocalDate today = LocalDate.ofInstant(care.clock().instant(), Slot.UK);
        LocalDate nextWeek = today.plusDays(7);
        List<NewSlot> slots = new ArrayList<>();
        slots.add(slot(nextWeek, LocalTime.of(9, 0), AppointmentMode.inPerson("Room 3")));
        slots.add(slot(nextWeek, LocalTime.of(9, 15), AppointmentMode.video()));
        slots.add(slot(nextWeek.plusDays(1), LocalTime.of(11, 30), AppointmentMode.telephone()));
        appointments.publishSlots(RECEPTIONIST, surgery.id(), slots);
        out.println("The practice publishes " + slots.size() + " GP slots for next week");

        List<Versioned<Slot>> free = appointments.freeSlots(GP_APPOINTMENTS, today, today.plusWeeks(4));
        out.println("Free slots in the next 4 weeks: " + free.size());
        Versioned<Slot> first = free.get(0);
        Versioned<Appointment> booked = appointments.book(AccessContext.patientSelf(patient), patient,
                first.value().id(), first.version());
        out.println("Amara books " + UK_TIME.format(booked.value().startsAt().atZone(Slot.UK)) + " (UK time, "
                + mode(booked.value().mode()) + "); free slots left: "
                + appointments.freeSlots(GP_APPOINTMENTS, today, today.plusWeeks(4)).size());
        int due = appointments.sendDueReminders(AccessContext.of(Actor.system("reminder-sweep"),
                Purpose.ADMINISTRATION));
        out.println("Reminders due now: " + due + "; next reminder at "
                + booked.value().nextReminder().map(r -> UK_TIME.format(r.atZone(Slot.UK))).orElse("none"));
        return booked;
    }

    private static NewSlot slot(LocalDate day, LocalTime at, AppointmentMode mode) {
        var start = day.atTime(at).atZone(Slot.UK).toInstant();
        return new NewSlot(start, start.plus(Duration.ofMinutes(10)), AppointmentType.ROUTINE, mode,
                ProfessionalRole.GENERAL_PRACTITIONER);
    }

    private static String mode(AppointmentMode mode) {
        if (mode instanceof AppointmentMode.InPerson p) {
            return "in person, " + p.location();
        }
        return mode instanceof AppointmentMode.Video ? "video" : "telephone";
    }
}
