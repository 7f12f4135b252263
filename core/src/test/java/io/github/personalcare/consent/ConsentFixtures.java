package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.CorrelationId;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** People, patients, requests and consents in domain words, for the consent tests. */
final class ConsentFixtures {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneId.of("Europe/London"));
    static final OdsCode PRACTICE = OdsCode.of("A81001");
    static final OdsCode HOSPITAL = OdsCode.of("RH8");
    static final OdsCode UNIVERSITY = OdsCode.of("UNI01");
    static final ConsentPolicy POLICY = ConsentPolicy.nhsEnglandDefaults();

    static final Actor.Professional GP = Actor.professional(UserId.of("gp-1"), ProfessionalRole.GENERAL_PRACTITIONER,
            PRACTICE);
    static final Actor.Professional PRACTICE_ADMIN = Actor.professional(UserId.of("admin-1"),
            ProfessionalRole.ADMINISTRATOR, PRACTICE);
    static final Actor.Professional AE_CLINICIAN = Actor.professional(UserId.of("ae-1"),
            ProfessionalRole.EMERGENCY_CLINICIAN, HOSPITAL);
    static final Actor.Professional AE_RECEPTIONIST = Actor.professional(UserId.of("ae-2"),
            ProfessionalRole.ADMINISTRATOR, HOSPITAL);
    static final Actor.Professional RESEARCHER = Actor.professional(UserId.of("res-1"), ProfessionalRole.RESEARCHER,
            UNIVERSITY);
    static final Actor.Professional PRIVACY_OFFICER = Actor.professional(UserId.of("po-1"),
            ProfessionalRole.PRIVACY_OFFICER, PRACTICE);
    static final Actor.Carer CARER = Actor.carer(UserId.of("carer-1"));
    static final Actor.Carer PARENT = Actor.carer(UserId.of("parent-1"));

    private ConsentFixtures() {
    }

    /** A patient of the given age today, registered at {@link #PRACTICE}. */
    static Patient patientAged(int years, PatientFlag... flags) {
        return new Patient(PatientId.random(), NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Alex", "Example"), TODAY.minusYears(years).minusDays(30), Set.of(flags),
                Optional.of(PRACTICE), Optional.empty());
    }

    static Patient adult(PatientFlag... flags) {
        return patientAged(40, flags);
    }

    static AccessRequest request(Patient patient, Actor actor, Purpose purpose, AccessAction action,
            DataClass dataClass, SensitivityLabel... labels) {
        return new AccessRequest(AccessContext.of(actor, purpose), Optional.of(patient.id()), action, dataClass,
                Set.of(labels), NOW);
    }

    static AccessRequest view(Patient patient, Actor actor, Purpose purpose) {
        return request(patient, actor, purpose, AccessAction.ACCESS, DataClass.CARE_PLAN);
    }

    static AccessRequest breakGlass(Patient patient, Actor actor, String reason) {
        return new AccessRequest(new AccessContext(actor, Purpose.EMERGENCY, Optional.ofNullable(reason),
                CorrelationId.random()), Optional.of(patient.id()), AccessAction.ACCESS, DataClass.CARE_PLAN, Set.of(),
                NOW);
    }

    static AccessRequest at(AccessRequest r, Instant when) {
        return new AccessRequest(r.context(), r.patient(), r.action(), r.dataClass(), r.labels(), when);
    }

    static Relationship registeredAt(Patient patient) {
        return new Relationship(RelationshipKind.REGISTERED_PRACTICE, "Patient/" + patient.id());
    }

    static Relationship carerOnTeam() {
        return new Relationship(RelationshipKind.CARER_WITH_PROXY, "CareTeam/test");
    }

    static ConsentFacts facts(Patient patient, List<Relationship> relationships, ConsentRecord... consents) {
        return ConsentFacts.of(patient, List.of(consents), relationships, POLICY);
    }

    static ConsentFacts facts(Patient patient, ConsentRecord... consents) {
        return facts(patient, List.of(), consents);
    }

    static ConsentRecord active(Patient patient, ConsentTerms terms) {
        return ConsentRecord.active(ConsentId.random(), patient.id(), terms, NOW.minus(Duration.ofDays(1)));
    }

    /** The patient (or a representative) lets a person view the care plan for a period around now. */
    static ConsentTerms proxyView(UserId proxy, Performer performer) {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .performer(performer)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(proxy))
                        .provision(Provision.permit()
                                .action(AccessAction.ACCESS)
                                .dataClass(DataClass.CARE_PLAN)
                                .period(ConsentPeriod.between(NOW.minus(Duration.ofDays(30)),
                                        NOW.plus(Duration.ofDays(30))))))
                .build();
    }

    static ConsentTerms proxyView(UserId proxy) {
        return proxyView(proxy, Performer.patient());
    }

    /** The patient objects to sharing with whoever matches {@code who}. */
    static ConsentTerms objectionTo(ProvisionActor who) {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny().actor(who)))
                .build();
    }

    /** The patient objects to sharing data with a label with anyone. */
    static ConsentTerms objectionToLabel(SensitivityLabel label) {
        return ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny().label(label)))
                .build();
    }

    /** The patient consents to a research study at an organisation. */
    static ConsentTerms researchAt(OdsCode organisation) {
        return ConsentTerms.builder(ConsentScope.RESEARCH)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().provision(Provision.permit()
                        .actor(ProvisionActor.organisation(organisation))
                        .purpose(Purpose.RESEARCH)))
                .build();
    }
}
