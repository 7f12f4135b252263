package io.github.personalcare.fhir;

import static io.github.personalcare.fhir.CarePlanMapper.BUDGET_LINE;
import static io.github.personalcare.fhir.CarePlanMapper.CONTINGENCY;
import static io.github.personalcare.fhir.CarePlanMapper.END_REASON;
import static io.github.personalcare.fhir.CarePlanMapper.INFORMATION;
import static io.github.personalcare.fhir.CarePlanMapper.REVIEW;
import static io.github.personalcare.fhir.CarePlanMapper.SECTION;
import static io.github.personalcare.fhir.CarePlanMapper.SIGNATURE;
import static io.github.personalcare.fhir.CarePlanMapper.STATUS;
import static io.github.personalcare.fhir.CarePlanMapper.TEAM_MEMBER;
import static io.github.personalcare.fhir.CarePlanMapper.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.ActionId;
import io.github.personalcare.careplan.ActionOwner;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.careplan.ContingencyPlan;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalId;
import io.github.personalcare.careplan.InformationPrescription;
import io.github.personalcare.careplan.PlanSection;
import io.github.personalcare.careplan.PlanStatus;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.careplan.SignatoryKind;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.careteam.AuthorityKind;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reading half of {@link CarePlanMapper}: a UK Core CarePlan back into a {@link CarePlan},
 * its goals and agreed versions' snapshots resolved through the Bundle
 * ({@link ImportContext#resolve}). The plan status comes from the SDK extension, or for a plan
 * from another system from {@link CarePlanCodes#inferred}; a {@code status}/{@code intent} that
 * does not agree with the plan read is refused (R13). Every problem is reported at its JSON path.
 * Stateless and thread-safe.
 */
final class CarePlanReader {
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "status", "intent",
            "subject", "period", "created", "description", "goal", "activity", "note");

    private final GoalMapper goals;

    CarePlanReader(GoalMapper goals) {
        this.goals = goals;
    }

    /** The plan of a CarePlan resource, or empty with the problems reported to {@code context}. */
    Optional<CarePlan> read(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, "CarePlan");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        if (CarePlanMapper.isVersionSnapshot(json)) {
            r.problem("extension", "R10", "is a version snapshot: import the plan it belongs to");
            return Optional.empty();
        }
        Optional<CarePlanId> id = ForeignIds.id(r, "CarePlan").flatMap(v -> r.convert("id", () -> CarePlanId.parse(v)));
        Optional<PatientId> patient = CareTeamMapper.patient(r, "subject", context);
        Optional<String> fhirStatus = r.requiredText("status", "R13");
        Optional<String> fhirIntent = r.requiredText("intent", "R13");
        Optional<EndReason> endReason = SdkExtensions.first(r, SdkExtensions.url(END_REASON))
                .flatMap(e -> e.requiredText("valueCode", "PLAN_LIFECYCLE")
                        .flatMap(v -> SdkExtensions.enumCode(e, "valueCode", EndReason.class, v, "PLAN_LIFECYCLE")));
        Optional<PlanStatus> status = SdkExtensions.first(r, SdkExtensions.url(STATUS))
                .map(e -> e.requiredText("valueCode", "R13")
                        .flatMap(v -> SdkExtensions.enumCode(e, "valueCode", PlanStatus.class, v, "R13")))
                .orElseGet(() -> fhirStatus.flatMap(s -> inferred(r, s)));
        if (status.isPresent() && status.get() == PlanStatus.ENDED && endReason.isEmpty()
                && SdkExtensions.first(r, SdkExtensions.url(STATUS)).isEmpty()) {
            endReason = fhirStatus.flatMap(CarePlanCodes::inferredEndReason);
        }
        Optional<Instant> drafted = r.has("created") || r.object("period").map(p -> !p.has("start")).orElse(true)
                ? r.requiredText("created", "DRAFTED_AT_MISSING").flatMap(v -> FhirDateTimes.start(r, "created", v))
                : draftedFromPeriod(r);
        Optional<Instant> ended = Optional.empty();
        Optional<FhirElement> period = r.object("period").filter(p -> p.has("end"));
        if (period.isPresent() && status.isPresent() && !status.get().isClosed()) {
            // an open plan's period end is how long it is meant to run, not an ending: the domain holds no such date
            period.get().warning("end", "PERIOD_END_NOT_KEPT", "the plan is open: its intended end is not kept");
        } else if (period.isPresent()) {
            ended = period.get().text("end").flatMap(v -> FhirDateTimes.end(period.get(), "end", v));
        }
        r.object("period").filter(p -> p.has("start")).ifPresent(p -> context.ignored(p.path() + ".start"));

        Optional<CarePlanContent> content = Optional.empty();
        if (id.isPresent() && patient.isPresent()) {
            content = content(r, id.get(), patient.get(), Optional.empty(), context);
        }
        Optional<Signature> person = Optional.empty();
        Optional<Signature> lead = Optional.empty();
        for (FhirElement e : SdkExtensions.withUrl(r, SdkExtensions.url(SIGNATURE))) {
            Optional<Signature> s = signature(e);
            if (s.isPresent() && s.get().kind() == SignatoryKind.LEAD_PROFESSIONAL) {
                lead = duplicateCheck(e, lead, s);
            } else if (s.isPresent()) {
                person = duplicateCheck(e, person, s);
            }
        }
        List<CarePlanVersion> versions = new ArrayList<>();
        List<FhirElement> versionExtensions = SdkExtensions.withUrl(r, SdkExtensions.url(VERSION));
        for (int i = 0; i < versionExtensions.size(); i++) {
            FhirElement e = versionExtensions.get(i);
            version(e, i + 1, id, patient, content, context).ifPresent(versions::add);
        }
        if (versionExtensions.isEmpty() && status.filter(PlanStatus.AGREED::equals).isPresent()) {
            // another system's active plan: nothing records who agreed it
            r.problem("extension", "R8", "an agreed (active) plan needs its agreement recorded by the patient or a "
                    + "representative: the SDK's agreed-version extension with their signature");
        }
        if (context.hasProblems() || id.isEmpty() || patient.isEmpty() || status.isEmpty() || drafted.isEmpty()
                || content.isEmpty()) {
            return Optional.empty();
        }
        CarePlan plan;
        try {
            plan = new CarePlan(id.get(), patient.get(), status.get(), content.get(), versions, person, lead,
                    endReason, ended, drafted.get());
        } catch (InvalidInputException e) {
            r.problem(null, e.rule(), e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // the aggregate's own invariants; its messages name no personal data
            r.problem(null, "PLAN_LIFECYCLE", e.getMessage());
            return Optional.empty();
        }
        String expectedStatus = CarePlanCodes.workingStatus(plan);
        if (!expectedStatus.equals(fhirStatus.get())) {
            r.problem("status", "R13", "must be " + expectedStatus + " for a plan " + plan.status()
                    + " with " + plan.versions().size() + " agreed versions");
        }
        String expectedIntent = CarePlanCodes.workingIntent(plan);
        if (!expectedIntent.equals(fhirIntent.orElse(""))) {
            r.problem("intent", "R13", "must be " + expectedIntent);
        }
        return context.hasProblems() ? Optional.empty() : Optional.of(plan);
    }

    private static Optional<Signature> duplicateCheck(FhirElement e, Optional<Signature> held, Optional<Signature> next) {
        if (held.isPresent()) {
            e.problem(null, "R8", "only one signature of each side may be held");
            return held;
        }
        return next;
    }

    /** The plan status of a CarePlan without the SDK's status extension (a plan from another system). */
    private static Optional<PlanStatus> inferred(FhirElement r, String fhirStatus) {
        Optional<PlanStatus> status = CarePlanCodes.inferred(fhirStatus);
        if (status.isEmpty()) {
            r.problem("status", "R13", "on-hold and unknown plans have no SDK plan status");
        }
        return status;
    }

    private Optional<CarePlanVersion> version(FhirElement e, int expected, Optional<CarePlanId> plan,
            Optional<PatientId> patient, Optional<CarePlanContent> working, ImportContext context) {
        Optional<Integer> number = SdkExtensions.first(e, "number").flatMap(p -> p.integer("valuePositiveInt"))
                .map(Long::intValue);
        if (number.isEmpty() || number.get() != expected) {
            e.problem("extension", "R10", "versions must be numbered 1, 2, ... in order");
            return Optional.empty();
        }
        Optional<Instant> agreedAt = SdkExtensions.partText(e, "agreedAt", "valueDateTime", true, "R10")
                .flatMap(v -> SdkExtensions.dateTime(e, "extension", v));
        Optional<Signature> person = Optional.empty();
        Optional<Signature> lead = Optional.empty();
        for (FhirElement s : SdkExtensions.withUrl(e, "signature")) {
            Optional<Signature> sig = signature(s);
            if (sig.isPresent() && sig.get().kind() == SignatoryKind.LEAD_PROFESSIONAL) {
                lead = duplicateCheck(s, lead, sig);
            } else if (sig.isPresent()) {
                person = duplicateCheck(s, person, sig);
            }
        }
        if (person.isEmpty() || lead.isEmpty()) {
            e.problem("extension", "R8", "an agreed version needs the person's agreement and the lead's co-signature");
        }
        Optional<CarePlanContent> content = working;
        Optional<FhirElement> ref = SdkExtensions.first(e, "content");
        if (ref.isPresent()) {
            content = Optional.empty();
            Optional<FhirElement> target = ref.get().object("valueReference");
            if (target.isEmpty()) {
                ref.get().problem("valueReference", "REQUIRED", "is required");
            } else if (plan.isPresent() && patient.isPresent()) {
                Optional<FhirElement> snapshot = CareTeamMapper.resolve(target.get(), "CarePlan", context)
                        .flatMap(j -> FhirElement.resource(j, context.within(target.get().path()), "CarePlan"));
                if (snapshot.isPresent()) {
                    content = content(snapshot.get(), plan.get(), patient.get(), number, context);
                }
            }
        }
        if (agreedAt.isEmpty() || person.isEmpty() || lead.isEmpty() || content.isEmpty()) {
            return Optional.empty();
        }
        Optional<CarePlanContent> c = content;
        Optional<Signature> p = person;
        Optional<Signature> l = lead;
        return e.convert(null, () -> new CarePlanVersion(number.get(), c.get(), p.get(), l.get(), agreedAt.get()));
    }

    private static Optional<Signature> signature(FhirElement e) {
        Optional<SignatoryKind> kind = SdkExtensions.partText(e, "kind", "valueCode", true, "R8")
                .flatMap(v -> SdkExtensions.enumCode(e, "extension", SignatoryKind.class, v, "R8"));
        Optional<String> actor = SdkExtensions.partText(e, "actor", "valueString", true, "R8");
        Optional<AuthorityKind> authority = SdkExtensions.partText(e, "authority", "valueCode", false, "R8")
                .flatMap(v -> SdkExtensions.enumCode(e, "extension", AuthorityKind.class, v, "R8"));
        Optional<Instant> at = SdkExtensions.partText(e, "at", "valueDateTime", true, "R8")
                .flatMap(v -> SdkExtensions.dateTime(e, "extension", v));
        if (kind.isEmpty() || actor.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        return e.convert(null, () -> new Signature(kind.get(), actor.get(), authority, at.get()));
    }

    /** Another system's plan without {@code created}: drafted when its period starts, with a warning. */
    private static Optional<Instant> draftedFromPeriod(FhirElement r) {
        r.warning("created", "DRAFTED_FROM_PERIOD", "is missing: the plan is read as drafted at its period start");
        return r.object("period").flatMap(p -> p.text("start").flatMap(v -> FhirDateTimes.start(p, "start", v)));
    }

    /** The content of a plan or snapshot resource; its goals are resolved through the Bundle. */
    private Optional<CarePlanContent> content(FhirElement r, CarePlanId plan, PatientId patient,
            Optional<Integer> version, ImportContext context) {
        int problemsBefore = context.problems().size();
        Optional<String> aboutMe = r.text("description");
        List<Goal> goalList = new ArrayList<>();
        Map<String, GoalId> goalsByReference = new HashMap<>();
        for (FhirElement ref : r.objects("goal")) {
            Optional<String> literal = ref.requiredText("reference", "REFERENCE");
            Optional<JsonNode> target = literal.flatMap(context::resolve)
                    .filter(j -> "Goal".equals(j.path("resourceType").asText()));
            if (literal.isPresent() && target.isEmpty()) {
                // another system's plan sent without its Goals: what is not there cannot be kept
                ref.warning("reference", "GOAL_NOT_IN_BUNDLE", "the Goal is not in the Bundle: not kept");
                continue;
            }
            Optional<PlanGoal> goal = target.flatMap(j -> goals.fromFhir(j, context.within(ref.path())));
            if (goal.isPresent()) {
                PlanGoal g = goal.get();
                if (!g.plan().equals(plan) || !g.patient().equals(patient) || !g.version().equals(version)) {
                    ref.problem("reference", "GOAL_LINK", "must be a goal of this plan version and patient");
                } else {
                    goalList.add(g.goal());
                    goalsByReference.put(literal.orElse(""), g.goal().id());
                }
            }
        }
        List<Action> actions = new ArrayList<>();
        List<SupportItem> support = new ArrayList<>();
        for (FhirElement activity : r.objects("activity")) {
            Optional<FhirElement> detail = activity.object("detail");
            String section = detail.map(d -> d.json().at("/code/coding/0")).filter(c ->
                    FhirSystems.SDK_PLAN_SECTION.equals(c.path("system").asText())).map(c -> c.path("code").asText())
                    .orElse("");
            if (section.equals(PlanSection.ACTIONS.name())) {
                action(activity, detail.get(), patient, goalsByReference, context).ifPresent(actions::add);
            } else if (section.equals(PlanSection.SUPPORT_AND_SERVICES.name())) {
                supportItem(detail.get()).ifPresent(support::add);
            } else {
                context.ignored(activity.path());
            }
        }
        List<String> whatMatters = new ArrayList<>();
        for (FhirElement note : r.objects("note")) {
            boolean tagged = SdkExtensions.withUrl(note, SdkExtensions.url(SECTION)).stream().anyMatch(e ->
                    PlanSection.WHAT_MATTERS_TO_ME.name().equals(e.json().path("valueCode").asText()));
            if (tagged) {
                note.requiredText("text", "REQUIRED").ifPresent(whatMatters::add);
            } else {
                context.ignored(note.path());
            }
        }
        Optional<ReviewArrangements> review = SdkExtensions.first(r, SdkExtensions.url(REVIEW))
                .flatMap(CarePlanReader::review);
        Optional<ContingencyPlan> contingency = SdkExtensions.first(r, SdkExtensions.url(CONTINGENCY)).flatMap(e -> {
            Optional<String> signs = SdkExtensions.partText(e, "signs", "valueString", true, "R7");
            Optional<String> whatToDo = SdkExtensions.partText(e, "whatToDo", "valueString", true, "R7");
            List<String> contacts = new ArrayList<>();
            SdkExtensions.withUrl(e, "contact")
                    .forEach(c -> c.requiredText("valueString", "R7").ifPresent(contacts::add));
            if (signs.isEmpty() || whatToDo.isEmpty()) {
                return Optional.empty();
            }
            return e.convert(null, () -> new ContingencyPlan(signs.get(), whatToDo.get(), contacts));
        });
        List<InformationPrescription> information = new ArrayList<>();
        for (FhirElement e : SdkExtensions.withUrl(r, SdkExtensions.url(INFORMATION))) {
            Optional<String> title = SdkExtensions.partText(e, "title", "valueString", true, "REQUIRED");
            Optional<String> link = SdkExtensions.partText(e, "link", "valueUrl", true, "REQUIRED");
            if (title.isPresent() && link.isPresent()) {
                e.convert(null, () -> new InformationPrescription(title.get(), link.get())).ifPresent(information::add);
            }
        }
        List<MemberId> team = new ArrayList<>();
        for (FhirElement e : SdkExtensions.withUrl(r, SdkExtensions.url(TEAM_MEMBER))) {
            memberReference(e, "valueIdentifier").ifPresent(team::add);
        }
        if (context.problems().size() > problemsBefore) {
            return Optional.empty();
        }
        return r.convert(null, () -> new CarePlanContent(aboutMe, whatMatters, goalList, actions, support, contingency,
                information, review, team));
    }

    private static Optional<ReviewArrangements> review(FhirElement e) {
        Optional<LocalDate> due = SdkExtensions.partText(e, "nextReviewDue", "valueDate", true, "R7")
                .flatMap(v -> SdkExtensions.fullDate(e, "extension", v));
        Optional<Integer> frequency = SdkExtensions.first(e, "frequencyMonths")
                .flatMap(p -> p.integer("valuePositiveInt")).map(Long::intValue);
        Optional<String> how = SdkExtensions.partText(e, "how", "valueString", false, "R11");
        if (due.isEmpty()) {
            return Optional.empty();
        }
        return e.convert(null, () -> new ReviewArrangements(due.get(), frequency, how));
    }

    private static Optional<Action> action(FhirElement activity, FhirElement detail, PatientId patient,
            Map<String, GoalId> goalsByReference, ImportContext context) {
        Optional<ActionId> id = activity.requiredText("id", "ITEM_ID")
                .flatMap(v -> activity.convert("id", () -> ActionId.parse(v)));
        Optional<String> description = detail.requiredText("description", "REQUIRED");
        List<FhirElement> performers = detail.objects("performer");
        Optional<ActionOwner> owner = Optional.empty();
        if (performers.size() != 1) {
            detail.problem("performer", "R7", "an action has exactly one owner");
        } else {
            FhirElement p = performers.get(0);
            if (p.has("reference")) {
                Optional<String> ref = p.text("reference").flatMap(v -> References.logicalId(v, "Patient", context));
                if (ref.isPresent() && ForeignIds.uuid(p, "reference", "Patient", ref.get()).equals(patient.toString())) {
                    owner = Optional.of(ActionOwner.patient());
                } else {
                    p.problem("reference", "OWNER", "must be the plan's patient or a care team member identifier");
                }
            } else {
                owner = memberReference(p, "identifier").map(ActionOwner::member);
            }
        }
        List<GoalId> linked = new ArrayList<>();
        for (FhirElement g : detail.objects("goal")) {
            GoalId goal = goalsByReference.get(g.text("reference").orElse(""));
            if (goal == null) {
                g.problem("reference", "GOAL_LINK", "must be one of the plan's goals");
            } else {
                linked.add(goal);
            }
        }
        Optional<LocalDate> due = detail.object("scheduledPeriod")
                .flatMap(p -> p.text("end").flatMap(v -> SdkExtensions.fullDate(p, "end", v)));
        if (id.isEmpty() || description.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<ActionOwner> o = owner;
        return detail.convert(null, () -> new Action(id.get(), description.get(), o.get(), due, linked));
    }

    private static Optional<SupportItem> supportItem(FhirElement detail) {
        Optional<String> description = detail.requiredText("description", "REQUIRED");
        Optional<String> line = SdkExtensions.first(detail, SdkExtensions.url(BUDGET_LINE))
                .flatMap(e -> e.requiredText("valueString", "R15"));
        Optional<OdsCode> provider = Optional.empty();
        List<FhirElement> performers = detail.objects("performer");
        if (!performers.isEmpty()) {
            FhirElement p = performers.get(0);
            Optional<References.Identifier> ods = References.identifierOf(p, "Organization",
                    OrganizationCodes.ODS_SYSTEMS);
            if (ods.isEmpty()) {
                p.problem(null, "R5", "must carry or resolve to an ODS code identifier");
            } else {
                provider = p.convert("identifier", () -> OrganizationCodes.odsCode(ods.get()));
            }
        }
        if (description.isEmpty()) {
            return Optional.empty();
        }
        Optional<OdsCode> prov = provider;
        return detail.convert(null, () -> new SupportItem(description.get(), prov, line));
    }

    private static Optional<MemberId> memberReference(FhirElement e, String name) {
        Optional<FhirElement> identifier = e.object(name)
                .filter(i -> FhirSystems.SDK_CARE_TEAM_MEMBER.equals(i.json().path("system").asText()));
        if (identifier.isEmpty()) {
            e.problem(name, "CARE_TEAM_MEMBER", "must be a care team member identifier");
            return Optional.empty();
        }
        return identifier.get().requiredText("value", "CARE_TEAM_MEMBER")
                .flatMap(v -> identifier.get().convert("value", () -> MemberId.parse(v)));
    }
}
