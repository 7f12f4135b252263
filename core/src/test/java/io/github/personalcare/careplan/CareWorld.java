package io.github.personalcare.careplan;

import io.github.personalcare.support.TestClock;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.store.memory.InMemoryStorage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient with a care team, for service tests: a GP at the registered practice who is the lead
 * professional, a community nurse, the patient's daughter as an agreed carer, a son holding a
 * health and welfare LPA, a carer the patient has not agreed to, and a professional with no
 * relationship at all.
 */
public final class CareWorld {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    public static final String NHS_NUMBER = "9434765870";
    public static final String GIVEN = "Ada";
    public static final String FAMILY = "Quarrington";

    public final TestClock clock = new TestClock(START);
    /** The storage behind {@link #care}, for inspecting what was stored, published and audited. */
    public final InMemoryStorage storage = new InMemoryStorage();
    public final PersonalCare care = PersonalCare.builder().storage(storage).clock(clock).build();
    public final AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
    public final AccessContext nurse = AccessContext.of(Actor.professional(UserId.of("NURSE-1"),
            ProfessionalRole.NURSE, OdsCode.of("RH8")), Purpose.DIRECT_CARE);
    public final AccessContext carer = AccessContext.of(Actor.carer(UserId.of("CARER-1")), Purpose.DIRECT_CARE);
    public final AccessContext attorney = AccessContext.of(Actor.carer(UserId.of("REP-1")), Purpose.DIRECT_CARE);
    public final AccessContext unagreedCarer = AccessContext.of(Actor.carer(UserId.of("CARER-2")), Purpose.DIRECT_CARE);
    public final AccessContext stranger = AccessContext.of(Actor.professional(UserId.of("X-1"),
            ProfessionalRole.NURSE, OdsCode.of("Y99999")), Purpose.DIRECT_CARE);
    public final PatientId patient;
    public final AccessContext self;
    public final CareTeamId team;
    public final MemberId gpMember;
    public final MemberId nurseMember;
    public final MemberId carerMember;

    public CareWorld() {
        this(Set.of(PatientFlag.COMPLEX_NEEDS), LocalDate.of(1950, 12, 10));
    }

    public CareWorld(Set<PatientFlag> flags, LocalDate dateOfBirth) {
        patient = care.patients().register(gp, NhsNumber.parse(NHS_NUMBER), NhsNumberVerification.VERIFIED,
                new PersonName(GIVEN, FAMILY), dateOfBirth, flags, Optional.of(OdsCode.of("A81001"))).value().id();
        self = AccessContext.patientSelf(patient);
        Versioned<CareTeam> t = care.careTeams().establish(gp, patient);
        team = t.value().id();
        t = care.careTeams().addProfessional(gp, team, UserId.of("GP-1"), ProfessionalRole.GENERAL_PRACTITIONER,
                OdsCode.of("A81001"), t.version());
        gpMember = t.value().professionals().get(0).id();
        t = care.careTeams().appointLead(gp, team, gpMember, t.version());
        t = care.careTeams().addProfessional(gp, team, UserId.of("NURSE-1"), ProfessionalRole.NURSE,
                OdsCode.of("RH8"), t.version());
        nurseMember = t.value().professionals().get(1).id();
        t = care.careTeams().addCarer(self, team, UserId.of("CARER-1"), CarerRole.UNPAID_CARER, "daughter", false,
                Optional.empty(), t.version());
        carerMember = t.value().carers().get(0).id();
        t = care.careTeams().addCarer(gp, team, UserId.of("REP-1"), CarerRole.REPRESENTATIVE, "son", true,
                Optional.of(AuthorityKind.LPA_HEALTH_WELFARE), t.version());
        care.careTeams().addCarer(gp, team, UserId.of("CARER-2"), CarerRole.FAMILY_MEMBER, "nephew", false,
                Optional.empty(), t.version());
    }

    /** Today's date by the world's clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** Plan content that satisfies R7, reviewed on {@code reviewDue}. */
    public static CarePlanContent complete(LocalDate reviewDue) {
        Goal walk = Goal.of("Walk to the shops on my own again", "Distance walked without a rest",
                Optional.of(reviewDue));
        return CarePlanContent.empty()
                .withAboutMe("I like to be called Ada. I hear better on my left side.")
                .withWhatMattersToMe(List.of("Staying in my own home", "Seeing my grandchildren every week"))
                .withGoals(List.of(walk))
                .withActions(List.of(Action.of("Practise the exercises each morning", ActionOwner.patient(),
                        Optional.empty(), List.of(walk.id()))))
                .withSupportAndServices(List.of(SupportItem.of("Community physiotherapy, six sessions")))
                .withContingency(new ContingencyPlan("Breathless when resting", "Use the rescue pack, then call",
                        List.of("Community matron", "NHS 111")))
                .withInformation(List.of(new InformationPrescription("Keeping active",
                        "https://www.nhs.uk/live-well/exercise/")))
                .withReview(ReviewArrangements.on(reviewDue));
    }

    /** Drafts, proposes, agrees (patient) and co-signs (lead GP) a complete plan. */
    public Versioned<CarePlan> agreedPlan(LocalDate reviewDue) {
        Versioned<CarePlan> v = care.carePlans().draft(self, patient, complete(reviewDue));
        CarePlanId id = v.value().id();
        v = care.carePlans().propose(self, id, v.version());
        v = care.carePlans().agree(self, id, v.version());
        return care.carePlans().coSign(gp, id, v.version());
    }

    /** The plan as stored, read straight from storage (no guard): for asserting "nothing changed". */
    public Optional<Versioned<CarePlan>> stored(CarePlanId id) {
        return storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).find(id));
    }

    /** Every plan of the patient, straight from storage. */
    public List<Versioned<CarePlan>> storedPlans() {
        return storage.inTransaction(tx -> tx.aggregates(CarePlanStores.PLANS).findByPatient(patient));
    }

    /** Number of undelivered outbox entries. */
    public int outboxSize() {
        return storage.inTransaction(tx -> tx.outbox().undelivered().size());
    }
}
