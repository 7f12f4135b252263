package io.github.personalcare.support;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.consent.BasePolicy;
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
import io.github.personalcare.store.memory.InMemoryStorage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small world for the patient-facing services (e-consultations, feedback): a GP practice with
 * a GP, a GP of another practice, a commissioner, a registered patient, a carer, and a clock that
 * moves only when told.
 */
public final class PatientFacingWorld {
    /** Monday 7 December 2026, 09:00 UK time. */
    public static final Instant START = Instant.parse("2026-12-07T09:00:00Z");
    public static final OdsCode PRACTICE = OdsCode.of("A81001");
    public static final OdsCode OTHER_PRACTICE = OdsCode.of("B82002");
    public static final NhsNumber NHS_NUMBER = NhsNumber.parse("943 476 5870");
    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(1950, 12, 10);

    public final TestClock clock = new TestClock(START);
    public final InMemoryStorage storage = new InMemoryStorage();
    public final PersonalCare care;
    public final AccessContext gp = professional("GP1", ProfessionalRole.GENERAL_PRACTITIONER, PRACTICE);
    public final AccessContext otherGp = professional("GP9", ProfessionalRole.GENERAL_PRACTITIONER, OTHER_PRACTICE);
    public final AccessContext commissioner = AccessContext.of(Actor.professional(UserId.of("COM1"),
            ProfessionalRole.COMMISSIONER, OdsCode.of("QWO")), Purpose.PLANNING);
    public final UserId carerUser = UserId.of("CARER1");
    public final AccessContext carer = AccessContext.of(Actor.carer(carerUser), Purpose.PATIENT_SELF_SERVICE);
    public final PatientId patient;
    public final AccessContext self;

    public PatientFacingWorld() {
        this(b -> b);
    }

    /** @param options extra builder options */
    public PatientFacingWorld(UnaryOperator<PersonalCare.Builder> options) {
        care = options.apply(PersonalCare.builder().storage(storage).clock(clock)).build();
        patient = registerPatient(NHS_NUMBER);
        self = AccessContext.patientSelf(patient);
    }

    public static AccessContext professional(String user, ProfessionalRole role, OdsCode org) {
        return AccessContext.of(Actor.professional(UserId.of(user), role, org), Purpose.DIRECT_CARE);
    }

    /** Registers another patient at the practice. */
    public PatientId registerPatient(NhsNumber nhsNumber) {
        return care.patients().register(gp, nhsNumber, NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), DATE_OF_BIRTH, Set.of(), Optional.of(PRACTICE)).value().id();
    }

    /** The patient lets the carer read and act on the given classes of data. */
    public Versioned<ConsentRecord> grantCarer(DataClass... classes) {
        ConsentTerms terms = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(carerUser))
                        .provision(Provision.permit()
                                .action(AccessAction.ACCESS, AccessAction.COLLECT, AccessAction.CORRECT)
                                .dataClass(classes)))
                .build();
        return care.consents().record(self, patient, terms);
    }

    /** Every undelivered outbox event. */
    public List<DomainEvent> outbox() {
        return storage.inTransaction(tx -> tx.outbox().undelivered().stream().map(OutboxEntry::event).toList());
    }
}
