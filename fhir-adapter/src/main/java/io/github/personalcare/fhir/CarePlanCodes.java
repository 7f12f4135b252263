package io.github.personalcare.fhir;

import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.CarePlanVersion;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.GoalStatus;
import io.github.personalcare.careplan.PlanStatus;
import java.util.Map;
import java.util.Optional;

/**
 * The FHIR R4 codes of a care plan and its goals (§1.6, R13): the one place a plan's
 * {@code CarePlan.status} and {@code intent} are decided, for the plan resource and for its
 * version snapshots, and the one place a status from another system is read back as a
 * {@link PlanStatus} and end reason. The mapper writes and the reader checks only what these
 * methods answer.
 */
final class CarePlanCodes {
    /** The {@code CarePlan.status} (RequestStatus) codes the SDK writes and reads; on-hold and unknown are neither. */
    enum ResourceStatus {
        DRAFT, ACTIVE, COMPLETED, REVOKED, ENTERED_IN_ERROR
    }

    static final CodeTable<ResourceStatus> RESOURCE_STATUS = CodeTable.of(ResourceStatus.class, Map.of(
            ResourceStatus.DRAFT, "draft",
            ResourceStatus.ACTIVE, "active",
            ResourceStatus.COMPLETED, "completed",
            ResourceStatus.REVOKED, "revoked",
            ResourceStatus.ENTERED_IN_ERROR, "entered-in-error"));

    /**
     * The plan status a CarePlan from another system (without the SDK's status extension) is
     * read as: active is AGREED, completed and revoked are ENDED.
     */
    private static final Map<ResourceStatus, PlanStatus> INFERRED = Map.of(
            ResourceStatus.DRAFT, PlanStatus.DRAFT,
            ResourceStatus.ACTIVE, PlanStatus.AGREED,
            ResourceStatus.COMPLETED, PlanStatus.ENDED,
            ResourceStatus.REVOKED, PlanStatus.ENDED,
            ResourceStatus.ENTERED_IN_ERROR, PlanStatus.ENTERED_IN_ERROR);

    /** The end reason of a plan read as ENDED from its FHIR status alone. */
    private static final Map<ResourceStatus, EndReason> INFERRED_END_REASON = Map.of(
            ResourceStatus.COMPLETED, EndReason.COMPLETED,
            ResourceStatus.REVOKED, EndReason.WITHDRAWN);

    /** {@code CarePlan.intent}. */
    enum Intent {
        PROPOSAL, PLAN
    }

    static final CodeTable<Intent> INTENT = CodeTable.of(Intent.class, Map.of(
            Intent.PROPOSAL, "proposal",
            Intent.PLAN, "plan"));

    /** {@code Goal.lifecycleStatus}. */
    static final CodeTable<GoalStatus> GOAL_LIFECYCLE = CodeTable.of(GoalStatus.class, Map.of(
            GoalStatus.PROPOSED, "proposed",
            GoalStatus.ACTIVE, "active",
            GoalStatus.ON_HOLD, "on-hold",
            GoalStatus.ACHIEVED, "completed",
            GoalStatus.CANCELLED, "cancelled"));

    /** {@code Goal.achievementStatus} (goal-achievement), for the statuses that have one. */
    static final CodeTable<GoalStatus> GOAL_ACHIEVEMENT = CodeTable.partial(GoalStatus.class, Map.of(
            GoalStatus.ACTIVE, "in-progress",
            GoalStatus.ACHIEVED, "achieved"), Map.of());

    private CarePlanCodes() {
    }

    /**
     * The FHIR status of the plan as it stands (§1.6, R13): draft until a version is agreed,
     * active while one is in force, revoked when withdrawn or ended before any agreement, else
     * completed when ended.
     */
    static ResourceStatus status(CarePlan plan) {
        return switch (plan.status()) {
            case DRAFT, PROPOSED -> plan.versions().isEmpty() ? ResourceStatus.DRAFT : ResourceStatus.ACTIVE;
            case AGREED, UNDER_REVIEW -> ResourceStatus.ACTIVE;
            case ENDED -> plan.endReason().orElseThrow() == EndReason.WITHDRAWN || plan.versions().isEmpty()
                    ? ResourceStatus.REVOKED : ResourceStatus.COMPLETED;
            case ENTERED_IN_ERROR -> ResourceStatus.ENTERED_IN_ERROR;
        };
    }

    /** The FHIR intent of the plan: {@code proposal} until a version is agreed, then {@code plan} (§1.6). */
    static Intent intent(CarePlan plan) {
        return plan.versions().isEmpty() ? Intent.PROPOSAL : Intent.PLAN;
    }

    /**
     * True while the working content is a draft over an agreed version still in force (under
     * review, or proposed or returned to draft after a review started). The working content is then
     * exported as {@code draft}/{@code proposal} and the version in force as its own snapshot, so a
     * receiver finds exactly one {@code active} CarePlan and never mistakes unagreed content for
     * the agreed plan (§1.6: only one active version; clinical safety).
     */
    static boolean draftOverAgreedVersion(CarePlan plan) {
        return !plan.versions().isEmpty() && (plan.status() == PlanStatus.DRAFT
                || plan.status() == PlanStatus.PROPOSED || plan.status() == PlanStatus.UNDER_REVIEW);
    }

    /** The {@code CarePlan.status} code of the resource holding the working content (R13). */
    static String workingStatus(CarePlan plan) {
        return RESOURCE_STATUS.code(draftOverAgreedVersion(plan) ? ResourceStatus.DRAFT : status(plan));
    }

    /** The {@code CarePlan.intent} code of the resource holding the working content (R13). */
    static String workingIntent(CarePlan plan) {
        return INTENT.code(draftOverAgreedVersion(plan) ? Intent.PROPOSAL : intent(plan));
    }

    /**
     * The {@code CarePlan.status} code of the snapshot of an agreed version: {@code revoked} once
     * superseded (§1.6), else the plan's status while the plan is closed, else {@code active}.
     */
    static String snapshotStatus(CarePlan plan, CarePlanVersion version) {
        boolean superseded = version.number() < plan.versions().size();
        return RESOURCE_STATUS.code(superseded ? ResourceStatus.REVOKED
                : plan.status().isClosed() ? status(plan) : ResourceStatus.ACTIVE);
    }

    /** The {@code CarePlan.intent} code of every version snapshot: an agreed version is a plan. */
    static String snapshotIntent() {
        return INTENT.code(Intent.PLAN);
    }

    /** The plan status a FHIR status code implies, or empty for on-hold, unknown and other codes. */
    static Optional<PlanStatus> inferred(String code) {
        return RESOURCE_STATUS.fromCode(code).map(INFERRED::get);
    }

    /**
     * The end reason of a plan whose status is inferred as ENDED ({@link #inferred}): completed
     * plans were completed, revoked ones withdrawn; empty for every other code.
     */
    static Optional<EndReason> inferredEndReason(String code) {
        return RESOURCE_STATUS.fromCode(code).map(INFERRED_END_REASON::get);
    }
}
