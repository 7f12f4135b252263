package io.github.personalcare.careplan;

import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.lang.IllegalTransitionException;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.careteam.MemberId;
import io.github.personalcare.identity.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person's personalised care and support plan: the working content, every agreed version, and
 * where the plan is in its lifecycle ({@link PlanStatus}).
 *
 * <p>Agreed versions are immutable and kept in order (R10). While a new version is drafted or
 * proposed the latest agreed version stays current; agreeing the new one appends it and so
 * supersedes the old one in the same change (R6). A version is agreed when both the person's
 * agreement (patient or authorised representative) and the lead professional's co-signature are
 * recorded, in either order (R8), and only with complete content and a future review date (R7).
 *
 * <p>Every method is pure: it takes the command and its time and returns the new plan, or throws
 * {@link IllegalTransitionException} (naming state and command), {@link InvalidInputException} or
 * {@link RuleViolationException}.
 *
 * @param id              the plan's id
 * @param patient         whose plan it is
 * @param status          where it is in its lifecycle
 * @param content         the working content: the draft being written, or the agreed version's
 * @param versions        agreed versions, oldest first, numbered from 1
 * @param personAgreement the person's agreement to the proposed content, while proposed
 * @param leadCoSignature the lead professional's co-signature of the proposed content, while proposed
 * @param endReason       why the plan ended, once ended
 * @param endedAt         when it ended or was marked entered in error
 * @param draftedAt       when the plan was first drafted
 */
