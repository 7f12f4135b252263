package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionId;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.ContingencyPlan;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalId;
import io.github.personalcare.careplan.GoalStatus;
import io.github.personalcare.careplan.InformationPrescription;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SignatoryKind;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.careteam.CareTeamId;
import io.github.personalcare.careteam.CarerMember;
import io.github.personalcare.careteam.CarerRole;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.careteam.MembershipPeriod;
import io.github.personalcare.careteam.ProfessionalMember;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Ada's care team and care plan at each point of its lifecycle, for the FHIR care tests. */
final class CareFixtures {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
    static final CareTeamId TEAM_ID = new CareTeamId(UUID.fromString("7d1f0c2e-1111-4a2b-9c3d-000000000001"));
    static final MemberId GP_MEMBER = new MemberId(UUID.fromString("7d1f0c2e-2222-4a2b-9c3d-000000000001"));
    static final MemberId NURSE_MEMBER = new MemberId(UUID.fromString("7d1f0c2e-2222-4a2b-9c3d-000000000002"));
    static final MemberId DAUGHTER = new MemberId(UUID.fromString("7d1f0c2e-3333-4a2b-9c3d-000000000001"));
    static final CarePlanId PLAN_ID = new CarePlanId(UUID.fromString("5a0c9b8e-4444-4d3c-8b2a-000000000001"));
    static final GoalId WALK = new GoalId(UUID.fromString("5a0c9b8e-5555-4d3c-8b2a-000000000001"));
    static final GoalId GARDEN = new GoalId(UUID.fromString("5a0c9b8e-5555-4d3c-8b2a-000000000002"));

    private CareFixtures() {
    }

    /** GP (lead), a nurse whose membership has ended, and Ada's daughter Kim (carer with an LPA, agreed). */
    static CareTeam team() {
        return CareTeam.establish(TEAM_ID, Fixtures.ADA_ID)
                .withProfessional(new ProfessionalMember(GP_MEMBER, Fixtures.GP.user(), Fixtures.GP.role(),
                        Fixtures.GP.organisation(), MembershipPeriod.from(T0)))
                .withProfessional(new ProfessionalMember(NURSE_MEMBER, Fixtures.NURSE.user(), Fixtures.NURSE.role(),
                        Fixtures.NURSE.organisation(), MembershipPeriod.from(T0)))
                .withCarer(new CarerMember(DAUGHTER, UserId.of("kim.l"), CarerRole.UNPAID_CARER, "daughter", true,
                        Optional.of(AuthorityKind.LPA_HEALTH_WELFARE), Optional.empty(), MembershipPeriod.from(T0)))
                .withLead(GP_MEMBER, T0.plusSeconds(60))
                .withCarerAgreement(DAUGHTER, T0.plusSeconds(120))
                .endMembership(NURSE_MEMBER, T0.plusSeconds(86_400));
    }

    static CarePlanContent content(LocalDate reviewDue, GoalStatus walkStatus) {
        return new CarePlanContent(
                Optional.of("I like to be called Ada. Mornings are hard; please visit after 11."),
                List.of("Getting back into my garden", "Seeing my grandchildren on Sundays"),
                List.of(new Goal(WALK, "Walk to the shop on my own", "times a week", Optional.of(LocalDate.of(2026, 6, 1)),
                                walkStatus),
                        new Goal(GARDEN, "Plant the vegetable bed", "beds planted", Optional.empty(), GoalStatus.PROPOSED)),
                List.of(new Action(new ActionId(UUID.fromString("5a0c9b8e-6666-4d3c-8b2a-000000000001")),
                                "Walk with Kim twice a week", ActionOwner.patient(), Optional.of(LocalDate.of(2026, 3, 1)),
                                List.of(WALK)),
                        new Action(new ActionId(UUID.fromString("5a0c9b8e-6666-4d3c-8b2a-000000000002")),
                                "Refer to falls prevention class", ActionOwner.member(GP_MEMBER), Optional.empty(),
                                List.of(WALK, GARDEN))),
                List.of(new SupportItem("Personal assistant, 6 hours a week", Optional.of(OdsCode.of("RH8")),
                                Optional.of("PA-HOURS")),
                        SupportItem.of("Community gardening group")),
                Optional.of(new ContingencyPlan("More falls, or not eating", "Call the GP surgery the same day",
                        List.of("GP surgery", "Kim (daughter)"))),
                List.of(new InformationPrescription("Falls: what to do", "https://www.nhs.uk/conditions/falls/")),
                Optional.of(new ReviewArrangements(reviewDue, Optional.of(6), Optional.of("At home, with Kim"))),
                List.of());
    }

    static Signature patientSignature(Instant at) {
        return new Signature(SignatoryKind.PATIENT, "patient:" + Fixtures.ADA_ID, Optional.empty(), at);
    }

    static Signature representativeSignature(Instant at) {
        return new Signature(SignatoryKind.REPRESENTATIVE, "carer:kim.l", Optional.of(AuthorityKind.LPA_HEALTH_WELFARE),
                at);
    }

    static Signature leadSignature(Instant at) {
        return new Signature(SignatoryKind.LEAD_PROFESSIONAL, Fixtures.GP.reference(), Optional.empty(), at);
    }

    static CarePlan draft() {
        return CarePlan.draft(PLAN_ID, Fixtures.ADA_ID, content(DAY0.plusDays(60), GoalStatus.ACTIVE), T0, DAY0);
    }

    /** Proposed, with the person's agreement but no co-signature yet. */
    static CarePlan proposed() {
        return draft().propose(List.of(GP_MEMBER, DAUGHTER), DAY0).agree(patientSignature(T0.plusSeconds(600)), DAY0);
    }

    /** Agreed version 1. */
    static CarePlan agreed() {
        return proposed().coSign(leadSignature(T0.plusSeconds(900)), DAY0);
    }

    /** Version 1 agreed, then version 2 agreed by Kim as representative: v1 superseded. */
    static CarePlan reagreed() {
        LocalDate day = DAY0.plusDays(30);
        Instant at = T0.plusSeconds(30L * 86_400);
        return agreed().startReview().edit(content(day.plusDays(50), GoalStatus.ACHIEVED), day)
                .propose(List.of(GP_MEMBER), day)
                .coSign(leadSignature(at), day)
                .agree(representativeSignature(at.plusSeconds(60)), day);
    }

    /** Version 2 agreed and a third version being drafted: both agreed versions need snapshots. */
    static CarePlan underReview() {
        LocalDate day = DAY0.plusDays(40);
        return reagreed().startReview().edit(content(day.plusDays(70), GoalStatus.ON_HOLD)
                .withAboutMe("Ada, changed"), day);
    }

    static CarePlan ended(EndReason reason) {
        return agreed().end(reason, T0.plusSeconds(5 * 86_400));
    }

    static CarePlan withdrawnDraft() {
        return draft().end(EndReason.WITHDRAWN, T0.plusSeconds(3_600));
    }

    static CarePlan enteredInError() {
        return reagreed().enterInError(T0.plusSeconds(50L * 86_400));
    }

    /** The resources as they would sit in a Bundle, by their relative {@code Type/id}, for reading references. */
    static ImportContext contextFor(List<ObjectNode> resources) {
        Map<String, JsonNode> entries = new HashMap<>();
        for (ObjectNode r : resources) {
            entries.put(r.get("resourceType").asText() + "/" + r.get("id").asText(), r);
        }
        return ImportContext.root().withEntries(entries);
    }
}
