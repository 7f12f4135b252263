package io.github.personalcare.fhir;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.consent.BasePolicy;
import io.github.personalcare.consent.ConsentId;
import io.github.personalcare.consent.ConsentPeriod;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.ConsentScope;
import io.github.personalcare.consent.ConsentTerms;
import io.github.personalcare.consent.DataPeriod;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.consent.Performer;
import io.github.personalcare.consent.PolicyReference;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionActor;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.Ubrn;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.referral.Appointment;
import io.github.personalcare.referral.AppointmentStatus;
import io.github.personalcare.referral.Attachment;
import io.github.personalcare.referral.BookingMode;
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
import io.github.personalcare.referral.PatientChoiceDelay;
import io.github.personalcare.referral.RttStart;
import io.github.personalcare.referral.ServiceId;
import io.github.personalcare.referral.Specialty;
import io.github.personalcare.referral.StateChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A known referral of Ada's and two known consents, for the ServiceRequest and Consent tests. */
final class ReferralConsentFixtures {
    static final ReferralId REFERRAL_ID = new ReferralId(UUID.fromString("6b0c1d2e-3f40-4152-9364-758697a8b9c0"));
    static final Ubrn UBRN = Ubrn.parse("0000 4000 0001");
    static final Instant DRAFTED = Instant.parse("2026-11-02T10:15:00Z");
    static final HealthcareService LEEDS = new HealthcareService(ServiceId.of("svc-leeds-2ww"),
            "Leeds Breast Clinic (2WW)", OdsCode.of("RR8"), Specialty.of("BREAST_SURGERY"),
            BookingMode.DIRECTLY_BOOKABLE, true, "LS9");
    static final HealthcareService BRADFORD = new HealthcareService(ServiceId.of("svc-bradford-2ww"),
            "Bradford Breast Service", OdsCode.of("RAE"), Specialty.of("BREAST_SURGERY"),
            BookingMode.DIRECTLY_BOOKABLE, true, "BD9");
    static final ConsentId CARER_CONSENT_ID = new ConsentId(UUID.fromString("0d6e7f80-9a1b-4c2d-8e3f-405162738495"));
    static final ConsentId RESEARCH_CONSENT_ID = new ConsentId(UUID.fromString("1e2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7"));
    static final UserId CARER = UserId.of("carer.bea");
    static final UserId MOTHER = UserId.of("mother.cat");

    private ReferralConsentFixtures() {
    }

    /** Ada's two-week-wait referral by her GP, booked at Leeds, with its RTT clock running. */
    static Referral bookedTwoWeekWait() {
        Instant submitted = DRAFTED.plusSeconds(600);
        Instant booked = DRAFTED.plusSeconds(1_200);
        Referrer gp = new Referrer(Fixtures.GP.user(), Fixtures.GP.organisation());
        return new Referral(REFERRAL_ID, UBRN, Fixtures.ADA_ID, gp, Priority.TWO_WEEK_WAIT,
                Specialty.of("BREAST_SURGERY"), "Breast lump, 3 cm, left upper quadrant.\nFamily history.",
                RequestType.APPOINTMENT,
                List.of(new Attachment("Referral letter", "application/pdf",
                        "https://documents.example.nhs.uk/letters/7f3a"),
                        new Attachment("Note from the patient's daughter", "application/pdf",
                                "https://documents.example.nhs.uk/letters/7f3b").labelled(SensitivityLabel.THIRD_PARTY)),
                List.of(LEEDS, BRADFORD), Optional.of(PatientChoice.choiceOffered()), Optional.of(LEEDS.id()),
                List.of(new Appointment(LEEDS.id(), Instant.parse("2026-11-12T09:30:00Z"), booked,
                        AppointmentStatus.BOOKED)),
                List.of(new RttClock(LocalDate.of(2026, 11, 2), RttStart.UBRN_CONVERSION,
                        List.of(new PatientChoiceDelay(LocalDate.of(2026, 11, 3), Optional.of(LocalDate.of(2026, 11, 4)))),
                        Optional.empty(), Optional.empty())),
                ReferralState.BOOKED,
                List.of(new StateChange(ReferralCommand.Type.SHORTLIST, ReferralState.DRAFT, ReferralState.DRAFT,
                                DRAFTED.plusSeconds(300), Optional.empty(), Optional.empty()),
                        new StateChange(ReferralCommand.Type.SUBMIT, ReferralState.DRAFT, ReferralState.NOT_BOOKED,
                                submitted, Optional.empty(), Optional.empty()),
                        new StateChange(ReferralCommand.Type.BOOK, ReferralState.NOT_BOOKED, ReferralState.BOOKED,
                                booked, Optional.of(ReasonCode.of("PATIENT_REQUEST")), Optional.of("Booked by phone"))),
                DRAFTED);
    }

    /** The same referral in another state, priority and request type, with nothing chosen or booked. */
    static Referral simple(ReferralState state, Priority priority, RequestType type) {
        Referral r = bookedTwoWeekWait();
        return new Referral(r.id(), r.ubrn(), r.patient(), r.referrer(), priority, r.specialty(), r.clinicalReason(),
                type, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(), state, List.of(),
                r.createdAt());
    }

    /**
     * Ada's consent: opt-in, her carer Bea may see her care plan and referrals for direct care
     * during 2026, except mental-health items; her GP practice may use anything for direct care.
     */
    static ConsentRecord carerMaySeeThePlan() {
        Provision root = Provision.root()
                .action(AccessAction.ACCESS)
                .provision(Provision.permit()
                        .actor(ProvisionActor.person(CARER), ProvisionActor.related(RelationshipKind.CARER_WITH_PROXY))
                        .action(AccessAction.ACCESS)
                        .dataClass(DataClass.CARE_PLAN, DataClass.REFERRAL)
                        .purpose(Purpose.DIRECT_CARE)
                        .period(ConsentPeriod.between(Instant.parse("2026-01-01T00:00:00Z"),
                                Instant.parse("2027-01-01T00:00:00Z")))
                        .provision(Provision.deny().label(SensitivityLabel.MENTAL_HEALTH)
                                .dataPeriod(DataPeriod.between(LocalDate.of(2010, 1, 1), LocalDate.of(2020, 12, 31)))))
                .provision(Provision.permit()
                        .actor(ProvisionActor.organisation(Fixtures.PRACTICE), ProvisionActor.role(ProfessionalRole.NURSE))
                        .purpose(Purpose.DIRECT_CARE, Purpose.EMERGENCY))
                .build();
        ConsentTerms terms = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .policies(List.of(PolicyReference.NATIONAL_DATA_OPT_OUT))
                .provision(root)
                .denyingImpliedDirectCare()
                .build();
        return ConsentRecord.active(CARER_CONSENT_ID, Fixtures.ADA_ID, terms, Instant.parse("2026-11-01T12:00:00Z"));
    }

    /** A research opt-out given by Ada's attorney, with a policy but no policy rule and an empty root. */
    static ConsentRecord researchOptOutByAttorney() {
        ConsentTerms terms = ConsentTerms.builder(ConsentScope.RESEARCH)
                .performer(Performer.representative(MOTHER, LegalAuthority.LPA_HEALTH_AND_WELFARE))
                .policies(List.of(PolicyReference.of("https://www.leedsth.nhs.uk/research-policy")))
                .build();
        return ConsentRecord.active(RESEARCH_CONSENT_ID, Fixtures.ADA_ID, terms, Instant.parse("2026-10-01T08:00:00Z"));
    }
}