public record CarePlan(
        CarePlanId id,
        PatientId patient,
        PlanStatus status,
        CarePlanContent content,
        List<CarePlanVersion> versions,
        Optional<Signature> personAgreement,
        Optional<Signature> leadCoSignature,
        Optional<EndReason> endReason,
        Optional<Instant> endedAt,
        Instant draftedAt) {

    /** Months within which a plan that first funds a personal health budget must be reviewed (R22). */
    public static final int FIRST_BUDGET_REVIEW_MONTHS = 3;

    /**
     * Checks the plan is consistent with its status: agreed versions numbered 1, 2, ... in order;
     * an agreed plan's content is its latest version; signatures, of the right kind, only while
     * proposed; an end only once closed, with a reason once ended. Absent optionals become empty.
     *
     * @param id              the plan's id
     * @param patient         whose plan it is
     * @param status          where it is in its lifecycle
     * @param content         the working content
     * @param versions        agreed versions, oldest first, numbered from 1
     * @param personAgreement the person's agreement to the proposed content, while proposed
     * @param leadCoSignature the lead professional's co-signature of the proposed content, while
     *                        proposed
     * @param endReason       why the plan ended, once ended
     * @param endedAt         when it ended or was marked entered in error
     * @param draftedAt       when the plan was first drafted
     * @throws InvalidInputException if a required component is missing
     * @throws IllegalArgumentException if the components contradict the status
     */
    public CarePlan {
        Require.present("plan.id", id);
        Require.present("plan.patient", patient);
        Require.present("plan.status", status);
        Require.present("plan.content", content);
        versions = Require.list("plan.versions", versions, Integer.MAX_VALUE);
        personAgreement = personAgreement == null ? Optional.empty() : personAgreement;
        leadCoSignature = leadCoSignature == null ? Optional.empty() : leadCoSignature;
        endReason = endReason == null ? Optional.empty() : endReason;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        Require.present("plan.draftedAt", draftedAt);
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("agreed versions must be numbered 1, 2, ... in order");
            }
        }
        if (status == PlanStatus.AGREED
                && (versions.isEmpty() || !versions.get(versions.size() - 1).content().equals(content))) {
            throw new IllegalArgumentException("an agreed plan's content is its latest agreed version");
        }
        if ((status == PlanStatus.DRAFT) != versions.isEmpty() && !status.isClosed() && status != PlanStatus.PROPOSED) {
            throw new IllegalArgumentException("a draft has no agreed version; a plan under review has one");
        }
        if (status != PlanStatus.PROPOSED && (personAgreement.isPresent() || leadCoSignature.isPresent())) {
            throw new IllegalArgumentException("signatures are held only while proposed");
        }
        if (personAgreement.isPresent() && !personAgreement.get().forThePerson()
                || leadCoSignature.isPresent() && leadCoSignature.get().kind() != SignatoryKind.LEAD_PROFESSIONAL) {
            throw new IllegalArgumentException("signatures must be of the right kind");
        }
        if ((status == PlanStatus.ENDED) && endReason.isEmpty()) {
            throw new IllegalArgumentException("an ended plan has a reason");
        }
        if (!status.isClosed() && (endReason.isPresent() || endedAt.isPresent())) {
            throw new IllegalArgumentException("an open plan has no end");
        }
    }

    /**
     * Starts a plan in {@code DRAFT}. Patients, authorised proxies and professionals may draft (R9).
     *
     * @param id      the new plan's id
     * @param patient whose plan it is
     * @param content the first draft's content
     * @param at      when it is drafted
     * @param today   the date of {@code at} in England, for the review date check
     * @return the plan, in {@code DRAFT}
     * @throws InvalidInputException if the review date is already past
     */
    public static CarePlan draft(CarePlanId id, PatientId patient, CarePlanContent content, Instant at,
            LocalDate today) {
        Require.present("content", content).requireReviewNotPast(today);
        return new CarePlan(id, patient, PlanStatus.DRAFT, content, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), at);
    }

    /**
     * The plan as a viewer sees it with entries carrying any of the {@code withheld} labels left out
     * of its working content and of every agreed version (R48). For reading only: commands act on
     * the stored plan.
     *
     * @param withheld the sensitivity labels withheld from this viewer
     * @return the plan as the viewer sees it; this plan itself if nothing is withheld
     */
    public CarePlan withoutEntriesLabelled(Set<SensitivityLabel> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        List<CarePlanVersion> visible = versions.stream().map(v -> new CarePlanVersion(v.number(),
                v.content().withoutEntriesLabelled(withheld), v.personAgreement(), v.leadCoSignature(), v.agreedAt()))
                .toList();
        return new CarePlan(id, patient, status, content.withoutEntriesLabelled(withheld), visible, personAgreement,
                leadCoSignature, endReason, endedAt, draftedAt);
    }

    /**
     * Replaces the working content of a draft or of a plan under review. Agreed versions are never
     * changed: to change an agreed plan, start a review (R10).
     *
     * @param next  the new working content
     * @param today the date of the command in England
     * @return the plan with the new content
     * @throws IllegalTransitionException unless {@code DRAFT} or {@code UNDER_REVIEW}
     * @throws InvalidInputException      if the review date is past
     */
    public CarePlan edit(CarePlanContent next, LocalDate today) {
        require(PlanCommand.EDIT);
        Require.present("content", next).requireReviewNotPast(today);
        return with(status, next, Optional.empty(), Optional.empty());
    }

    /**
     * Proposes the working content for agreement, freezing it (R10). The content must be complete
     * (R7); {@code careTeam} records who was on the care team.
     *
     * @param careTeam the care team's memberships in force, recorded on the frozen content
     * @param today    the date of the command in England
     * @return the plan, in {@code PROPOSED}
     * @throws IllegalTransitionException unless {@code DRAFT} or {@code UNDER_REVIEW}
     * @throws InvalidInputException      naming the first missing section (R7)
     */
    public CarePlan propose(List<MemberId> careTeam, LocalDate today) {
        require(PlanCommand.PROPOSE);
        CarePlanContent frozen = content.withCareTeam(careTeam);
        frozen.requireReadyForAgreement(today);
        return with(PlanStatus.PROPOSED, frozen, Optional.empty(), Optional.empty());
    }

    /**
     * Takes a proposal back for more editing; signatures collected so far are discarded.
     *
     * @return the plan, in {@code DRAFT} if never agreed, else in {@code UNDER_REVIEW}
     * @throws IllegalTransitionException unless {@code PROPOSED}
     */
    public CarePlan returnToDraft() {
        require(PlanCommand.RETURN_TO_DRAFT);
        return with(versions.isEmpty() ? PlanStatus.DRAFT : PlanStatus.UNDER_REVIEW, content, Optional.empty(),
                Optional.empty());
    }

    /**
     * Records the person's agreement (the patient or an authorised representative, R8). If the lead
     * professional has co-signed, the proposal becomes the new agreed version.
     *
     * @param signature the person's agreement: the patient or an authorised representative
     * @param today     the date of the command in England
     * @return the plan, still {@code PROPOSED} or now {@code AGREED} with a new version
     * @throws IllegalTransitionException unless {@code PROPOSED}
     * @throws RuleViolationException     if the person's agreement is already recorded (R8), or the
     *                                    version cannot be agreed (R11, R22)
     * @throws InvalidInputException      if the content is no longer complete or the review date
     *                                    has passed (R7)
     */
    public CarePlan agree(Signature signature, LocalDate today) {
        require(PlanCommand.AGREE);
        Require.present("signature", signature);
        if (!signature.forThePerson()) {
            throw new RuleViolationException("R8", "a professional alone cannot agree a care plan");
        }
        if (personAgreement.isPresent()) {
            throw new RuleViolationException("R8", "the person's agreement is already recorded");
        }
        return signed(Optional.of(signature), leadCoSignature, signature.at(), today);
    }

    /**
     * Records the lead professional's co-signature (R8). If the person has agreed, the proposal
     * becomes the new agreed version.
     *
     * @param signature the lead professional's co-signature
     * @param today     the date of the command in England
     * @return the plan, still {@code PROPOSED} or now {@code AGREED} with a new version
     * @throws IllegalTransitionException unless {@code PROPOSED}
     * @throws RuleViolationException     if already co-signed, or the version cannot be agreed
     */
    public CarePlan coSign(Signature signature, LocalDate today) {
        require(PlanCommand.CO_SIGN);
        Require.present("signature", signature);
        if (signature.kind() != SignatoryKind.LEAD_PROFESSIONAL) {
            throw new RuleViolationException("R8", "only the lead professional co-signs");
        }
        if (leadCoSignature.isPresent()) {
            throw new RuleViolationException("R8", "the lead professional has already co-signed");
        }
        return signed(personAgreement, Optional.of(signature), signature.at(), today);
    }

    private CarePlan signed(Optional<Signature> person, Optional<Signature> lead, Instant at, LocalDate today) {
        if (person.isEmpty() || lead.isEmpty()) {
            return with(PlanStatus.PROPOSED, content, person, lead);
        }
        content.requireReadyForAgreement(today);
        LocalDate due = content.review().orElseThrow().nextReviewDue();
        Optional<CarePlanVersion> previous = latestAgreed();
        if (previous.isPresent() && due.equals(previous.get().nextReviewDue())) {
            // R11: completing a review requires a new review date; it may come sooner than the old
            // one (a deterioration, or a first budget review within 3 months), never in the past (R7).
            throw new RuleViolationException("R11", "a reviewed plan needs a new next review date");
        }
        boolean firstFunding = !content.budgetLines().isEmpty()
                && previous.map(v -> v.content().budgetLines().isEmpty()).orElse(true);
        if (firstFunding && due.isAfter(today.plusMonths(FIRST_BUDGET_REVIEW_MONTHS))) {
            // R22: a plan that starts funding a personal health budget is first reviewed within 3 months
            throw new RuleViolationException("R22",
                    "a plan that funds a personal health budget must be reviewed within 3 months");
        }
        List<CarePlanVersion> next = new ArrayList<>(versions);
        next.add(new CarePlanVersion(versions.size() + 1, content, person.get(), lead.get(), at));
        return new CarePlan(id, patient, PlanStatus.AGREED, content, next, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), draftedAt);
    }

    /**
     * Starts a review: a new draft version opens with the agreed content; the agreed version stays
     * current until the new one is agreed (R6, R10).
     *
     * @return the plan, in {@code UNDER_REVIEW}
     * @throws IllegalTransitionException unless {@code AGREED}
     */
    public CarePlan startReview() {
        require(PlanCommand.START_REVIEW);
        return with(PlanStatus.UNDER_REVIEW, content, Optional.empty(), Optional.empty());
    }

    /**
     * Ends the plan. Agreed versions stay retrievable.
     *
     * @param reason why the plan ends
     * @param at     when it ends
     * @return the plan, {@code ENDED}
     * @throws IllegalTransitionException if already ended or entered in error
     */
    public CarePlan end(EndReason reason, Instant at) {
        require(PlanCommand.END);
        Require.present("reason", reason);
        return new CarePlan(id, patient, PlanStatus.ENDED, content, versions, Optional.empty(), Optional.empty(),
                Optional.of(reason), Optional.of(at), draftedAt);
    }

    /**
     * Marks the plan as recorded in error: it is kept for audit but never counted (R13).
     *
     * @param at when the error is recorded; an ended plan keeps its end time
     * @return the plan, {@code ENTERED_IN_ERROR}
     * @throws IllegalTransitionException if already entered in error
     */
    public CarePlan enterInError(Instant at) {
        require(PlanCommand.ENTER_IN_ERROR);
        return new CarePlan(id, patient, PlanStatus.ENTERED_IN_ERROR, content, versions, Optional.empty(),
                Optional.empty(), endReason, Optional.of(endedAt.orElse(at)), draftedAt);
    }

    /**
     * Checks that {@code command} is allowed in the current state.
     *
     * @param command the command about to be applied
     * @throws IllegalTransitionException naming the state and the command if not
     */
    public void requireAllows(PlanCommand command) {
        require(command);
    }

    private void require(PlanCommand command) {
        if (!status.allows(command)) {
            String rule = command == PlanCommand.EDIT && (status == PlanStatus.AGREED || status == PlanStatus.PROPOSED)
                    ? "R10" : "PLAN_LIFECYCLE";
            throw new IllegalTransitionException(rule, status.name(), command.name());
        }
    }

    private CarePlan with(PlanStatus next, CarePlanContent nextContent, Optional<Signature> person,
            Optional<Signature> lead) {
        return new CarePlan(id, patient, next, nextContent, versions, person, lead, Optional.empty(), Optional.empty(),
                draftedAt);
    }

    /**
     * The agreed version in force: the latest agreed version while the plan is agreed, under review
     * or proposed again; empty for a plan never agreed, ended or entered in error (R6).
     *
     * @return the agreed version in force, or empty
     */
    public Optional<CarePlanVersion> currentAgreed() {
        return status.isClosed() ? Optional.empty() : latestAgreed();
    }

    private Optional<CarePlanVersion> latestAgreed() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * The agreed version that was in force at the end of {@code date} in {@code zone}: the latest
     * version agreed on or before that date, if the plan had not ended by then. Never one of a plan
     * entered in error (R13).
     *
     * @param date the date asked about
     * @param zone the zone the date is read in
     * @return the agreed version in force at the end of that date, or empty
     */
    public Optional<CarePlanVersion> agreedOn(LocalDate date, ZoneId zone) {
        if (status == PlanStatus.ENTERED_IN_ERROR) {
            return Optional.empty();
        }
        if (endedAt.isPresent() && !LocalDate.ofInstant(endedAt.get(), zone).isAfter(date)) {
            return Optional.empty();
        }
        CarePlanVersion found = null;
        for (CarePlanVersion v : versions) {
            if (!LocalDate.ofInstant(v.agreedAt(), zone).isAfter(date)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Agreed version {@code number}.
     *
     * @param number the version number, from 1
     * @return the version
     * @throws NotFoundException if there is no such version
     */
    public CarePlanVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new NotFoundException("CarePlanVersion", id + "/" + number);
        }
        return versions.get(number - 1);
    }

    /**
     * What changed, section by section, from agreed version {@code number} to the plan as it is now:
     * the working draft while under review or proposed, otherwise the latest agreed version.
     *
     * @param number the agreed version to compare from
     * @return the changed sections, in section order
     * @throws NotFoundException if there is no such version
     */
    public List<SectionChange> changesSince(int number) {
        return CarePlanContent.between(version(number).content(), content);
    }

    /**
     * What changed, section by section, from agreed version {@code from} to agreed version {@code to}.
     *
     * @param from the earlier agreed version
     * @param to   the later agreed version
     * @return the changed sections, in section order
     * @throws NotFoundException if either version does not exist
     */
    public List<SectionChange> changesBetween(int from, int to) {
        return CarePlanContent.between(version(from).content(), version(to).content());
    }

    /**
     * {@return whether the agreed version in force is overdue for review on {@code date} (R11)}
     *
     * @param date the date asked about
     */
    public boolean isOverdueOn(LocalDate date) {
        return currentAgreed().map(v -> v.isOverdueOn(date)).orElse(false);
    }
}
