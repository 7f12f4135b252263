package io.github.personalcare.fhir;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.referral.Appointment;
import io.github.personalcare.referral.AppointmentStatus;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.BookingMode;
import io.github.personalcare.referral.ChoiceExemption;
import io.github.personalcare.referral.HealthcareService;
import io.github.personalcare.referral.PatientChoice;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReasonCode;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.referral.ReferralCommand;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ReferralState;
import io.github.personalcare.referral.Referrer;
import io.github.personalcare.referral.RequestType;
import io.github.personalcare.referral.RttClock;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.PatientChoiceDelay;
import io.github.personalcare.referral.RttNullification;
import io.github.personalcare.referral.RttStart;
import io.github.personalcare.referral.RttStop;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StateChange;
import io.github.personalcare.referral.StopReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of referrals, valid by construction: any state with any history, shortlist,
 * appointments (at most one current) and RTT clocks (only the last open), as the aggregate allows.
 */
final class GeneratedReferrals {
    private GeneratedReferrals() {
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L).map(Instant::ofEpochMilli);
    }

    static Arbitrary<Specialty> specialties() {
        return Arbitraries.of("CARDIOLOGY", "DERMATOLOGY", "ENT", "GYNAECOLOGY", "UROLOGY_2").map(Specialty::of);
    }

    static Arbitrary<ServiceId> serviceIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.', '_', '-')
                .ofMinLength(1).ofMaxLength(20).map(ServiceId::of);
    }

    static Arbitrary<HealthcareService> services() {
        Arbitrary<String> names = Arbitraries.of("Leeds Cardiology Clinic", "St James's ENT", "Dermatology (RAS)",
                "Wharfedale Urology – Otley");
        Arbitrary<String> postcodes = Arbitraries.of("LS1", "LS29", "BD1", "SW1A", "M1", "EC1V");
        return Combinators.combine(serviceIds(), names, GeneratedRecords.odsCodes(), specialties(),
                        Arbitraries.of(BookingMode.class), Arbitraries.of(true, false), postcodes)
                .as(HealthcareService::new);
    }

    static Arbitrary<Attachment> attachments() {
        Arbitrary<String> titles = GeneratedRecords.reasons().filter(s -> s.length() <= 200);
        Arbitrary<String> types = Arbitraries.of("application/pdf", "image/jpeg", "text/plain");
        Arbitrary<String> uris = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                .map(s -> "https://documents.example.nhs.uk/letters/" + s);
        Arbitrary<Set<SensitivityLabel>> labels = Arbitraries.of(SensitivityLabel.class).set().ofMaxSize(3);
        return Combinators.combine(titles, types, uris, labels).as(Attachment::new);
    }

    static Arbitrary<Appointment> appointments(AppointmentStatus status) {
        return Combinators.combine(serviceIds(), instants(), instants())
                .as((service, startsAt, bookedAt) -> new Appointment(service, startsAt, bookedAt, status));
    }

    /** Appointments oldest first, none current except perhaps the last. */
    static Arbitrary<List<Appointment>> appointmentLists() {
        Arbitrary<AppointmentStatus> ended = Arbitraries.of(AppointmentStatus.class)
                .filter(s -> s != AppointmentStatus.BOOKED);
        Arbitrary<List<Appointment>> past = ended.flatMap(GeneratedReferrals::appointments).list().ofMaxSize(2);
        return Combinators.combine(past, appointments(AppointmentStatus.BOOKED).optional(0.4)).as((list, current) -> {
            List<Appointment> all = new ArrayList<>(list);
            current.ifPresent(all::add);
            return all;
        });
    }

    /**
     * A clock from {@code start}, started any way: up to two patient-choice delay notes; if
     * {@code stopped}, stopped or nullified.
     */
    static Arbitrary<RttClock> clocks(LocalDate start, boolean stopped) {
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 60);
        return Combinators.combine(days.list().ofSize(5), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(StopReason.class), Arbitraries.of(true, false), Arbitraries.of(RttStart.class),
                        Arbitraries.of(true, false))
                .as((gaps, pauseCount, reason, lastPauseOpen, startedBy, nullify) -> {
                    List<PatientChoiceDelay> pauses = new ArrayList<>();
                    LocalDate cursor = start;
                    for (int i = 0; i < pauseCount; i++) {
                        LocalDate from = cursor.plusDays(gaps.get(2 * i));
                        boolean open = !stopped && i == pauseCount - 1 && lastPauseOpen;
                        Optional<LocalDate> until = open ? Optional.empty()
                                : Optional.of(from.plusDays(gaps.get(2 * i + 1)));
                        pauses.add(new PatientChoiceDelay(from, until));
                        cursor = until.orElse(from);
                    }
                    LocalDate end = cursor.plusDays(gaps.get(4));
                    Optional<RttStop> stop = stopped && !nullify
                            ? Optional.of(new RttStop(end, reason)) : Optional.empty();
                    Optional<RttNullification> nullified = stopped && nullify
                            ? Optional.of(new RttNullification(end, UserId.of("CONS-" + gaps.get(0)))) : Optional.empty();
                    return new RttClock(start, startedBy, pauses, stop, nullified);
                });
    }

    /** Clocks oldest first: every one but the last stopped. */
    static Arbitrary<List<RttClock>> clockLists() {
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 3_000).map(d -> LocalDate.of(2020, 1, 1)
                .plusDays(d));
        return Arbitraries.integers().between(0, 3).flatMap(n -> {
            if (n == 0) {
                return Arbitraries.just(List.<RttClock>of());
            }
            List<Arbitrary<RttClock>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean last = i == n - 1;
                parts.add(starts.flatMap(s -> last ? Arbitraries.of(true, false).flatMap(stop -> clocks(s, stop))
                        : clocks(s, true)));
            }
            return Combinators.combine(parts).as(List::copyOf);
        });
    }

    static Arbitrary<StateChange> stateChanges() {
        Arbitrary<Optional<ReasonCode>> reasons = Arbitraries.of("PATIENT_REQUEST", "NO_LONGER_REQUIRED",
                "SERVICE_NOT_APPROPRIATE", "A1").map(ReasonCode::of).optional(0.4);
        return Combinators.combine(Arbitraries.of(ReferralCommand.Type.class), Arbitraries.of(ReferralState.class),
                        Arbitraries.of(ReferralState.class), instants(), reasons,
                        GeneratedRecords.reasons().optional(0.3))
                .as(StateChange::new);
    }

    static Arbitrary<Optional<PatientChoice>> choices() {
        return Arbitraries.oneOf(Arbitraries.just(PatientChoice.choiceOffered()),
                Arbitraries.of(ChoiceExemption.class).map(PatientChoice::exempt)).optional(0.7);
    }

    static Arbitrary<Referral> referrals(PatientId patient) {
        Arbitrary<Ubrn> ubrns = Arbitraries.strings().numeric().ofLength(12).map(Ubrn::new);
        Arbitrary<Referrer> referrers = Combinators.combine(GeneratedRecords.userIds(), GeneratedRecords.odsCodes())
                .as(Referrer::new);
        Arbitrary<List<HealthcareService>> shortlists = services().list().ofMaxSize(4).uniqueElements(HealthcareService::id);
        Arbitrary<Referral> head = Combinators.combine(Arbitraries.create(UUID::randomUUID), ubrns, referrers,
                        Arbitraries.of(Priority.class), specialties(), GeneratedRecords.reasons(),
                        Arbitraries.of(RequestType.class), attachments().list().ofMaxSize(3))
                .as((id, ubrn, referrer, priority, specialty, reason, type, attachments) -> Referral.draft(
                        new ReferralId(id), ubrn, patient, referrer, priority, specialty, reason, type, attachments,
                        Instant.EPOCH));
        return Combinators.combine(head, shortlists, choices(), Arbitraries.integers().between(-1, 3),
                        appointmentLists(), clockLists(), Arbitraries.of(ReferralState.class),
                        stateChanges().list().ofMaxSize(4))
                .flatAs((draft, shortlist, choice, pick, appointments, clocks, state, history) -> instants().map(created -> {
                    Optional<ServiceId> chosen = pick >= 0 && pick < shortlist.size()
                            ? Optional.of(shortlist.get(pick).id()) : Optional.empty();
                    return new Referral(draft.id(), draft.ubrn(), patient, draft.referrer(), draft.priority(),
                            draft.specialty(), draft.clinicalReason(), draft.requestType(), draft.attachments(),
                            shortlist, choice, chosen, appointments, clocks, state, history, created);
                }));
    }
}
