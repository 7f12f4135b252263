package io.github.personalcare.appointment;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A practice that publishes a GP clinic, a registered patient, her daughter (a carer) and a clock
 * that moves only when told.
 */
final class AppointmentWorld {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final OdsCode OTHER = OdsCode.of("B82002");
    static final ServiceId GP_CLINIC = ServiceId.of("A81001-GP");
    static final NhsNumber NHS_NUMBER = NhsNumber.parse("943 476 5870");
    static final Actor.Carer DAUGHTER = Actor.carer(UserId.of("CARER-ADA-1"));

    final TestClock clock = new TestClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).build();
    final AccessContext gp = professional("GP1", ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE, Purpose.DIRECT_CARE);
    final AccessContext receptionist = professional("ADM1", ProfessionalRole.ADMINISTRATOR, PRACTICE,
            Purpose.ADMINISTRATION);
    final AccessContext otherAdmin = professional("ADM9", ProfessionalRole.ADMINISTRATOR, OTHER,
            Purpose.ADMINISTRATION);
    final AccessContext scheduler = AccessContext.of(Actor.system("reminders"), Purpose.ADMINISTRATION);
    final PatientId patient;
    final AccessContext self;
    final Schedule clinic;

    AppointmentWorld() {
        patient = care.patients().register(gp, NHS_NUMBER, NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
        self = AccessContext.patientSelf(patient);
        clinic = care.appointments().publishSchedule(receptionist, GP_CLINIC, PRACTICE, "Morning surgery").value();
    }

    static AccessContext professional(String user, ProfessionalRole role, OdsCode org, Purpose purpose) {
        return AccessContext.of(Actor.professional(UserId.of(user), role, org), purpose);
    }

    AppointmentService appointments() {
        return care.appointments();
    }

    static NewSlot slot(Instant start) {
        return new NewSlot(start, start.plus(Duration.ofMinutes(10)), AppointmentType.ROUTINE,
                AppointmentMode.inPerson("Church Street Surgery, room 3"), ProfessionalRole.GENERAL_PRACTITIONER);
    }

    /** Publishes one slot {@code days} days from now and returns it. */
    Versioned<Slot> slotIn(Duration from) {
        return appointments().publishSlots(receptionist, clinic.id(), List.of(slot(clock.instant().plus(from)))).get(0);
    }

    /** The patient grants her daughter proxy rights over these classes of data, for a year. */
    void grantDaughter(DataClass... classes) {
        Instant now = clock.instant();
        care.consents().record(self, patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(DAUGHTER.user())).provision(Provision.permit()
                        .action(AccessAction.ACCESS, AccessAction.COLLECT, AccessAction.CORRECT)
                        .dataClass(classes)
                        .period(ConsentPeriod.between(now, now.plus(Duration.ofDays(365))))))
                .build());
    }

    AccessContext daughter() {
        return AccessContext.of(DAUGHTER, Purpose.PATIENT_SELF_SERVICE);
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    List<OutboxEntry> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered());
    }

    /** Every slot, appointment and outbox entry stored, to compare before and after a refusal. */
    Map<String, Object> stored() {
        return storage.inTransaction(tx -> Map.of(
                "slots", tx.aggregates(AppointmentStores.SLOTS).query(io.github.personalcare.spi.Query.all()),
                "schedules", tx.aggregates(AppointmentStores.SCHEDULES).query(io.github.personalcare.spi.Query.all()),
                "appointments", tx.aggregates(AppointmentStores.APPOINTMENTS)
                        .query(io.github.personalcare.spi.Query.all()),
                "outbox", tx.outbox().undelivered()));
    }
}
