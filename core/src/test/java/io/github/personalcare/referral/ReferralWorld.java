package io.github.personalcare.referral;

import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import io.github.personalcare.lang.Versioned;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small world for referral tests: a GP practice, three cardiology providers (two directly
 * bookable, one triage), a non-consultant-led physiotherapy service, a registered patient and a
 * clock that moves only when told. Domain words, so tests read as the service does.
 */
final class ReferralWorld {
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final OdsCode LEEDS = OdsCode.of("RR8");
    static final OdsCode YORK = OdsCode.of("RCB");
    static final OdsCode BRADFORD = OdsCode.of("RAE");
    static final Specialty CARDIOLOGY = Specialty.of("CARDIOLOGY");
    static final Specialty PHYSIOTHERAPY = Specialty.of("PHYSIOTHERAPY");
    static final NhsNumber NHS_NUMBER = NhsNumber.parse("943 476 5870");
    static final String CLINICAL_REASON = "Exertional chest tightness for three months, worse on hills";

    static final HealthcareService LEEDS_CARDIOLOGY = new HealthcareService(ServiceId.of("SVC-LEEDS-CARD"),
            "Leeds General Infirmary Cardiology", LEEDS, CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "LS1");
    static final HealthcareService YORK_CARDIOLOGY = new HealthcareService(ServiceId.of("SVC-YORK-CARD"),
            "York Hospital Cardiology", YORK, CARDIOLOGY, BookingMode.DIRECTLY_BOOKABLE, true, "YO31");
    static final HealthcareService BRADFORD_TRIAGE = new HealthcareService(ServiceId.of("SVC-BRAD-RAS"),
            "Bradford Cardiology Referral Assessment", BRADFORD, CARDIOLOGY, BookingMode.TRIAGE, true, "BD9");
    static final HealthcareService LEEDS_PHYSIO = new HealthcareService(ServiceId.of("SVC-LEEDS-PHYSIO"),
            "Leeds Community Physiotherapy", LEEDS, PHYSIOTHERAPY, BookingMode.INDIRECTLY_BOOKABLE, false, "LS6");

    final TestClock clock = new TestClock(START);
    final InMemoryServiceDirectory directory = new InMemoryServiceDirectory(
            List.of(LEEDS_CARDIOLOGY, YORK_CARDIOLOGY, BRADFORD_TRIAGE, LEEDS_PHYSIO));
    final InMemoryStorage storage = new InMemoryStorage();
    final PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).serviceDirectory(directory).build();
    final AccessContext gp = professional("GP1", ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE);
    final AccessContext leedsConsultant = professional("CONS1", ProfessionalRole.CONSULTANT, LEEDS);
    final AccessContext yorkConsultant = professional("CONS2", ProfessionalRole.CONSULTANT, YORK);
    final AccessContext bradfordConsultant = professional("CONS3", ProfessionalRole.CONSULTANT, BRADFORD);
    final PatientId patient;

    ReferralWorld() {
        patient = care.patients().register(gp, NHS_NUMBER, NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE)).value().id();
    }

    static AccessContext professional(String user, ProfessionalRole role, OdsCode org) {
        return AccessContext.of(Actor.professional(UserId.of(user), role, org), Purpose.DIRECT_CARE);
    }

    ReferralService referrals() {
        return care.referrals();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    Instant inDays(long days) {
        return clock.instant().plus(Duration.ofDays(days));
    }

    NewReferral routineCardiology() {
        return NewReferral.appointment(patient, Priority.ROUTINE, CARDIOLOGY, CLINICAL_REASON);
    }

    Versioned<Referral> drafted() {
        return referrals().draft(gp, routineCardiology());
    }

    /** Drafted, shortlisted (Leeds, York, Bradford triage) with choice offered, and sent. */
    Versioned<Referral> notBooked() {
        Versioned<Referral> r = drafted();
        r = referrals().shortlist(gp, r.value().id(),
                List.of(LEEDS_CARDIOLOGY.id(), YORK_CARDIOLOGY.id(), BRADFORD_TRIAGE.id()),
                PatientChoice.choiceOffered(), r.version());
        return referrals().submit(gp, r.value().id(), r.version());
    }

    /** Booked at Leeds, appointment in 14 days. */
    Versioned<Referral> bookedAtLeeds() {
        Versioned<Referral> r = notBooked();
        return referrals().book(gp, r.value().id(), LEEDS_CARDIOLOGY.id(), inDays(14), r.version());
    }

    Versioned<Referral> acceptedAtLeeds() {
        Versioned<Referral> r = bookedAtLeeds();
        return referrals().accept(leedsConsultant, r.value().id(), r.version());
    }

    Versioned<Referral> awaitingTriage() {
        Versioned<Referral> r = notBooked();
        return referrals().sendForTriage(gp, r.value().id(), BRADFORD_TRIAGE.id(), r.version());
    }

    Versioned<Referral> adviceRequested() {
        Versioned<Referral> r = referrals().draft(gp, routineCardiology().withRequestType(RequestType.ADVICE_AND_GUIDANCE));
        r = referrals().shortlist(gp, r.value().id(), List.of(LEEDS_CARDIOLOGY.id()),
                PatientChoice.choiceOffered(), r.version());
        return referrals().submit(gp, r.value().id(), r.version());
    }

    /** What is stored for the patient, read past the guard (test inspection only). */
    List<Referral> stored() {
        return storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS)
                .query(Query.forPatient(patient)).stream().map(Versioned::value).toList());
    }

    Versioned<Referral> storedVersion(ReferralId id) {
        return storage.inTransaction(tx -> tx.aggregates(ReferralStores.REFERRALS).get(id));
    }

    List<DomainEvent> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered().stream().map(OutboxEntry::event).toList());
    }
}
