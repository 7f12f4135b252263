package io.github.personalcare.prescription;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.OutboxEntry;
import io.github.personalcare.spi.Query;
import io.github.personalcare.store.memory.InMemoryStorage;
import io.github.personalcare.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small world for prescription tests: a practice with a GP, a social worker and an
 * administrator, a registered patient, her daughter (a proxy the patient may give a consent to)
 * and a clock that moves only when told.
 */
final class PrescriptionWorld {
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final OdsCode OTHER_PRACTICE = OdsCode.of("B82002");
    static final NhsNumber NHS_NUMBER = NhsNumber.parse("943 476 5870");
    /** dm+d VMP "Paracetamol 500mg tablets". */
    static final Medicine PARACETAMOL = Medicine.of("42109611000001109", "Paracetamol 500mg tablets");
    /** A second medicine: a well-formed dm+d identifier used as test data only. */
    static final Medicine SECOND = Medicine.of("39720311000001101", "Second test medicine 5mg capsules");
    static final String DOSE = "two tablets up to four times a day";
    static final UserId DAUGHTER = UserId.of("daughter-ann");

    final TestClock clock = new TestClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final PersonalCare care;
    final AccessContext gp = professional("GP1", ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE);
    final AccessContext socialWorker = professional("SW1", ProfessionalRole.SOCIAL_WORKER, PRACTICE);
    final AccessContext admin = AccessContext.of(Actor.professional(UserId.of("ADM1"), ProfessionalRole.ADMINISTRATOR,
            PRACTICE), Purpose.ADMINISTRATION);
    final AccessContext daughter = AccessContext.of(Actor.carer(DAUGHTER), Purpose.PATIENT_SELF_SERVICE);
    final PatientId patient;
    final AccessContext self;

    PrescriptionWorld() {
        this(PrescriptionPolicy.defaults());
    }

    PrescriptionWorld(PrescriptionPolicy policy) {
        care = PersonalCare.builder().storage(storage).clock(clock).prescriptionPolicy(policy).build();
        patient = care.patients().register(gp, NHS_NUMBER, NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(), Optional.of(PRACTICE))
                .value().id();
        self = AccessContext.patientSelf(patient);
    }

    static AccessContext professional(String user, ProfessionalRole role, OdsCode org) {
        return AccessContext.of(Actor.professional(UserId.of(user), role, org), Purpose.DIRECT_CARE);
    }

    PrescriptionService prescriptions() {
        return care.prescriptions();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
    }

    void advanceDays(long days) {
        clock.advance(Duration.ofDays(days));
    }

    /** Terms: 28-day interval, {@code issues} authorised, review in 180 days. */
    RepeatTerms terms(int issues) {
        return new RepeatTerms(PARACETAMOL, DOSE, SupplyQuantity.of(100, "tablet"), 28, issues, today().plusDays(180));
    }

    Versioned<RepeatMedicine> onRepeat(int issues) {
        return prescriptions().addRepeat(gp, patient, terms(issues));
    }

    /** The patient grants the daughter a year of the given data classes and actions. */
    Versioned<ConsentRecord> grantDaughter(Set<DataClass> classes, AccessAction... actions) {
        Instant now = clock.instant();
        return care.consents().record(self, patient, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(DAUGHTER)).provision(Provision.permit()
                        .action(actions)
                        .dataClass(classes.toArray(DataClass[]::new))
                        .period(ConsentPeriod.between(now, now.plus(Duration.ofDays(365))))))
                .build());
    }

    /** Requested by the patient, approved and issued by the GP today. */
    Versioned<PrescriptionRequest> issued(RepeatMedicineId medicine) {
        Versioned<PrescriptionRequest> r = prescriptions().request(self, patient, List.of(medicine));
        r = prescriptions().approve(gp, r.value().id(), r.version());
        return prescriptions().issue(gp, r.value().id(), r.version());
    }

    List<DomainEvent> events() {
        return storage.inTransaction(tx -> tx.outbox().undelivered()).stream().map(OutboxEntry::event).toList();
    }

    List<AuditEvent> audit() {
        return storage.inTransaction(tx -> tx.audit().forPatient(patient)).stream().map(AuditRecord::event).toList();
    }

    AuditEvent lastAudit() {
        List<AuditEvent> all = audit();
        return all.get(all.size() - 1);
    }

    /** Everything stored that a command could change: medicines, requests, outbox. */
    Snapshot snapshot() {
        return storage.inTransaction(tx -> new Snapshot(
                tx.aggregates(PrescriptionStores.MEDICINES).query(Query.all()),
                tx.aggregates(PrescriptionStores.REQUESTS).query(Query.all()),
                tx.outbox().undelivered().size()));
    }

    record Snapshot(List<Versioned<RepeatMedicine>> medicines, List<Versioned<PrescriptionRequest>> requests,
            int outbox) {
    }
}
