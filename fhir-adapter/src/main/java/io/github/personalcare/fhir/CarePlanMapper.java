package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.Action;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanContent;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalId;
import io.github.personalcare.careplan.InformationPrescription;
import io.github.personalcare.careplan.PlanSection;
import io.github.personalcare.careplan.PlanStatus;
import io.github.personalcare.careplan.Signature;
import io.github.personalcare.careplan.SupportItem;
import io.github.personalcare.careteam.MemberId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CarePlan} as a UK Core CarePlan, its goals as R4 Goals ({@link GoalMapper}), and each
 * agreed version whose content differs from the plan's working content as a version snapshot
 * CarePlan.
 *
 * <p>The CarePlan resource is the plan as it stands: {@code status}/{@code intent} as
 * {@link CarePlanCodes#workingStatus}/{@link CarePlanCodes#workingIntent} decide (§1.6, R13), so
 * a draft over an agreed version still in force is {@code draft}/{@code proposal} while the
 * version in force is exported as its own {@code active} snapshot (one active CarePlan per plan); the exact
 * {@link PlanStatus} and end reason in SDK extensions, the working content (about me as
 * {@code description}, what matters to me as tagged {@code note}s, goals as {@code goal}
 * references, actions and support as {@code activity}, contingency, information, review
 * arrangements and the care team members involved in SDK extensions), the signatures collected
 * while proposed, and one {@code care-plan-version} extension per agreed version (number, when
 * agreed, both signatures, and a reference to the version's snapshot when its content is not the
 * working content). A snapshot is a CarePlan with the same content elements, the extension
 * {@code care-plan-version-of} pointing back to the plan, {@code intent=plan} and the status
 * {@link CarePlanCodes#snapshotStatus} gives ({@code revoked} when superseded, §1.6). So every
 * agreed version is kept (R10) and an AGREED plan has exactly one active CarePlan resource (R6).
 *
 * <p>Import ({@link CarePlanReader}) reads the goals and snapshots through the Bundle
 * ({@link ImportContext#resolve}); a {@code status}/{@code intent} that does not agree with the
 * imported plan is refused (R13).
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

    private final GoalMapper goals = new GoalMapper();
    private final CarePlanReader reader = new CarePlanReader(goals);

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

    /**
     * True if the resource is a version snapshot, read through its plan rather than on its own.
     *
     * @param carePlan a CarePlan resource
     * @return whether it is the snapshot of an agreed version
     */
    public static boolean isVersionSnapshot(JsonNode carePlan) {
        for (JsonNode e : carePlan.path("extension")) {
            if (SdkExtensions.url(VERSION_OF).equals(e.path("url").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the stable id of the snapshot of agreed version {@code number} of the plan}
     *
     * @param plan   the plan's id
     * @param number the agreed version's number, from 1
     */
    public static String snapshotId(CarePlanId plan, int number) {
        return Elements.derivedId("CarePlan", plan + "|" + number);
    }

    private static boolean hasSnapshot(CarePlan plan, CarePlanVersion v) {
        boolean inForce = v.number() == plan.versions().size();
        return !v.content().equals(plan.content()) || (inForce && CarePlanCodes.draftOverAgreedVersion(plan));
    }

    /**
     * The CarePlan, its Goals, then each version snapshot with its Goals, in Bundle order.
     *
     * @param plan the plan
     * @return the plan's resources, in Bundle order
     */
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
        r.put("status", CarePlanCodes.workingStatus(plan));
        r.put("intent", CarePlanCodes.workingIntent(plan));
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
        r.put("status", CarePlanCodes.snapshotStatus(plan, v));
        r.put("intent", CarePlanCodes.snapshotIntent());
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

    /**
     * Reads a CarePlan (with its goals and version snapshots, resolved through the Bundle); a
     * {@code status}/{@code intent} that does not agree with the imported plan is refused (R13).
     */
    @Override
    public Optional<CarePlan> fromFhir(JsonNode json, ImportContext context) {
        return reader.read(json, context);
    }
}
