package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.ContingencyPlan;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalStatus;
import io.github.personalcare.careplan.InformationPrescription;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SectionChange;
import io.github.personalcare.careplan.SupportItem;
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

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The care planning chapter of the demo: the GP sets up the care team, the patient and her
 * daughter draft a personalised care and support plan, the patient proposes and agrees it, the
 * GP co-signs it as lead professional (version 1), and a review produces version 2; the chapter
 * prints what changed, section by section. Output carries ids, statuses and counts, not personal data.
 */
public final class CarePlanChapter {

    /** What the next chapter needs: the patient, their care team, the plan and the lead GP's context. */
    public record Outcome(PatientId patient, CareTeamId careTeam, CarePlanId plan, long planStorageVersion,
            int agreedVersion, AccessContext leadGp, AccessContext patientSelf) {
    }

    private CarePlanChapter() {
    }

    /** Registers a patient at practice A81001 (flagged complex needs), then runs the chapter. */
    public static Outcome run(PersonalCare care, PrintStream out) {
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("GP-A81001-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        PatientId patient = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10),
                Set.of(PatientFlag.COMPLEX_NEEDS, PatientFlag.LONG_TERM_CONDITION),
                Optional.of(OdsCode.of("A81001"))).value().id();
        return run(care, out, patient, gp);
    }

    /**
     * Runs the chapter for a registered patient; {@code gp} must be a professional at the patient's
     * registered practice, who becomes the lead professional.
     */
    public static Outcome run(PersonalCare care, PrintStream out, PatientId patient, AccessContext gp) {
        LocalDate today = LocalDate.ofInstant(care.clock().instant(), care.clock().getZone());
        AccessContext me = AccessContext.patientSelf(patient);
        AccessContext daughter = AccessContext.of(Actor.carer(UserId.of("CARER-ADA-1")), Purpose.DIRECT_CARE);
        Actor.Professional gpActor = (Actor.Professional) gp.actor();

        out.println("== Care planning ==");
        Versioned<CareTeam> team = care.careTeams().establish(gp, patient);
        CareTeamId teamId = team.value().id();
        team = care.careTeams().addProfessional(gp, teamId, gpActor.user(), gpActor.role(), gpActor.organisation(),
                team.version());
        MemberId gpMember = team.value().professionals().get(0).id();
        team = care.careTeams().appointLead(gp, teamId, gpMember, team.version());
        team = care.careTeams().addProfessional(gp, teamId, UserId.of("NURSE-RH8-7"), ProfessionalRole.NURSE,
                OdsCode.of("RH8"), team.version());
        // the patient adds her daughter herself, which records her agreement to her involvement (R12)
        team = care.careTeams().addCarer(me, teamId, UserId.of("CARER-ADA-1"), CarerRole.UNPAID_CARER, "daughter",
                false, Optional.empty(), team.version());
        MemberId daughterMember = team.value().carers().get(0).id();
        out.println("Care team " + teamId + ": " + team.value().activeMembersAt(care.clock().instant()).size()
                + " members, lead professional appointed");

        Goal garden = Goal.of("Get out into the garden every day", "Days a week in the garden",
                Optional.of(today.plusMonths(3)));
        Versioned<CarePlan> plan = care.carePlans().draft(me, patient, CarePlanContent.empty()
                .withAboutMe("I hear better on my left side. Mornings are my best time.")
                .withWhatMattersToMe(List.of("Staying in my own home", "My garden")));
        CarePlanId planId = plan.value().id();
        out.println("Plan " + planId + " drafted by the patient: " + plan.value().status());

        plan = care.carePlans().edit(daughter, planId, plan.value().content()
                .withGoals(List.of(garden))
                .withActions(List.of(
                        Action.of("Stretching exercises each morning", ActionOwner.patient(), Optional.empty(),
                                List.of(garden.id())),
                        Action.of("Fit a rail by the back door", ActionOwner.member(daughterMember),
                                Optional.of(today.plusWeeks(2)), List.of(garden.id()))))
                .withSupportAndServices(List.of(SupportItem.of("Community physiotherapy, six sessions")))
                .withContingency(new ContingencyPlan("A fall, or breathless when resting",
                        "Press the pendant alarm; the daughter calls the practice", List.of("Daughter", "NHS 111")))
                .withInformation(List.of(new InformationPrescription("Falls prevention",
                        "https://www.nhs.uk/conditions/falls/")))
                .withReview(new ReviewArrangements(today.plusMonths(6), Optional.of(6),
                        Optional.of("At home with the practice nurse"))), plan.version());
        out.println("Daughter added goals, actions and a contingency plan: " + plan.value().content().actions().size()
                + " actions");

        plan = care.carePlans().propose(me, planId, plan.version());
        out.println("Proposed for agreement: " + plan.value().status() + " (content frozen)");
        plan = care.carePlans().agree(me, planId, plan.version());
        out.println("Patient agreed; awaiting the lead professional: " + plan.value().status());
        plan = care.carePlans().coSign(gp, planId, plan.version());
        out.println("Lead professional co-signed: version " + plan.value().versions().size() + " agreed, status "
                + plan.value().status() + ", next review " + plan.value().currentAgreed().orElseThrow().nextReviewDue());

        plan = care.carePlans().startReview(gp, planId, plan.version());
        out.println("Review started: " + plan.value().status() + "; version 1 stays in force");
        Goal walk = Goal.of("Walk to the corner shop with a stick", "Walks a week", Optional.of(today.plusMonths(6)));
        List<Goal> goals = new ArrayList<>();
        goals.add(plan.value().content().goals().get(0).withStatus(GoalStatus.ACHIEVED));
        goals.add(walk);
        plan = care.carePlans().edit(me, planId, plan.value().content()
                .withGoals(goals)
                .withReview(new ReviewArrangements(today.plusMonths(12), Optional.of(12),
                        Optional.of("Annual review at the practice"))), plan.version());
        plan = care.carePlans().propose(me, planId, plan.version());
        plan = care.carePlans().agree(me, planId, plan.version());
        plan = care.carePlans().coSign(gp, planId, plan.version());
        int agreed = plan.value().versions().size();
        out.println("Review complete: version " + agreed + " agreed and supersedes version 1");

        out.println("What changed since version 1:");
        for (SectionChange change : care.carePlans().changesSince(me, planId, 1)) {
            out.println("  " + change.describe());
        }
        // changesSince(1) compares with the plan as it is now, i.e. version 2
        return new Outcome(patient, teamId, planId, plan.version(), agreed, gp, me);
    }
}
