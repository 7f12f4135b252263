package io.github.personalcare.testkit;

import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.ContingencyPlan;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.InformationPrescription;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SignatoryKind;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Care plans and care teams in domain words, for partners' tests and the contract suite. Built
 * with the aggregates' own pure methods, so every fixture is a state the SDK can reach.
 *
 * <pre>{@code
 * CarePlan plan = CarePlans.agreed(patient, Instant.parse("2026-11-23T10:00:00Z"), LocalDate.of(2027, 5, 23));
 * }</pre>
 */
public final class CarePlans {
    private CarePlans() {
    }

    /**
     * Content that satisfies R7, reviewed on {@code reviewDue}, with one budget-funded service.
     *
     * @param reviewDue the next review date
     * @return the content
     */
    public static CarePlanContent complete(LocalDate reviewDue) {
        Goal goal = Goal.of("Get out into the garden every day", "Days a week in the garden", Optional.of(reviewDue));
        return CarePlanContent.empty()
                .withAboutMe("I prefer short visits in the morning.")
                .withWhatMattersToMe(List.of("Staying independent at home"))
                .withGoals(List.of(goal))
                .withActions(List.of(Action.of("Daily exercises from the physio leaflet", ActionOwner.patient(),
                        Optional.empty(), List.of(goal.id()))))
                .withSupportAndServices(List.of(SupportItem.of("District nursing, weekly"),
                        SupportItem.fundedBy("Personal assistant, 6 hours a week", "PA-HOURS")))
                .withContingency(new ContingencyPlan("More confused than usual", "Call the care coordinator",
                        List.of("Care coordinator", "NHS 111")))
                .withInformation(List.of(new InformationPrescription("Falls prevention",
                        "https://www.nhs.uk/conditions/falls/")))
                .withReview(ReviewArrangements.on(reviewDue));
    }

    /**
     * A new draft of {@link #complete} content drafted at {@code at}.
     *
     * @param patient   whose plan it is
     * @param at        when it is drafted
     * @param reviewDue the next review date, not before the UTC date of {@code at}
     * @return the plan, in {@code DRAFT}
     */
    public static CarePlan draft(PatientId patient, Instant at, LocalDate reviewDue) {
        return CarePlan.draft(CarePlanId.random(), patient, complete(reviewDue), at, day(at));
    }

    /**
     * A plan agreed at {@code at} as version 1 by the patient and the lead professional.
     *
     * @param patient   whose plan it is
     * @param at        when it is drafted, proposed and agreed
     * @param reviewDue the next review date, after the UTC date of {@code at}
     * @return the plan, {@code AGREED} at version 1
     */
    public static CarePlan agreed(PatientId patient, Instant at, LocalDate reviewDue) {
        return agree(draft(patient, at, reviewDue).propose(List.of(), day(at)), patient, at);
    }

    /**
     * The plan, under review since {@code at}, agreed again with a new review date as the next version.
     *
     * @param agreed        an agreed plan
     * @param at            when the review starts and the new version is agreed
     * @param nextReviewDue the new review date, after the UTC date of {@code at} and unlike the old
     *                      one
     * @return the plan, {@code AGREED} at the next version
     */
    public static CarePlan reviewed(CarePlan agreed, Instant at, LocalDate nextReviewDue) {
        CarePlan review = agreed.startReview();
        CarePlan edited = review.edit(review.content().withReview(ReviewArrangements.on(nextReviewDue)), day(at));
        return agree(edited.propose(List.of(), day(at)), agreed.patient(), at);
    }

    private static CarePlan agree(CarePlan proposed, PatientId patient, Instant at) {
        return proposed
                .agree(new Signature(SignatoryKind.PATIENT, "patient:" + patient, Optional.empty(), at), day(at))
                .coSign(new Signature(SignatoryKind.LEAD_PROFESSIONAL, "professional:GP-1", Optional.empty(), at),
                        day(at));
    }

    /**
     * A care team with a lead GP (user GP-1), a nurse (NURSE-1) and an agreed carer (CARER-1), from {@code at}.
     *
     * @param patient whose team it is
     * @param at      when every membership starts
     * @return the team
     */
    public static CareTeam team(PatientId patient, Instant at) {
        ProfessionalMember gp = new ProfessionalMember(MemberId.random(), UserId.of("GP-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"), MembershipPeriod.from(at));
        return CareTeam.establish(CareTeamId.random(), patient)
                .withProfessional(gp)
                .withProfessional(new ProfessionalMember(MemberId.random(), UserId.of("NURSE-1"),
                        ProfessionalRole.NURSE, OdsCode.of("RH8"), MembershipPeriod.from(at)))
                .withCarer(new CarerMember(MemberId.random(), UserId.of("CARER-1"), CarerRole.UNPAID_CARER,
                        "partner", true, Optional.of(AuthorityKind.LPA_HEALTH_WELFARE), Optional.of(at),
                        MembershipPeriod.from(at)))
                .withLead(gp.id(), at);
    }

    /**
     * An adult patient with capacity, flagged complex needs, registered at practice A81001.
     *
     * @param id the patient's id
     * @return the patient, NHS number 943 476 5870, born 1 January 1950
     */
    public static Patient patient(PatientId id) {
        return new Patient(id, NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED,
                new PersonName("Test", "Patient"), LocalDate.of(1950, 1, 1), Set.of(PatientFlag.COMPLEX_NEEDS),
                Optional.of(OdsCode.of("A81001")), Optional.empty());
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
