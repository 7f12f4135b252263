package io.github.personalcare.fhir;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.careplan.Goal;
import io.github.personalcare.careplan.GoalId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;

/**
 * A care plan {@link Goal} as exported, with what its FHIR Goal resource needs besides the goal:
 * the plan, the patient, and the agreed version it belongs to (empty for the plan's working content).
 *
 * @param plan    the care plan holding the goal
 * @param patient the plan's patient ({@code Goal.subject})
 * @param version the agreed version number whose snapshot holds the goal, or empty for the working content
 * @param goal    the goal
 */
public record PlanGoal(CarePlanId plan, PatientId patient, Optional<Integer> version, Goal goal) {
    /**
     * Checks the plan, patient and goal are present; an absent version becomes empty.
     *
     * @param plan    the care plan holding the goal
     * @param patient the plan's patient
     * @param version the agreed version number whose snapshot holds the goal, or empty for the
     *                working content
     * @param goal    the goal
     * @throws InvalidInputException if the plan, patient or goal is missing
     */
    public PlanGoal {
        Require.present("plan", plan);
        Require.present("patient", patient);
        version = version == null ? Optional.empty() : version;
        Require.present("goal", goal);
    }

    /**
     * {@return the goal's business identifier value: {@code <plan id>/<goal id>} or
     * {@code <plan id>/<version>/<goal id>}}
     */
    public String key() {
        return key(plan, version, goal.id());
    }

    /** {@return the stable resource id: a name-based UUID of {@code Goal|}{@link #key()}} */
    public String resourceId() {
        return resourceId(plan, version, goal.id());
    }

    static String key(CarePlanId plan, Optional<Integer> version, GoalId goal) {
        return plan + version.map(v -> "/" + v).orElse("") + "/" + goal;
    }

    static String resourceId(CarePlanId plan, Optional<Integer> version, GoalId goal) {
        return Elements.derivedId("Goal", key(plan, version, goal));
    }
}
