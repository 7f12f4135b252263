package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.access.Actor;
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
import io.github.personalcare.careplan.PlanCommand;
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
import io.github.personalcare.identity.PatientId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * jqwik generators of care teams and care plans, valid by construction: plans are driven through
 * the domain's own commands (draft, propose, agree, co-sign, review, end, enter in error), so every
 * generated plan is one the SDK could hold.
 */
final class GeneratedCarePlans {
    private GeneratedCarePlans() {
    }

    private static Arbitrary<Instant> times() {
        return Arbitraries.longs().between(1_700_000_000_000L, 1_800_000_000_000L).map(Instant::ofEpochMilli);
    }

    private static Arbitrary<String> text() {
        return GeneratedRecords.reasons();
    }

    static Arbitrary<ProfessionalMember> professionalMembers() {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), GeneratedRecords.professionals(), times(),
                        Arbitraries.longs().between(1, 10_000_000L).optional(0.3))
                .as((id, p, start, length) -> new ProfessionalMember(new MemberId(id), p.user(), p.role(),
                        p.organisation(), new MembershipPeriod(start, length.map(start::plusSeconds))));
    }

    static Arbitrary<CarerMember> carerMembers() {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), GeneratedRecords.userIds(),
                        Arbitraries.of(CarerRole.class), Arbitraries.of("daughter", "son", "husband", "friend",
                                "neighbour"), Arbitraries.of(true, false), Arbitraries.of(AuthorityKind.class).optional(0.4),
                        times(), Arbitraries.longs().between(0, 10_000_000L).optional(0.3))
                .as((id, user, role, relationship, proxy, authority, start, length) -> new CarerMember(new MemberId(id),
                        user, role, relationship, proxy, authority, length.map(start::plusSeconds),
                        new MembershipPeriod(start, length.map(start::plusSeconds))));
    }

    /** A care team with distinct users, maybe a lead (a professional member). */
    static Arbitrary<CareTeam> careTeams(PatientId patient) {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID),
                        professionalMembers().list().ofMinSize(0).ofMaxSize(3),
                        carerMembers().list().ofMinSize(0).ofMaxSize(2), Arbitraries.integers().between(-1, 2))
                .as((id, professionals, carers, leadIndex) -> {
                    List<ProfessionalMember> ps = professionals.stream()
                            .filter(distinctUsers(new ArrayList<>())).toList();
                    Optional<MemberId> lead = leadIndex >= 0 && leadIndex < ps.size()
                            ? Optional.of(ps.get(leadIndex).id()) : Optional.empty();
                    List<String> users = new ArrayList<>();
                    ps.forEach(p -> users.add(p.user().value()));
                    List<CarerMember> cs = carers.stream().filter(c -> !users.contains(c.user().value()))
                            .filter(c -> {
                                users.add(c.user().value());
                                return true;
                            }).toList();
                    return new CareTeam(new CareTeamId(id), patient, ps, cs, lead);
                });
    }

    private static java.util.function.Predicate<ProfessionalMember> distinctUsers(List<String> seen) {
        return p -> {
            if (seen.contains(p.user().value())) {
                return false;
            }
            seen.add(p.user().value());
            return true;
        };
    }

    private static Arbitrary<Goal> goals() {
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), text(),
                        Arbitraries.of("weekly walks", "pain score", "days at work"),
                        Arbitraries.integers().between(0, 900).optional(0.5), Arbitraries.of(GoalStatus.class))
                .as((id, outcome, measure, days, status) -> new Goal(new GoalId(id), outcome, measure,
                        days.map(d -> LocalDate.of(2027, 1, 1).plusDays(d)), status));
    }

    private static Arbitrary<SupportItem> support() {
        return Combinators.combine(text(), GeneratedRecords.odsCodes().optional(0.5),
                        Arbitraries.of("PA-HOURS", "RESPITE-1", "GYM").optional(0.5))
                .as(SupportItem::new);
    }

    private static Arbitrary<InformationPrescription> information() {
        return Arbitraries.of("Living well", "Pain clinic leaflet")
                .flatMap(title -> Arbitraries.of("https://www.nhs.uk/conditions/", "http://example.org/a?b=c&d=1")
                        .map(link -> new InformationPrescription(title, link)));
    }

    /** Complete content (ready for agreement) whose owners are the patient or members of {@code team}. */
    static Arbitrary<CarePlanContent> contents(CareTeam team, LocalDate reviewDue) {
        List<MemberId> members = new ArrayList<>();
        team.professionals().forEach(m -> members.add(m.id()));
        team.carers().forEach(m -> members.add(m.id()));
        Arbitrary<ActionOwner> owners = members.isEmpty() ? Arbitraries.just(ActionOwner.patient())
                : Arbitraries.oneOf(Arbitraries.just(ActionOwner.patient()),
                        Arbitraries.of(members).map(ActionOwner::member));
        Arbitrary<ContingencyPlan> contingency = Combinators.combine(text(), text(),
                        Arbitraries.of("GP surgery", "NHS 111", "Kim (daughter)").list().ofMinSize(1).ofMaxSize(3))
                .as(ContingencyPlan::new);
        Arbitrary<ReviewArrangements> review = Combinators.combine(Arbitraries.integers().between(1, 60).optional(0.5),
                        Arbitraries.of("at home", "by video").optional(0.5))
                .as((months, how) -> new ReviewArrangements(reviewDue, months, how));
        return goals().list().ofMinSize(1).ofMaxSize(3).flatMap(gs -> {
            List<GoalId> ids = gs.stream().map(Goal::id).toList();
            Arbitrary<Action> actions = Combinators.combine(Arbitraries.create(UUID::randomUUID), text(), owners,
                            Arbitraries.integers().between(0, 300).optional(0.5), Arbitraries.subsetOf(ids))
                    .as((id, description, owner, due, linked) -> new Action(new ActionId(id), description, owner,
                            due.map(d -> LocalDate.of(2027, 3, 1).plusDays(d)),
                            ids.stream().filter(linked::contains).toList()));
            return Combinators.combine(text().optional(0.7), text().list().ofMinSize(1).ofMaxSize(3),
                            actions.list().ofMinSize(1).ofMaxSize(3), support().list().ofMaxSize(2), contingency,
                            information().list().ofMaxSize(2), review, Arbitraries.subsetOf(members))
                    .as((about, matters, as, ss, c, info, r, involved) -> new CarePlanContent(about, matters, gs, as,
                            ss, Optional.of(c), info, Optional.of(r), members.stream().filter(involved::contains)
                                    .toList()));
        });
    }

    /**
     * A plan for the team's patient taken through up to {@code steps} lifecycle commands: agreeing
     * (both signatures), reviewing with new content, ending or entering in error. Budget lines
     * need a first review within 3 months (R22), so review dates stay within 80 days.
     */
    static Arbitrary<CarePlan> carePlans(CareTeam team) {
        Arbitrary<Instant> start = times();
        // ending and entering in error are rare steps, so that plans reach several agreed versions
        Arbitrary<List<Integer>> script = Arbitraries.integers().between(0, 29)
                .map(raw -> raw < 28 ? raw % 8 : raw - 20).list().ofMaxSize(12);
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), start, script,
                        contents(team, LocalDate.EPOCH).list().ofSize(4))
                .as((id, at, steps, drafts) -> run(team, new CarePlanId(id), at, steps, drafts));
    }

    private static CarePlan run(CareTeam team, CarePlanId id, Instant start, List<Integer> steps,
            List<CarePlanContent> drafts) {
        Instant at = start;
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int draftIndex = 0;
        CarePlan plan = CarePlan.draft(id, team.patient(), withDue(drafts.get(0), today, 0), at, today);
        Actor.Professional lead = Actor.professional(io.github.personalcare.identity.UserId.of("lead"),
                io.github.personalcare.access.ProfessionalRole.GENERAL_PRACTITIONER,
                io.github.personalcare.identity.OdsCode.of("A81001"));
        for (int step : steps) {
            at = at.plusSeconds(3_600);
            today = LocalDate.ofInstant(at, ZoneOffset.UTC);
            try {
            if (step <= 4 && plan.status().allows(PlanCommand.PROPOSE)) {
                plan = plan.propose(team.activeMembersAt(at), today);
            } else if (step <= 4 && plan.status().allows(PlanCommand.AGREE)) {
                Signature person = step % 2 == 0
                        ? new Signature(SignatoryKind.PATIENT, "patient:" + team.patient(), Optional.empty(), at)
                        : new Signature(SignatoryKind.REPRESENTATIVE, "carer:kim",
                                Optional.of(AuthorityKind.LPA_HEALTH_WELFARE), at);
                plan = plan.agree(person, today);
                if (step != 4) {
                    plan = plan.coSign(new Signature(SignatoryKind.LEAD_PROFESSIONAL, lead.reference(),
                            Optional.empty(), at.plusMillis(5)), today);
                }
            } else if (step <= 6 && plan.status().allows(PlanCommand.START_REVIEW)) {
                plan = plan.startReview();
            } else if (step <= 6 && plan.status().allows(PlanCommand.EDIT)) {
                draftIndex = (draftIndex + 1) % drafts.size();
                plan = plan.edit(withDue(drafts.get(draftIndex), today, draftIndex + plan.versions().size() * 4), today);
            } else if (step == 7 && plan.status().allows(PlanCommand.RETURN_TO_DRAFT)) {
                plan = plan.returnToDraft();
            } else if (step == 8 && plan.status().allows(PlanCommand.END)) {
                plan = plan.end(EndReason.values()[steps.size() % EndReason.values().length], at);
            } else if (step == 9 && plan.status().allows(PlanCommand.ENTER_IN_ERROR)) {
                plan = plan.enterInError(at);
            }
            } catch (PersonalCareException e) {
                // the domain refused this step (R7, R11, R22 ...): the generated plan stays as it was
            }
        }
        return plan;
    }

    private static CarePlanContent withDue(CarePlanContent content, LocalDate today, int offset) {
        ReviewArrangements r = content.review().orElseThrow();
        // a fresh, future review date per edit (R7, R11), within 80 days (R22)
        return content.withReview(new ReviewArrangements(today.plusDays(10 + offset % 70), r.frequencyMonths(),
                r.how()));
    }

    /** The record with, added, maybe a care team and up to two care plans for its patient. */
    static Arbitrary<PatientRecord> withCare(PatientRecord r) {
        return careTeams(r.patient().id()).flatMap(team -> Combinators.combine(Arbitraries.of(true, true, false),
                        carePlans(team).list().ofMaxSize(2))
                .as((withTeam, plans) -> {
                    List<CareTeam> teams = new ArrayList<>(r.careTeams());
                    if (withTeam) {
                        teams.add(team);
                    }
                    List<CarePlan> allPlans = new ArrayList<>(r.carePlans());
                    allPlans.addAll(plans);
                    // Through the builder, as a real record is made: it adds the team's professionals.
                    return PatientRecord.builder(r.patient()).professionals(r.professionals()).careTeams(teams)
                            .carePlans(allPlans).budgets(r.budgets()).ledger(r.ledger()).referrals(r.referrals())
                            .consents(r.consents()).audit(r.audit()).build();
                }));
    }
}
