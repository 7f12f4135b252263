package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A {@link CarePlan} as a UK Core CarePlan, its goals as R4 Goals ({@link GoalMapper}), and each
 * agreed version whose content differs from the plan's working content as a version snapshot
 * CarePlan.
 *
 * <p>The CarePlan resource is the plan as it stands: {@code status}/{@code intent} from
 * {@link CarePlanCodes#status}/{@link CarePlanCodes#intent} (§1.6, R13), except that a draft
 * over an agreed version still in force is {@code draft}/{@code proposal} while the version in
 * force is exported as its own {@code active} snapshot (one active CarePlan per plan); the exact
 * {@link PlanStatus} and end reason in SDK extensions, the working content (about me as
 * {@code description}, what matters to me as tagged {@code note}s, goals as {@code goal}
 * references, actions and support as {@code activity}, contingency, information, review
 * arrangements and the care team members involved in SDK extensions), the signatures collected
 * while proposed, and one {@code care-plan-version} extension per agreed version (number, when
 * agreed, both signatures, and a reference to the version's snapshot when its content is not the
 * working content). A snapshot is a CarePlan with the same content elements, the extension
 * {@code care-plan-version-of} pointing back to the plan, {@code intent=plan} and {@code status}
 * {@code revoked} when superseded (§1.6), else the plan's status while it is closed, else
 * {@code active}. So every agreed version is kept (R10) and an AGREED plan has exactly one active
 * CarePlan resource (R6).
 *
 * <p>Import reads the goals and snapshots through the Bundle ({@link ImportContext#resolve}); a
 * {@code status}/{@code intent} that does not agree with the imported plan is refused (R13).
 */
public final class CarePlanMapper implements FhirMapper<CarePlan> {
    static final String STATUS = "care-plan-status";
    static final String END_REASON = "care-plan-end-reason";
    static final String REVIEW = "care-plan-review";
    static final String CONTINGENCY = "care-plan-contingency";
    static final String INFORMATION = "care-plan-information";
    static final String TEAM_MEMBER = "care-plan-care-team-member";
    static final String SIGNATURE = "care-plan-signature";
    static final String VERSION = "care-plan-version";
    static final String VERSION_OF = "care-plan-version-of";
    static final String SECTION = "care-plan-section";
    static final String BUDGET_LINE = "care-plan-budget-line";
    private static final String ACTIVITY_STATUS = "unknown";

    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "status", "intent",
            "subject", "period", "created", "description", "goal", "activity", "note");

    private final GoalMapper goals = new GoalMapper();

    /** A mapper; stateless and thread-safe. */
    public CarePlanMapper() {
    }

    @Override
    public String resourceType() {
        return "CarePlan";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_CARE_PLAN;
    }

    /** True if the resource is a version snapshot, read through its plan rather than on its own. */
    public static boolean isVersionSnapshot(JsonNode carePlan) {
        for (JsonNode e : carePlan.path("extension")) {
            if (SdkExtensions.url(VERSION_OF).equals(e.path("url").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The stable id of the snapshot of agreed version {@code number} of the plan. */
    public static String snapshotId(CarePlanId plan, int number) {
        return Elements.derivedId("CarePlan", plan + "|" + number);
    }

    /**
     * True while the working content is a draft over an agreed version still in force (under
     * review, or proposed or returned to draft after a review started). The working content is then
     * exported as {@code draft}/{@code proposal} and the version in force as its own snapshot, so a
     * receiver finds exactly one {@code active} CarePlan and never mistakes unagreed content for
     * the agreed plan (§1.6: only one active version; clinical safety).
     */
    private static boolean draftOverAgreedVersion(CarePlan plan) {
        return !plan.versions().isEmpty() && (plan.status() == PlanStatus.DRAFT
                || plan.status() == PlanStatus.PROPOSED || plan.status() == PlanStatus.UNDER_REVIEW);
    }

    /** The CarePlan.status of the resource holding the working content (R13). */
    static String resourceStatus(CarePlan plan) {
        return CarePlanCodes.RESOURCE_STATUS.code(draftOverAgreedVersion(plan)
                ? CarePlanCodes.ResourceStatus.DRAFT : CarePlanCodes.status(plan));
    }

    /** The CarePlan.intent of the resource holding the working content (R13). */
    static String resourceIntent(CarePlan plan) {
        return CarePlanCodes.INTENT.code(draftOverAgreedVersion(plan)
                ? CarePlanCodes.Intent.PROPOSAL : CarePlanCodes.intent(plan));
    }

    private static boolean hasSnapshot(CarePlan plan, CarePlanVersion v) {
        boolean inForce = v.number() == plan.versions().size();
        return !v.content().equals(plan.content()) || (inForce && draftOverAgreedVersion(plan));
    }

    /** The CarePlan, its Goals, then each version snapshot with its Goals, in Bundle order. */
    public List<ObjectNode> resources(CarePlan plan) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(toFhir(plan));
        plan.content().goals().forEach(g -> out.add(goals.toFhir(
                new PlanGoal(plan.id(), plan.patient(), Optional.empty(), g))));
        for (CarePlanVersion v : plan.versions()) {
            if (hasSnapshot(plan, v)) {
                out.add(snapshot(plan, v));
                v.content().goals().forEach(g -> out.add(goals.toFhir(
                        new PlanGoal(plan.id(), plan.patient(), Optional.of(v.number()), g))));
            }
        }
        return out;
    }

    @Override
    public ObjectNode toFhir(CarePlan plan) {
        ObjectNode r = Elements.resource("CarePlan", plan.id().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.of(SdkExtensions.url(STATUS), "Code", plan.status().name()));
        plan.endReason().ifPresent(e -> ext.add(SdkExtensions.of(SdkExtensions.url(END_REASON), "Code", e.name())));
        plan.personAgreement().ifPresent(s -> ext.add(signature(SdkExtensions.url(SIGNATURE), s)));
        plan.leadCoSignature().ifPresent(s -> ext.add(signature(SdkExtensions.url(SIGNATURE), s)));
        for (CarePlanVersion v : plan.versions()) {
            List<ObjectNode> parts = new ArrayList<>();
            parts.add(SdkExtensions.of("number", "PositiveInt", v.number()));
            parts.add(SdkExtensions.of("agreedAt", "DateTime", v.agreedAt().toString()));
            parts.add(signature("signature", v.personAgreement()));
            parts.add(signature("signature", v.leadCoSignature()));
            if (hasSnapshot(plan, v)) {
                parts.add(SdkExtensions.of("content", "Reference",
                        Elements.reference("CarePlan", snapshotId(plan.id(), v.number()))));
            }
            ext.add(SdkExtensions.complex(SdkExtensions.url(VERSION), parts));
        }
        contentExtensions(ext, plan.content());
        r.put("status", resourceStatus(plan));
        r.put("intent", resourceIntent(plan));
        r.set("subject", Elements.reference("Patient", plan.patient().toString()));
        plan.endedAt().ifPresent(at -> r.putObject("period").put("end", at.toString()));
        r.put("created", plan.draftedAt().toString());
        contentElements(r, plan, Optional.empty(), plan.content());
        return r;
    }

    private ObjectNode snapshot(CarePlan plan, CarePlanVersion v) {
        ObjectNode r = Elements.resource("CarePlan", snapshotId(plan.id(), v.number()), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.of(SdkExtensions.url(VERSION_OF), "Reference",
                Elements.reference("CarePlan", plan.id().toString())));
        contentExtensions(ext, v.content());
        boolean superseded = v.number() < plan.versions().size();
        r.put("status", CarePlanCodes.RESOURCE_STATUS.code(superseded ? CarePlanCodes.ResourceStatus.REVOKED
                : plan.status().isClosed() ? CarePlanCodes.status(plan) : CarePlanCodes.ResourceStatus.ACTIVE));
        r.put("intent", CarePlanCodes.INTENT.code(CarePlanCodes.Intent.PLAN));
        r.set("subject", Elements.reference("Patient", plan.patient().toString()));
        contentElements(r, plan, Optional.of(v.number()), v.content());
        return r;
    }

    private static ObjectNode signature(String url, Signature s) {
        List<ObjectNode> parts = new ArrayList<>();
        parts.add(SdkExtensions.of("kind", "Code", s.kind().name()));
        parts.add(SdkExtensions.of("actor", "String", s.actor()));
        s.authority().ifPresent(a -> parts.add(SdkExtensions.of("authority", "Code", a.name())));
        parts.add(SdkExtensions.of("at", "DateTime", s.at().toString()));
        return SdkExtensions.complex(url, parts);
    }

    private static void contentExtensions(ArrayNode ext, CarePlanContent c) {
        c.review().ifPresent(review -> {
            List<ObjectNode> parts = new ArrayList<>();
            parts.add(SdkExtensions.of("nextReviewDue", "Date", review.nextReviewDue().toString()));
            review.frequencyMonths().ifPresent(m -> parts.add(SdkExtensions.of("frequencyMonths",
                    "PositiveInt", m)));
            review.how().ifPresent(how -> parts.add(SdkExtensions.of("how", "String", how)));
            ext.add(SdkExtensions.complex(SdkExtensions.url(REVIEW), parts));
        });
        c.contingency().ifPresent(plan -> {
            List<ObjectNode> parts = new ArrayList<>();
            parts.add(SdkExtensions.of("signs", "String", plan.signs()));
            parts.add(SdkExtensions.of("whatToDo", "String", plan.whatToDo()));
            plan.whoToContact().forEach(who -> parts.add(SdkExtensions.of("contact", "String", who)));
            ext.add(SdkExtensions.complex(SdkExtensions.url(CONTINGENCY), parts));
        });
        for (InformationPrescription i : c.information()) {
            ext.add(SdkExtensions.complex(SdkExtensions.url(INFORMATION), List.of(
                    SdkExtensions.of("title", "String", i.title()),
                    SdkExtensions.of("link", "Url", i.link()))));
        }
        for (MemberId m : c.careTeam()) {
            ext.add(SdkExtensions.of(SdkExtensions.url(TEAM_MEMBER), "Identifier",
                    Elements.identifier(FhirSystems.SDK_CARE_TEAM_MEMBER, m.toString())));
        }
    }

    private static void contentElements(ObjectNode r, CarePlan plan, Optional<Integer> version, CarePlanContent c) {
        c.aboutMe().ifPresent(text -> r.put("description", text));
        ArrayNode goalRefs = r.putArray("goal");
        for (Goal g : c.goals()) {
            goalRefs.add(goalReference(plan, version, g.id()));
        }
        ArrayNode activities = r.putArray("activity");
        for (Action a : c.actions()) {
            ObjectNode activity = activities.addObject();
            activity.put("id", a.id().toString());
            ObjectNode detail = activity.putObject("detail");
            detail.set("code", Elements.concept(Elements.coding(FhirSystems.SDK_PLAN_SECTION,
                    PlanSection.ACTIONS.name())));
            if (!a.goals().isEmpty()) {
                ArrayNode linked = detail.putArray("goal");
                a.goals().forEach(g -> linked.add(goalReference(plan, version, g)));
            }
            detail.put("status", ACTIVITY_STATUS);
            a.dueBy().ifPresent(d -> detail.putObject("scheduledPeriod").put("end", d.toString()));
            ObjectNode performer = a.owner().member()
                    .map(m -> {
                        ObjectNode ref = Elements.object();
                        ref.set("identifier", Elements.identifier(FhirSystems.SDK_CARE_TEAM_MEMBER, m.toString()));
                        return ref;
                    })
                    .orElseGet(() -> Elements.reference("Patient", plan.patient().toString()));
            detail.putArray("performer").add(performer);
            detail.put("description", a.description());
        }
        for (SupportItem s : c.supportAndServices()) {
            ObjectNode detail = activities.addObject().putObject("detail");
            s.budgetLine().ifPresent(line -> detail.putArray("extension")
                    .add(SdkExtensions.of(SdkExtensions.url(BUDGET_LINE), "String", line)));
            detail.set("code", Elements.concept(Elements.coding(FhirSystems.SDK_PLAN_SECTION,
                    PlanSection.SUPPORT_AND_SERVICES.name())));
            detail.put("status", ACTIVITY_STATUS);
            s.provider().ifPresent(ods -> detail.putArray("performer").add(OrganizationMapper.referenceTo(ods)));
            detail.put("description", s.description());
        }
        ArrayNode notes = r.putArray("note");
        for (String entry : c.whatMattersToMe()) {
            ObjectNode note = notes.addObject();
            note.putArray("extension").add(SdkExtensions.of(SdkExtensions.url(SECTION), "Code",
                    PlanSection.WHAT_MATTERS_TO_ME.name()));
            note.put("text", entry);
        }
        for (String name : List.of("goal", "activity", "note")) {
            if (r.get(name).isEmpty()) {
                r.remove(name);
            }
        }
    }

    private static ObjectNode goalReference(CarePlan plan, Optional<Integer> version, GoalId goal) {
        return Elements.reference("Goal", PlanGoal.resourceId(plan.id(), version, goal));
    }

    // ------------------------------------------------------------------ import

    @Override
    public Optional<CarePlan> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        r.ignoreAllBut(READ);
        if (isVersionSnapshot(json)) {
            r.problem("extension", "R10", "is a version snapshot: import the plan it belongs to");
            return Optional.empty();
        }
        Optional<CarePlanId> id = r.requiredText("id", "ID").flatMap(v -> r.convert("id", () -> CarePlanId.parse(v)));
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
            endReason = Optional.of(fhirStatus.flatMap(CarePlanCodes.RESOURCE_STATUS::fromCode)
                    .filter(CarePlanCodes.ResourceStatus.COMPLETED::equals).isPresent()
                    ? EndReason.COMPLETED : EndReason.WITHDRAWN);
        }
        Optional<Instant> drafted = r.requiredText("created", "REQUIRED")
                .flatMap(v -> SdkExtensions.dateTime(r, "created", v));
        Optional<Instant> ended = r.object("period").flatMap(p -> p.text("end")
                .flatMap(v -> SdkExtensions.dateTime(p, "end", v)));
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
        if (!resourceStatus(plan).equals(fhirStatus.get())) {
            r.problem("status", "R13", "must be " + resourceStatus(plan) + " for a plan " + plan.status()
                    + " with " + plan.versions().size() + " agreed versions");
        }
        if (!resourceIntent(plan).equals(fhirIntent.orElse(""))) {
            r.problem("intent", "R13", "must be " + resourceIntent(plan));
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

    /** The content of a plan or snapshot resource; its goals are resolved through the Bundle. */
    private Optional<CarePlanContent> content(FhirElement r, CarePlanId plan, PatientId patient,
            Optional<Integer> version, ImportContext context) {
        int problemsBefore = context.problems().size();
        Optional<String> aboutMe = r.text("description");
        List<Goal> goalList = new ArrayList<>();
        Map<String, GoalId> goalsByReference = new HashMap<>();
        for (FhirElement ref : r.objects("goal")) {
            Optional<String> literal = ref.requiredText("reference", "REFERENCE");
            Optional<PlanGoal> goal = CareTeamMapper.resolve(ref, "Goal", context)
                    .flatMap(j -> goals.fromFhir(j, context.within(ref.path())));
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
                .flatMap(CarePlanMapper::review);
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
                if (ref.isPresent() && ref.get().equals(patient.toString())) {
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
            Optional<String> ods = References.identifier(p, "Organization",
                    Set.of(FhirSystems.ODS_ORGANIZATION, FhirSystems.ODS_SITE));
            if (ods.isEmpty()) {
                p.problem(null, "R5", "must carry or resolve to an ODS code identifier");
            } else {
                provider = p.convert("identifier", () -> OdsCode.of(ods.get()));
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
