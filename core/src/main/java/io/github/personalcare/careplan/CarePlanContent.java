package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careteam.MemberId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The content of one version of a personalised care and support plan, section by section
 * ({@link PlanSection}). A draft may be incomplete; {@link #requireReadyForAgreement} says what an
 * agreed plan must hold (R7). Each list holds at most {@link #MAX_ITEMS} items; each text at most
 * {@link Require#LONG_TEXT} characters unless its type says otherwise; control characters other
 * than line breaks and tabs are rejected.
 *
 * @param aboutMe            about me, in the person's words (optional)
 * @param whatMattersToMe    what matters to me, one entry per thing, in the person's own words
 * @param goals              goals and outcomes
 * @param actions            who does what by when
 * @param supportAndServices what is commissioned, optionally funded by a budget line
 * @param contingency        the contingency and crisis plan
 * @param information        information and advice given
 * @param review             review arrangements
 * @param careTeam           care team members involved (set by the service when the plan is proposed)
 */
public record CarePlanContent(
        Optional<String> aboutMe,
        List<String> whatMattersToMe,
        List<Goal> goals,
        List<Action> actions,
        List<SupportItem> supportAndServices,
        Optional<ContingencyPlan> contingency,
        List<InformationPrescription> information,
        Optional<ReviewArrangements> review,
        List<MemberId> careTeam) {
    /** Most items one section list may hold. */
    public static final int MAX_ITEMS = 50;

    /**
     * Checks the content: text and list limits, unique goal and action ids, and actions linked only
     * to this content's goals. Absent optionals become empty.
     *
     * @param aboutMe            about me, in the person's words (optional)
     * @param whatMattersToMe    what matters to me, one entry per thing, in the person's own words
     * @param goals              goals and outcomes
     * @param actions            who does what by when
     * @param supportAndServices what is commissioned, optionally funded by a budget line
     * @param contingency        the contingency and crisis plan
     * @param information        information and advice given
     * @param review             review arrangements
     * @param careTeam           care team members involved (set by the service when the plan is
     *                           proposed)
     * @throws InvalidInputException naming the section and item that is wrong
     */
    public CarePlanContent {
        aboutMe = Require.optionalText("aboutMe", aboutMe == null ? Optional.empty() : aboutMe, Require.LONG_TEXT);
        whatMattersToMe = Require.list("whatMattersToMe", whatMattersToMe, MAX_ITEMS);
        for (int i = 0; i < whatMattersToMe.size(); i++) {
            Require.text("whatMattersToMe[" + i + "]", whatMattersToMe.get(i), Require.LONG_TEXT);
        }
        goals = Require.list("goals", goals, MAX_ITEMS);
        actions = Require.list("actions", actions, MAX_ITEMS);
        supportAndServices = Require.list("supportAndServices", supportAndServices, MAX_ITEMS);
        contingency = contingency == null ? Optional.empty() : contingency;
        information = Require.list("information", information, MAX_ITEMS);
        review = review == null ? Optional.empty() : review;
        careTeam = Require.list("careTeam", careTeam, MAX_ITEMS);

        Set<GoalId> goalIds = new HashSet<>();
        for (Goal g : goals) {
            if (!goalIds.add(g.id())) {
                throw new InvalidInputException("goals", "ITEM_ID", "goal ids must be unique");
            }
        }
        Set<ActionId> actionIds = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (!actionIds.add(a.id())) {
                throw new InvalidInputException("actions", "ITEM_ID", "action ids must be unique");
            }
            if (!goalIds.containsAll(a.goals())) {
                throw new InvalidInputException("actions[" + i + "].goals", "GOAL_LINK",
                        "must link only to goals of this plan");
            }
        }
    }

    /** {@return a plan with every section empty: the start of a draft} */
    public static CarePlanContent empty() {
        return new CarePlanContent(Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                List.of(), Optional.empty(), List.of());
    }

    /**
     * Checks what an agreed plan must hold (R7): at least one "what matters to me" entry, at least
     * one goal, at least one action (every action has an owner), a contingency plan, and review
     * arrangements with a next review date after {@code today}.
     *
     * @param today the date of the command in England
     * @throws InvalidInputException naming the first missing section, rule {@code R7}
     */
    public void requireReadyForAgreement(LocalDate today) {
        if (whatMattersToMe.isEmpty()) {
            throw new InvalidInputException("whatMattersToMe", "R7", "needs at least one entry in the person's words");
        }
        if (goals.isEmpty()) {
            throw new InvalidInputException("goals", "R7", "needs at least one goal");
        }
        if (actions.isEmpty()) {
            throw new InvalidInputException("actions", "R7", "needs at least one action with an owner");
        }
        if (contingency.isEmpty()) {
            throw new InvalidInputException("contingency", "R7", "a contingency plan is required");
        }
        if (review.isEmpty()) {
            throw new InvalidInputException("review.nextReviewDue", "R7", "a next review date is required");
        }
        if (!review.get().nextReviewDue().isAfter(today)) {
            throw new InvalidInputException("review.nextReviewDue", "R7", "must be in the future");
        }
    }

    /**
     * Rejects a next review date before {@code today} even in a draft (R7, R11).
     *
     * @param today the date of the command in England
     * @throws InvalidInputException naming {@code review.nextReviewDue}
     */
    public void requireReviewNotPast(LocalDate today) {
        if (review.isPresent() && review.get().nextReviewDue().isBefore(today)) {
            throw new InvalidInputException("review.nextReviewDue", "R7", "must not be in the past");
        }
    }

    /**
     * The content as a viewer sees it when items with any of the {@code withheld} labels are left
     * out (R48: third-party and serious-harm entries are never shown to the patient or a proxy):
     * goals and actions carrying such a label are removed, and links from visible actions to
     * removed goals are dropped. The same content when nothing is withheld. For reading only.
     *
     * @param withheld the sensitivity labels withheld from this viewer
     * @return the content as the viewer sees it; this content itself if nothing is left out
     */
    public CarePlanContent withoutEntriesLabelled(Set<SensitivityLabel> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        List<Goal> visibleGoals = goals.stream().filter(g -> !Labels.withheld(g.labels(), withheld)).toList();
        List<Action> visibleActions = actions.stream().filter(a -> !Labels.withheld(a.labels(), withheld)).toList();
        if (visibleGoals.size() == goals.size() && visibleActions.size() == actions.size()) {
            return this;
        }
        Set<GoalId> kept = new HashSet<>();
        visibleGoals.forEach(g -> kept.add(g.id()));
        List<Action> linked = visibleActions.stream()
                .map(a -> kept.containsAll(a.goals()) ? a : a.towards(a.goals().stream().filter(kept::contains).toList()))
                .toList();
        return new CarePlanContent(aboutMe, whatMattersToMe, visibleGoals, linked, supportAndServices, contingency,
                information, review, careTeam);
    }

    /**
     * This content, written by someone from whom {@code withheld} entries are hidden, with the
     * hidden entries of {@code stored} kept: an editor cannot delete, or learn of, what they were
     * never shown (R48). Kept actions keep their links to kept goals.
     */
    CarePlanContent keepingWithheld(CarePlanContent stored, Set<SensitivityLabel> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        List<Goal> hiddenGoals = stored.goals.stream().filter(g -> Labels.withheld(g.labels(), withheld)).toList();
        List<Action> hiddenActions = stored.actions.stream().filter(a -> Labels.withheld(a.labels(), withheld))
                .toList();
        if (hiddenGoals.isEmpty() && hiddenActions.isEmpty()) {
            return this;
        }
        List<Goal> allGoals = new ArrayList<>(goals);
        hiddenGoals.stream().filter(g -> goals.stream().noneMatch(v -> v.id().equals(g.id()))).forEach(allGoals::add);
        Set<GoalId> kept = new HashSet<>();
        allGoals.forEach(g -> kept.add(g.id()));
        Set<GoalId> hidden = new HashSet<>();
        hiddenGoals.forEach(g -> hidden.add(g.id()));
        List<Action> allActions = new ArrayList<>(actions.size() + hiddenActions.size());
        for (Action a : actions) {
            // a visible action was shown without its links to hidden goals: give them back
            List<GoalId> links = new ArrayList<>(a.goals());
            stored.actions.stream().filter(s -> s.id().equals(a.id())).findFirst().ifPresent(s -> s.goals().stream()
                    .filter(hidden::contains).filter(g -> !links.contains(g)).forEach(links::add));
            allActions.add(links.size() == a.goals().size() ? a : a.towards(links));
        }
        for (Action a : hiddenActions) {
            if (actions.stream().noneMatch(v -> v.id().equals(a.id()))) {
                // a hidden action keeps only its links to goals that are still there: the editor
                // may delete a goal they can see without learning that a hidden entry used it
                List<GoalId> links = a.goals().stream().filter(kept::contains).toList();
                allActions.add(links.size() == a.goals().size() ? a : a.towards(links));
            }
        }
        return new CarePlanContent(aboutMe, whatMattersToMe, allGoals, allActions, supportAndServices, contingency,
                information, review, careTeam);
    }

    /** {@return the personal health budget line codes this content funds, in order, without repeats} */
    public List<String> budgetLines() {
        return supportAndServices.stream().flatMap(s -> s.budgetLine().stream()).distinct().toList();
    }

    /** {@return the next review date, if review arrangements are recorded} */
    public Optional<LocalDate> nextReviewDue() {
        return review.map(ReviewArrangements::nextReviewDue);
    }

    /**
     * What changed from {@code from} to {@code to}, one entry per changed section in
     * {@link PlanSection} order. Goals and actions are matched by id, so an edited goal counts as
     * changed; other list items are matched by value, so an edited item counts as one removed and
     * one added.
     *
     * @param from the earlier content
     * @param to   the later content
     * @return the changed sections; empty if nothing changed
     */
    public static List<SectionChange> between(CarePlanContent from, CarePlanContent to) {
        List<SectionChange> changes = new ArrayList<>();
        single(changes, PlanSection.ABOUT_ME, from.aboutMe, to.aboutMe);
        byValue(changes, PlanSection.WHAT_MATTERS_TO_ME, from.whatMattersToMe, to.whatMattersToMe);
        byId(changes, PlanSection.GOALS, from.goals, to.goals, Goal::id);
        byId(changes, PlanSection.ACTIONS, from.actions, to.actions, Action::id);
        byValue(changes, PlanSection.SUPPORT_AND_SERVICES, from.supportAndServices, to.supportAndServices);
        single(changes, PlanSection.CONTINGENCY, from.contingency, to.contingency);
        byValue(changes, PlanSection.INFORMATION_AND_ADVICE, from.information, to.information);
        single(changes, PlanSection.REVIEW_ARRANGEMENTS, from.review, to.review);
        byValue(changes, PlanSection.CARE_TEAM, from.careTeam, to.careTeam);
        return List.copyOf(changes);
    }

    private static <T> void single(List<SectionChange> out, PlanSection section, Optional<T> from, Optional<T> to) {
        if (from.equals(to)) {
            return;
        }
        int added = from.isEmpty() ? 1 : 0;
        int removed = to.isEmpty() ? 1 : 0;
        int changed = from.isPresent() && to.isPresent() ? 1 : 0;
        out.add(new SectionChange(section, added, removed, changed));
    }

    private static <T> void byValue(List<SectionChange> out, PlanSection section, List<T> from, List<T> to) {
        List<T> remaining = new ArrayList<>(from);
        int added = 0;
        for (T item : to) {
            if (!remaining.remove(item)) {
                added++;
            }
        }
        int removed = remaining.size();
        if (added > 0 || removed > 0) {
            out.add(new SectionChange(section, added, removed, 0));
        }
    }

    private static <T, K> void byId(List<SectionChange> out, PlanSection section, List<T> from, List<T> to,
            Function<T, K> id) {
        int added = 0;
        int changed = 0;
        for (T item : to) {
            Optional<T> before = from.stream().filter(f -> id.apply(f).equals(id.apply(item))).findFirst();
            if (before.isEmpty()) {
                added++;
            } else if (!before.get().equals(item)) {
                changed++;
            }
        }
        int removed = (int) from.stream()
                .filter(f -> to.stream().noneMatch(t -> id.apply(t).equals(id.apply(f)))).count();
        if (added > 0 || removed > 0 || changed > 0) {
            out.add(new SectionChange(section, added, removed, changed));
        }
    }

    /**
     * A copy with the about-me text.
     *
     * @param text about me, in the person's words
     * @return the copy
     * @throws InvalidInputException if the text is blank or too long
     * @throws NullPointerException if {@code text} is null
     */
    public CarePlanContent withAboutMe(String text) {
        return new CarePlanContent(Optional.of(text), whatMattersToMe, goals, actions, supportAndServices, contingency,
                information, review, careTeam);
    }

    /**
     * A copy with these "what matters to me" entries.
     *
     * @param entries one entry per thing, in the person's own words
     * @return the copy
     * @throws InvalidInputException if there are too many entries or one is blank or too long
     */
    public CarePlanContent withWhatMattersToMe(List<String> entries) {
        return new CarePlanContent(aboutMe, entries, goals, actions, supportAndServices, contingency, information,
                review, careTeam);
    }

    /**
     * A copy with these goals.
     *
     * @param next the goals
     * @return the copy
     * @throws InvalidInputException if there are too many, their ids repeat, or an action links to
     *                               a goal no longer there
     */
    public CarePlanContent withGoals(List<Goal> next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, next, actions, supportAndServices, contingency,
                information, review, careTeam);
    }

    /**
     * A copy with these actions.
     *
     * @param next the actions
     * @return the copy
     * @throws InvalidInputException if there are too many, their ids repeat, or one links to a goal
     *                               not in the plan
     */
    public CarePlanContent withActions(List<Action> next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, next, supportAndServices, contingency, information,
                review, careTeam);
    }

    /**
     * A copy with these support and services items.
     *
     * @param next the items
     * @return the copy
     * @throws InvalidInputException if there are too many
     */
    public CarePlanContent withSupportAndServices(List<SupportItem> next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, actions, next, contingency, information, review,
                careTeam);
    }

    /**
     * A copy with this contingency plan.
     *
     * @param next the contingency plan
     * @return the copy
     * @throws NullPointerException if {@code next} is null
     */
    public CarePlanContent withContingency(ContingencyPlan next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, actions, supportAndServices,
                Optional.of(Objects.requireNonNull(next, "contingency")), information, review, careTeam);
    }

    /**
     * A copy with this information and advice.
     *
     * @param next the information and advice items
     * @return the copy
     * @throws InvalidInputException if there are too many
     */
    public CarePlanContent withInformation(List<InformationPrescription> next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, actions, supportAndServices, contingency, next,
                review, careTeam);
    }

    /**
     * A copy with these review arrangements.
     *
     * @param next the review arrangements
     * @return the copy
     * @throws NullPointerException if {@code next} is null
     */
    public CarePlanContent withReview(ReviewArrangements next) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, actions, supportAndServices, contingency,
                information, Optional.of(Objects.requireNonNull(next, "review")), careTeam);
    }

    /**
     * A copy listing these care team members.
     *
     * @param members the care team's memberships
     * @return the copy
     * @throws InvalidInputException if there are too many
     */
    public CarePlanContent withCareTeam(List<MemberId> members) {
        return new CarePlanContent(aboutMe, whatMattersToMe, goals, actions, supportAndServices, contingency,
                information, review, members);
    }
}
