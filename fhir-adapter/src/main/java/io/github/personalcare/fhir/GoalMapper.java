package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalId;
import io.github.personalcare.careplan.GoalStatus;
import io.github.personalcare.identity.PatientId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A care plan goal ({@link PlanGoal}) as a FHIR R4 Goal claiming the base R4 profile (UK Core has
 * no Goal profile, R51). The id is a name-based UUID of plan id + (version) + goal id, and the same
 * key is the identifier of {@link FhirSystems#SDK_CARE_PLAN_GOAL}, so the goal keeps its SDK id.
 * {@code lifecycleStatus} follows {@link CarePlanCodes#GOAL_LIFECYCLE} (§1.6);
 * {@code achievementStatus} is {@code in-progress} for an active goal and {@code achieved} for an
 * achieved one (derived, so not read back); the outcome is {@code description.text}; how progress
 * is measured is {@code target[0].measure.text}, the target date {@code target[0].dueDate}.
 */
public final class GoalMapper implements FhirMapper<PlanGoal> {
    static final String ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "identifier", "lifecycleStatus",
            "achievementStatus", "description", "subject", "target");

    /** A mapper; stateless and thread-safe. */
    public GoalMapper() {
    }

    @Override
    public String resourceType() {
        return "Goal";
    }

    @Override
    public String profile() {
        return FhirSystems.R4_GOAL;
    }

    @Override
    public ObjectNode toFhir(PlanGoal value) {
        Goal g = value.goal();
        ObjectNode r = Elements.resource("Goal", value.resourceId(), profile());
        r.putArray("identifier").add(Elements.identifier(FhirSystems.SDK_CARE_PLAN_GOAL, value.key()));
        r.put("lifecycleStatus", CarePlanCodes.GOAL_LIFECYCLE.code(g.status()));
        achievement(g.status()).ifPresent(code ->
                r.set("achievementStatus", Elements.concept(Elements.coding(ACHIEVEMENT, code))));
        r.putObject("description").put("text", g.outcome());
        r.set("subject", Elements.reference("Patient", value.patient().toString()));
        ObjectNode target = r.putArray("target").addObject();
        target.putObject("measure").put("text", g.measure());
        g.targetDate().ifPresent(d -> target.put("dueDate", d.toString()));
        return r;
    }

    private static Optional<String> achievement(GoalStatus status) {
        return CarePlanCodes.GOAL_ACHIEVEMENT.codeIfAny(status);
    }

    // The measure in words: its text, else (another system's coded measure) the first coding's display.
    private static Optional<String> measure(FhirElement m) {
        Optional<String> text = m.text("text");
        if (text.isPresent()) {
            return text;
        }
        Optional<String> display = m.objects("coding").stream().flatMap(c -> c.text("display").stream()).findFirst();
        if (display.isEmpty()) {
            m.problem("text", "GOAL_MEASURE_MISSING", "the measure in words is required: text, or a coding with a display");
        } else {
            m.warning("coding", "MEASURE_FROM_CODING", "no text: the first coding's display is the measure");
        }
        return display;
    }

    @Override
    public Optional<PlanGoal> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int problemsBefore = context.problems().size();
        r.ignoreAllBut(READ);
        Optional<String> key = r.objects("identifier").stream()
                .filter(i -> i.json().path("system").asText("").equals(FhirSystems.SDK_CARE_PLAN_GOAL))
                .findFirst().flatMap(i -> i.requiredText("value", "IDENTIFIER"));
        Optional<CarePlanId> plan = Optional.empty();
        Optional<Integer> version = Optional.empty();
        Optional<GoalId> goalId = Optional.empty();
        if (key.isEmpty()) {
            // the domain holds a goal only inside a plan version (R7, R10): the identifier names that plan
            r.problem("identifier", "GOAL_WITHOUT_PLAN", "a goal is read only as part of its care plan: an identifier "
                    + "of the SDK's care-plan-goal system names the plan (R7, R10)");
        } else {
            String[] parts = key.get().split("/", -1);
            try {
                if (parts.length == 2 || parts.length == 3) {
                    plan = Optional.of(CarePlanId.parse(parts[0]));
                    goalId = Optional.of(GoalId.parse(parts[parts.length - 1]));
                    if (parts.length == 3) {
                        int n = Integer.parseInt(parts[1]);
                        version = n >= 1 && parts[1].equals(Integer.toString(n)) ? Optional.of(n) : Optional.empty();
                        if (version.isEmpty()) {
                            goalId = Optional.empty();
                        }
                    }
                }
            } catch (InvalidInputException | IllegalArgumentException e) {
                // the id parsers' InvalidInputException and Integer.parseInt's NumberFormatException
                goalId = Optional.empty();
            }
            if (plan.isEmpty() || goalId.isEmpty()) {
                r.problem("identifier", "IDENTIFIER", "must be <plan id>/<goal id> or <plan id>/<version>/<goal id>");
            }
        }
        Optional<GoalStatus> status = r.requiredText("lifecycleStatus", "REQUIRED").flatMap(code -> {
            Optional<GoalStatus> s = CarePlanCodes.GOAL_LIFECYCLE.fromCode(code);
            if (s.isEmpty()) {
                r.problem("lifecycleStatus", "GOAL_STATUS", "must be proposed, active, on-hold, completed or cancelled");
            }
            return s;
        });
        if (status.isPresent() && r.has("achievementStatus")) {
            String written = r.json().at("/achievementStatus/coding/0/code").asText("");
            if (!achievement(status.get()).orElse("").equals(written)) {
                context.ignored(r.path() + ".achievementStatus");
            }
        }
        Optional<String> outcome = r.object("description").flatMap(d -> d.requiredText("text", "REQUIRED"));
        if (!r.has("description")) {
            r.problem("description", "REQUIRED", "is required");
        }
        Optional<PatientId> patient = CareTeamMapper.patient(r, "subject", context);
        List<FhirElement> targets = r.objects("target");
        Optional<String> measure = Optional.empty();
        Optional<LocalDate> due = Optional.empty();
        if (targets.isEmpty()) {
            r.problem("target", "GOAL_MEASURE_MISSING", "a target with the measure in words is required");
        } else {
            FhirElement t = targets.get(0);
            measure = t.object("measure").flatMap(GoalMapper::measure);
            if (!t.has("measure")) {
                t.problem("measure", "GOAL_MEASURE_MISSING", "is required");
            }
            due = t.text("dueDate").flatMap(v -> SdkExtensions.fullDate(t, "dueDate", v));
            for (int i = 1; i < targets.size(); i++) {
                context.ignored(targets.get(i).path());
            }
        }
        if (context.problems().size() > problemsBefore || plan.isEmpty() || goalId.isEmpty() || status.isEmpty() || outcome.isEmpty()
                || patient.isEmpty() || measure.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> dueDate = due;
        Optional<String> m = measure;
        Optional<GoalId> gid = goalId;
        Optional<Goal> goal = r.convert(null, () -> new Goal(gid.get(), outcome.get(), m.get(), dueDate, status.get()));
        if (goal.isEmpty()) {
            return Optional.empty();
        }
        PlanGoal value = new PlanGoal(plan.get(), patient.get(), version, goal.get());
        if (!value.resourceId().equals(r.json().path("id").asText(""))) {
            r.problem("id", "ID", "must be the id derived from the goal identifier");
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
