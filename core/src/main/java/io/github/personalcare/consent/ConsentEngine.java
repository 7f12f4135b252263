package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.RelationshipKind;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.CompetenceAssessment;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.PatientFlag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * Decides one access request from the facts given: pure (no I/O, no clock, no logging),
 * deterministic and thread-safe. The answer is a permit with obligations or a deny, naming the
 * rule (an R-number) or the consent provision ({@code "Consent/<id>#provision.provision[0]"})
 * that decided, with reasons in words and no personal data.
 *
 * <p>The order of evaluation, which {@code docs/consent-policy.md} explains in plain English:
 * <ol>
 *   <li>Population requests: commissioners, administrators, clinicians and privacy officers for
 *       aggregate work; never research (R42).</li>
 *   <li>No patient record: deny (R38, fail closed), except a professional registering a new patient.</li>
 *   <li>The patient themself: their own record from the online-access age or with a Gillick
 *       record (R48, R46), never items withheld as third-party or serious harm, nothing of the
 *       clinical record while enhanced review is indicated (R48); always with REDACT_WITHHELD.</li>
 *   <li>System actors: administration only.</li>
 *   <li>Disclosing a sensitive (S-flagged) patient's demographics or referral: deny (R49).</li>
 *   <li>Consents: active ones whose scope covers the purpose (R43); the deepest matching
 *       provision of each decides (R45); opt-in roots deny what no provision permits.</li>
 *   <li>Emergency by a professional: direct care if they have a relationship and no objection;
 *       otherwise break-glass (R40): clinical role, an allowed action and a reason (or an episode
 *       opened within the validity window) give a permit with AUDIT, NOTIFY_PATIENT (only when the
 *       reason opens the episode: the patient is told once per episode) and ALERT_PRIVACY_OFFICER,
 *       overriding objections.</li>
 *   <li>Any consent deny: deny (R41, deny overrides permit, R45).</li>
 *   <li>Research and planning: deny under the national data opt-out unless an explicit consent
 *       names the purpose (R42); without the opt-out, only with such a consent.</li>
 *   <li>Carers and other proxies: only within a consent that grants it, given by someone who
 *       could give it at the patient's age (R46, R47), or, for the care plan and care team only, as
 *       a carer with proxy rights recorded on the care team (R12; never between the proxy-restriction
 *       and adult-proxy birthdays); never third-party or serious-harm items (R48).</li>
 *   <li>Professionals: direct care needs a legitimate relationship and a clinical role (R39), or
 *       a self-claimed relationship by a clinician with a reason, if the policy accepts them: a
 *       permit with AUDIT, NOTIFY_PATIENT and ALERT_PRIVACY_OFFICER (R40); administration a relationship; audit
 *       review the privacy-officer role.</li>
 * </ol>
 *
 * <p>Consents are read through the index {@link ConsentFacts} keeps of them (by the actor, data
 * class, purpose and action each can apply to), so a decision reads only the consents that can
 * apply, whatever the number the patient holds; those are evaluated in full, provision criteria
 * cheapest first (period, action, class, purpose, then actor), and strings for rules and paths are
 * built only for the deciding provision.
 *
 * <p>Allocation: once the facts have decided once, the common permits allocate nothing: a
 * professional's direct care with no consent or one consent applying, and the permit one consent
 * decides for a proxy, a researcher or break-glass over one objection (and break-glass with none).
 * The index is built on the first decision that reads consents (about a hundred bytes a consent);
 * the first consent that applies and can withhold nothing is evaluated alone into an outcome the
 * index keeps per consent (its grant or deny with the rule naming the provision, worked out once),
 * and the fixed-shape permit built from it is remembered by it, keyed by its reason; the request's
 * date is kept per request time. What still allocates: the evaluation when two or more consents
 * apply or one withholds labels, most denies (a small record with constant strings; a consent's
 * deny names it), permits whose reasons depend on more than one consent or on the patient's
 * competence (R46), self-claimed relationships and withheld labels, and the date of each new
 * request time (the zone's rules box the year).
 */
public final class ConsentEngine {
    // obligations of the fixed-shape permits, made once (a decision is made on every access)
    private static final Set<Obligation> PROXY_OBLIGATIONS =
            Collections.unmodifiableSet(EnumSet.of(Obligation.AUDIT, Obligation.REDACT_WITHHELD));
    private static final Set<Obligation> BREAK_GLASS_OPENING = Collections.unmodifiableSet(
            EnumSet.of(Obligation.AUDIT, Obligation.NOTIFY_PATIENT, Obligation.ALERT_PRIVACY_OFFICER));
    private static final Set<Obligation> BREAK_GLASS_WITHIN =
            Collections.unmodifiableSet(EnumSet.of(Obligation.AUDIT, Obligation.ALERT_PRIVACY_OFFICER));
    private static final Set<Obligation> AUDIT_ONLY = Collections.unmodifiableSet(EnumSet.of(Obligation.AUDIT));

    // reasons of the fixed-shape permits: constants, and the keys under which a permit built from a
    // consent's kept outcome is remembered (ConsentEvaluation#remember), so each names one shape
    private static final String BREAK_GLASS_OPENING_WHY = "R40: emergency access with a recorded reason; audited, "
            + "the patient notified, the privacy officer alerted";
    private static final String BREAK_GLASS_WITHIN_WHY = "R40: within an open break-glass episode; audited, the "
            + "privacy officer alerted (the patient was notified when the episode opened)";
    private static final String RESEARCH_EXEMPT_WHY = "R42: the patient's explicit consent to this specific use is "
            + "an exemption to the national data opt-out";
    private static final String RESEARCH_CONSENTED_WHY = "R42: the patient explicitly consented to this use";
    private static final String PROXY_WHY = "R47: a proxy acting within the scope and period granted by the patient "
            + "or a legal authority";

    // the denies when no consent speaks for a researcher or a proxy: the same for every patient
    private static final AccessDecision.Deny NO_RESEARCH_CONSENT = AccessDecision.deny("R42",
            "research and planning need the patient's explicit consent to that purpose");
    private static final AccessDecision.Deny NO_PROXY_GRANT = AccessDecision.deny("R47",
            "a proxy acts only within a scope and period granted by the patient or a legal authority");

    // break-glass with no objection to override names no consent: the same permit for every patient
    private static final AccessDecision.Permit BREAK_GLASS_OPENING_PERMIT =
            new AccessDecision.Permit("R40", List.of(BREAK_GLASS_OPENING_WHY), BREAK_GLASS_OPENING);
    private static final AccessDecision.Permit BREAK_GLASS_WITHIN_PERMIT =
            new AccessDecision.Permit("R40", List.of(BREAK_GLASS_WITHIN_WHY), BREAK_GLASS_WITHIN);

    private static final Set<DataClass> CLINICAL_RECORD = EnumSet.of(DataClass.CARE_PLAN, DataClass.CARE_TEAM,
            DataClass.REFERRAL, DataClass.BUDGET);

    private final boolean everyConsent;

    /** An engine; it holds no state, so one instance serves every thread. */
    public ConsentEngine() {
        this(false);
    }

    private ConsentEngine(boolean everyConsent) {
        this.everyConsent = everyConsent;
    }

    /**
     * The reference engine: the same rules, reading every consent in full instead of the ones the
     * facts' index finds. For the equivalence tests and the benchmark's baseline only.
     */
    static ConsentEngine readingEveryConsent() {
        return new ConsentEngine(true);
    }

    /**
     * Decides the request.
     *
     * @param request the request: who asks, for what purpose, to do what with which class of whose data
     * @param facts   the patient's consents and record, the actor's relationships and the policy, read
     *                beforehand; their patient must be the request's
     * @return a permit with its obligations, or a deny, naming the rule or consent provision that
     *         decided, with reasons
     * @throws NullPointerException if the request or facts are null (a caller error, not a decision)
     */
    public AccessDecision decide(AccessRequest request, ConsentFacts facts) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(facts, "facts");
        Actor actor = request.actor();
        if (request.purpose() == Purpose.MIGRATION) {
            return migration(request)
                    ? AccessDecision.permit("MIGRATION", "a system component imports the patient's record")
                    : AccessDecision.deny("MIGRATION", "only a system component imports records, one patient at a time");
        }
        if (request.patient().isEmpty()) {
            return population(request);
        }
        if (facts.patient().isEmpty()) {
            if (actor instanceof Actor.Professional && request.action() == AccessAction.COLLECT
                    && request.dataClass() == DataClass.DEMOGRAPHICS) {
                return AccessDecision.permit("REGISTRATION", "a professional registers a new patient");
            }
            return AccessDecision.deny("R38", "the patient record is not available, so the request cannot be evaluated");
        }
        Patient patient = facts.patient().get();
        if (!patient.id().equals(request.patient().get())) {
            return AccessDecision.deny("R38", "the facts are about another patient, so the request cannot be evaluated");
        }
        ConsentPolicy policy = facts.policy();
        if (actor instanceof Actor.PatientActor self) {
            return self(request, patient, self, ConsentIndex.of(facts).today(request.at(), policy.zone()), policy);
        }
        if (actor instanceof Actor.SystemActor) {
            return request.purpose() == Purpose.ADMINISTRATION
                    ? AccessDecision.permit("SYSTEM", "a system component acting for administration")
                    : AccessDecision.deny("SYSTEM", "system components act for administration only");
        }
        if (patient.has(PatientFlag.SENSITIVE) && request.action() == AccessAction.DISCLOSE
                && (request.dataClass() == DataClass.DEMOGRAPHICS || request.dataClass() == DataClass.REFERRAL)) {
            return AccessDecision.deny("R49", "the patient's record is restricted (S flag): location details and "
                    + "referrals are never disclosed");
        }
        ConsentEvaluation consents = everyConsent
                ? ConsentEvaluation.everyConsent(request, facts, patient, policy)
                : ConsentEvaluation.of(request, facts, patient, policy);
        if (consents.unevaluable()) {
            return AccessDecision.deny("R38", "the facts hold a consent of another patient, so the request cannot be "
                    + "evaluated");
        }
        if (actor instanceof Actor.Professional professional && request.purpose() == Purpose.EMERGENCY) {
            return emergency(request, professional, facts, consents, policy);
        }
        if (consents.denies()) {
            return consents.denyDecision();
        }
        if (request.purpose().isSecondaryUse()) {
            return secondaryUse(patient, consents);
        }
        if (actor instanceof Actor.Carer) {
            LocalDate today = ConsentIndex.of(facts).today(request.at(), policy.zone());
            return proxy(request, patient, facts, consents, today, policy);
        }
        return professional(request, (Actor.Professional) actor, facts, consents, policy);
    }

    /** A bulk import (care.imports()): only a system actor storing one patient's record. */
    private static boolean migration(AccessRequest request) {
        return request.actor() instanceof Actor.SystemActor && request.patient().isPresent()
                && request.action() == AccessAction.COLLECT;
    }

    // --- population -------------------------------------------------------------------------

    private static AccessDecision population(AccessRequest request) {
        Actor actor = request.actor();
        Purpose purpose = request.purpose();
        if (purpose == Purpose.RESEARCH) {
            return AccessDecision.deny("R42", "research across patients needs each patient's explicit consent "
                    + "and opt-out check; population research queries are not offered");
        }
        if (actor instanceof Actor.SystemActor) {
            return purpose == Purpose.ADMINISTRATION
                    ? AccessDecision.permit("POPULATION", "a system component acting for administration")
                    : AccessDecision.deny("POPULATION", "system components act for administration only");
        }
        if (actor instanceof Actor.Professional p) {
            ProfessionalRole role = p.role();
            if (purpose == Purpose.AUDIT && role == ProfessionalRole.PRIVACY_OFFICER) {
                return AccessDecision.permit("POPULATION", "a privacy officer reviews access across patients");
            }
            boolean reporting = role == ProfessionalRole.COMMISSIONER || role == ProfessionalRole.ADMINISTRATOR
                    || role.isClinical();
            if (reporting && purpose != Purpose.EMERGENCY && purpose != Purpose.PATIENT_SELF_SERVICE) {
                return AccessDecision.permit("POPULATION", "an aggregate query by a commissioner, administrator or "
                        + "clinician");
            }
        }
        return AccessDecision.deny("POPULATION", "population queries need a commissioner, administrator, clinician "
                + "or privacy officer acting for a fitting purpose");
    }

    /**
     * What administration (booking, registration, payments) may do with each class of data, the
     * role-based part of access (domain notes §4.4): the record's demographics (the service lets
     * administration change only the opt-out flag) and the budget in full; the care team, consents
     * and referrals read, never changed (a consent or a carer with authority recorded by
     * administration would grant access administration does not have); care plans and the audit log
     * not at all. Appointments are administration's own work (booking, cancelling, recording
     * attendance); e-consultation and repeat prescription requests are read by administration to
     * route them, never decided by it; messages and feedback are not administration's to see.
     */
    static boolean administrationMay(AccessAction action, DataClass dataClass) {
        return switch (dataClass) {
            case DEMOGRAPHICS, BUDGET, APPOINTMENT -> true;
            case CARE_TEAM, CONSENT, REFERRAL, ECONSULTATION, PRESCRIPTION -> action == AccessAction.ACCESS;
            case CARE_PLAN, AUDIT_LOG, MESSAGE, FEEDBACK -> false;
        };
    }

    // --- the patient themself -----------------------------------------------------------------

    private static AccessDecision self(AccessRequest request, Patient patient, Actor.PatientActor self,
            LocalDate today, ConsentPolicy policy) {
        if (!self.patient().equals(patient.id())) {
            return AccessDecision.deny("SELF", "a patient acts only on their own record");
        }
        if (withheldFromPatientAndProxies(request.labels())) {
            return AccessDecision.deny("R48", "the item is withheld from the patient (third-party or serious harm)");
        }
        String rule = "R48";
        List<String> reasons = new ArrayList<>(2);
        reasons.add("the patient's own record, minus items withheld from them");
        if (patient.ageOn(today) < policy.patientOnlineAccessAge()) {
            Optional<CompetenceAssessment> competence =
                    patient.gillickCompetenceFor(CompetenceDecision.OWN_RECORD_ACCESS, today);
            if (competence.isEmpty()) {
                return AccessDecision.deny("R48", "online access to one's own record starts at the online-access age "
                        + "unless the patient is assessed Gillick competent to see it");
            }
            rule = "R46";
            reasons.add("R46: " + competence.get().citation());
        }
        if (patient.has(PatientFlag.ENHANCED_REVIEW_INDICATED) && request.action() == AccessAction.ACCESS
                && CLINICAL_RECORD.contains(request.dataClass())) {
            return AccessDecision.deny("R48", "enhanced review indicated (SNOMED 1364731000000104): no automatic "
                    + "access until 1364751000000106 is recorded");
        }
        return new AccessDecision.Permit(rule, reasons,
                EnumSet.of(Obligation.AUDIT, Obligation.REDACT_WITHHELD), WITHHELD_FROM_PATIENT_AND_PROXIES);
    }

    /** R48: what a clinician marks as third-party or serious-harm is never shown to the patient or proxies. */
    private static final Set<SensitivityLabel> WITHHELD_FROM_PATIENT_AND_PROXIES =
            Set.copyOf(EnumSet.of(SensitivityLabel.THIRD_PARTY, SensitivityLabel.SERIOUS_HARM));

    private static Set<SensitivityLabel> forProxy(ConsentEvaluation consents) {
        if (!consents.withholds()) {
            return WITHHELD_FROM_PATIENT_AND_PROXIES;
        }
        EnumSet<SensitivityLabel> all = EnumSet.copyOf(consents.withheld());
        all.addAll(WITHHELD_FROM_PATIENT_AND_PROXIES);
        return all;
    }

    private static boolean withheldFromPatientAndProxies(Set<SensitivityLabel> labels) {
        return labels.contains(SensitivityLabel.THIRD_PARTY) || labels.contains(SensitivityLabel.SERIOUS_HARM);
    }

    // --- emergency and break-glass ------------------------------------------------------------

    private static AccessDecision emergency(AccessRequest request, Actor.Professional professional,
            ConsentFacts facts, ConsentEvaluation consents, ConsentPolicy policy) {
        boolean clinical = professional.role().isClinical();
        Relationship relationship = professionalRelationship(facts.relationships());
        if (!consents.denies() && relationship != null
                && (clinical || !policy.directCareRequiresClinicalRole())) {
            return directCarePermit(relationship, consents, facts);
        }
        if (policy.breakGlassRequiresClinicalRole() && !clinical) {
            return AccessDecision.deny("R40", "break-glass needs a clinical role");
        }
        if (!policy.breakGlassActions().contains(request.action())) {
            return AccessDecision.deny("R40", "break-glass does not allow this action");
        }
        Instant at = request.at();
        // plain code rather than Optional.map: no capturing lambda per emergency decision
        Optional<Instant> opened = facts.breakGlassOpenedAt();
        boolean episodeOpen = opened.isPresent() && !at.isBefore(opened.get())
                && at.isBefore(opened.get().plus(policy.breakGlassValidity()));
        if (request.context().reason().isEmpty() && !episodeOpen) {
            return AccessDecision.deny("R40", "break-glass needs a reason");
        }
        boolean opensEpisode = request.context().reason().isPresent();
        if (!consents.denies()) {
            // one notice to the patient per episode, not one per read within it
            return opensEpisode ? BREAK_GLASS_OPENING_PERMIT : BREAK_GLASS_WITHIN_PERMIT;
        }
        String why = opensEpisode ? BREAK_GLASS_OPENING_WHY : BREAK_GLASS_WITHIN_WHY;
        // overriding one objection: the permit depends on that objection and the reason only
        AccessDecision.Permit remembered = consents.remembered(why);
        if (remembered != null) {
            return remembered;
        }
        List<String> reasons = List.of(why, "R41: break-glass overrides the patient's objection " + consents.denyRule());
        return consents.remember(why,
                new AccessDecision.Permit("R40", reasons, opensEpisode ? BREAK_GLASS_OPENING : BREAK_GLASS_WITHIN));
    }

    // --- secondary uses -----------------------------------------------------------------------

    private static AccessDecision secondaryUse(Patient patient, ConsentEvaluation consents) {
        ConsentEvaluation.Grant grant = null;
        List<ConsentEvaluation.Grant> grants = consents.grants();
        for (int i = 0; i < grants.size(); i++) { // by index: no iterator per decision
            ConsentEvaluation.Grant g = grants.get(i);
            if (g.purposeNamed()) {
                grant = g;
                break;
            }
        }
        if (grant != null) {
            String why = patient.has(PatientFlag.NATIONAL_DATA_OPT_OUT) ? RESEARCH_EXEMPT_WHY : RESEARCH_CONSENTED_WHY;
            // the permit depends on the first grant naming the purpose and the reason only
            AccessDecision.Permit remembered = consents.remembered(why);
            if (remembered != null) {
                return remembered;
            }
            return consents.remember(why, new AccessDecision.Permit(grant.rule(), List.of(why), AUDIT_ONLY));
        }
        if (patient.has(PatientFlag.NATIONAL_DATA_OPT_OUT)) {
            return AccessDecision.deny("R42", "the national data opt-out is recorded: no research or planning use "
                    + "of identifiable data");
        }
        if (consents.competenceIgnored()) {
            return AccessDecision.deny("R46", "a consent given by a child without a record of Gillick competence "
                    + "grants nothing");
        }
        return NO_RESEARCH_CONSENT;
    }

    // --- carers and other proxies --------------------------------------------------------------

    private static AccessDecision proxy(AccessRequest request, Patient patient, ConsentFacts facts,
            ConsentEvaluation consents, LocalDate today, ConsentPolicy policy) {
        if (withheldFromPatientAndProxies(request.labels())) {
            return AccessDecision.deny("R48", "the item is withheld from the patient and proxies (third-party or "
                    + "serious harm)");
        }
        int age = patient.ageOn(today);
        String refusal = null;
        List<ConsentEvaluation.Grant> grants = consents.grants();
        for (int i = 0; i < grants.size(); i++) { // by index: no iterator per decision
            ConsentEvaluation.Grant g = grants.get(i);
            refusal = proxyAuthorityRefusal(g.consent().terms().performer(), patient, age, today, policy);
            if (refusal == null) {
                if (age < policy.adultProxyAge() && age >= policy.proxyRestrictionAge()
                        && g.consent().terms().performer() instanceof Performer.PatientSelf) {
                    Optional<CompetenceAssessment> competence =
                            patient.gillickCompetenceFor(CompetenceDecision.SHARING_CONSENT, today);
                    if (competence.isPresent()) {
                        return new AccessDecision.Permit(g.rule(), List.of(PROXY_WHY, "R46: "
                                + competence.get().citation()), PROXY_OBLIGATIONS, forProxy(consents));
                    }
                }
                if (consents.withholds()) {
                    return new AccessDecision.Permit(g.rule(), List.of(PROXY_WHY), PROXY_OBLIGATIONS,
                            forProxy(consents));
                }
                // the common proxy permit depends on the first grant and nothing else (a kept outcome
                // has that one grant and withholds nothing)
                AccessDecision.Permit remembered = consents.remembered(PROXY_WHY);
                if (remembered != null) {
                    return remembered;
                }
                return consents.remember(PROXY_WHY, new AccessDecision.Permit(g.rule(), List.of(PROXY_WHY),
                        PROXY_OBLIGATIONS, WITHHELD_FROM_PATIENT_AND_PROXIES));
            }
        }
        if (refusal != null) {
            return AccessDecision.deny("R47", refusal);
        }
        AccessDecision carePlanning = carePlanningInvolvement(request, facts, consents, age, policy);
        if (carePlanning != null) {
            return carePlanning;
        }
        if (consents.competenceIgnored()) {
            return AccessDecision.deny("R46", "a consent given by a child without a record of Gillick competence "
                    + "grants nothing");
        }
        return NO_PROXY_GRANT;
    }

    /**
     * R12: a carer on the care team (which relates a carer only on the patient's recorded agreement
     * or a representative's legal authority) may take part in care planning: view and help draft
     * the care plan and see the care team; the care plan service applies its own finer rules. Other data needs a consent.
     * Between the proxy-restriction and adult-proxy birthdays a consent is always needed (R47).
     * Null when this route does not apply.
     */
    private static AccessDecision carePlanningInvolvement(AccessRequest request, ConsentFacts facts,
            ConsentEvaluation consents, int age, ConsentPolicy policy) {
        if (request.dataClass() != DataClass.CARE_PLAN && request.dataClass() != DataClass.CARE_TEAM) {
            return null;
        }
        if (request.action() == AccessAction.DISCLOSE || request.action() == AccessAction.USE) {
            return null;
        }
        if (age >= policy.proxyRestrictionAge() && age < policy.adultProxyAge()) {
            return null;
        }
        List<Relationship> relationships = facts.relationships();
        for (int i = 0; i < relationships.size(); i++) {
            Relationship r = relationships.get(i);
            if (r.kind() == RelationshipKind.CARER_WITH_PROXY || r.kind() == RelationshipKind.CARER) {
                return new AccessDecision.Permit("R12", List.of("R12: a carer whose involvement is recorded on the "
                        + "care team (" + r.source() + ") takes part in care planning"),
                        EnumSet.of(Obligation.AUDIT, Obligation.REDACT_WITHHELD), forProxy(consents));
            }
        }
        return null;
    }

    /**
     * Null if the performer could grant proxy access at the patient's age, else why not (R47, §4.5):
     * under the proxy-restriction age the patient or any representative; from it until the
     * adult-proxy age the child assessed as competent, or, for a child without competence, a
     * best-interests decision; from the adult-proxy age the patient, or a representative with an
     * adult authority while the patient lacks capacity.
     */
    private static String proxyAuthorityRefusal(Performer performer, Patient patient, int age, LocalDate today,
            ConsentPolicy policy) {
        boolean bySelf = performer instanceof Performer.PatientSelf;
        LegalAuthority authority = performer instanceof Performer.Representative r ? r.authority() : null;
        if (age >= policy.adultProxyAge()) {
            if (bySelf) {
                return null;
            }
            if (!authority.actsForAnAdult()) {
                return "from the adult-proxy birthday parental responsibility no longer grants proxy access";
            }
            if (!patient.has(PatientFlag.LACKS_CAPACITY)) {
                return "a representative acts for an adult only while the patient lacks capacity; otherwise the "
                        + "patient's own consent is needed";
            }
            return null;
        }
        if (age >= policy.proxyRestrictionAge()) {
            boolean competent = patient.gillickCompetenceFor(CompetenceDecision.SHARING_CONSENT, today).isPresent();
            if (competent && bySelf) {
                return null;
            }
            if (!competent && authority == LegalAuthority.BEST_INTERESTS_DECISION) {
                return null;
            }
            return competent
                    ? "from the proxy-restriction birthday a competent child's own consent is needed"
                    : "from the proxy-restriction birthday a child without competence needs a recorded best-interests "
                            + "decision";
        }
        return null;
    }

    // --- professionals ------------------------------------------------------------------------

    private static AccessDecision professional(AccessRequest request, Actor.Professional professional,
            ConsentFacts facts, ConsentEvaluation consents, ConsentPolicy policy) {
        Relationship relationship = professionalRelationship(facts.relationships());
        switch (request.purpose()) {
            case DIRECT_CARE:
                if (relationship == null && request.context().relationshipClaimed()) {
                    return selfClaimed(request, professional, consents, policy);
                }
                if (relationship == null) {
                    return AccessDecision.deny("R39", "no legitimate relationship (care team, referral or registration)");
                }
                if (policy.directCareRequiresClinicalRole() && !professional.role().isClinical()) {
                    return AccessDecision.deny("R39", "direct care needs a clinical role");
                }
                return directCarePermit(relationship, consents, facts);
            case ADMINISTRATION:
                if (relationship == null) {
                    return AccessDecision.deny("R39", "no legitimate relationship (care team, referral or registration)");
                }
                if (!administrationMay(request.action(), request.dataClass())) {
                    return AccessDecision.deny("ADMINISTRATION", "administration does not " + request.action()
                            + " " + request.dataClass() + ": clinical records are for direct care (role-based access)");
                }
                return AccessDecision.permit("ADMINISTRATION", "administration by someone involved in the "
                        + "patient's care: " + relationship.kind());
            case AUDIT:
                return professional.role() == ProfessionalRole.PRIVACY_OFFICER
                        && request.dataClass() == DataClass.AUDIT_LOG && request.action() == AccessAction.ACCESS
                        ? AccessDecision.permit("PRIVACY_REVIEW", "a privacy officer reviews the access log")
                        : AccessDecision.deny("PRIVACY_REVIEW", "audit review is for privacy officers reading the "
                                + "access log");
            case PATIENT_SELF_SERVICE:
                return AccessDecision.deny("SELF", "self-service is for the patient and their proxies");
            case EMERGENCY:
            case RESEARCH:
            case PLANNING:
                // decided before this point; reaching here would be a defect, so fail closed
                return AccessDecision.deny("R38", "the request could not be evaluated");
            default:
                return AccessDecision.deny("R38", "unknown purpose");
        }
    }

    private static AccessDecision selfClaimed(AccessRequest request, Actor.Professional professional,
            ConsentEvaluation consents, ConsentPolicy policy) {
        if (!policy.selfClaimedRelationships()) {
            return AccessDecision.deny("R40", "this organisation's policy does not accept self-claimed relationships");
        }
        if (!professional.role().isClinical()) {
            return AccessDecision.deny("R40", "a self-claimed relationship needs a clinical role");
        }
        if (request.action() != AccessAction.ACCESS) {
            // A claim nobody has verified lets a clinician see the record, never change it.
            return AccessDecision.deny("R40", "a self-claimed relationship allows viewing only");
        }
        List<String> reasons = new ArrayList<>(2);
        reasons.add("R40: self-claimed legitimate relationship with a recorded reason; audited, the privacy officer "
                + "alerted");
        EnumSet<Obligation> obligations = EnumSet.of(Obligation.AUDIT, Obligation.NOTIFY_PATIENT,
                Obligation.ALERT_PRIVACY_OFFICER);
        if (consents.withholds()) {
            reasons.add("R41: items labelled " + consents.withheld() + " are withheld from this viewer");
            obligations.add(Obligation.REDACT_WITHHELD);
        }
        return new AccessDecision.Permit("R40", reasons, obligations, consents.withheld());
    }

    private static AccessDecision directCarePermit(Relationship relationship, ConsentEvaluation consents,
            ConsentFacts facts) {
        if (!consents.withholds()) {
            // the common permit: built once per facts, so a repeated decision allocates nothing
            return ConsentIndex.of(facts).directCarePermit(relationship);
        }
        String why = "R39: legitimate relationship " + relationship.kind() + " (" + relationship.source() + ")";
        return new AccessDecision.Permit("R39",
                List.of(why, "R41: items labelled " + consents.withheld() + " are withheld from this viewer"),
                EnumSet.of(Obligation.AUDIT, Obligation.REDACT_WITHHELD), consents.withheld());
    }

    private static Relationship professionalRelationship(List<Relationship> relationships) {
        for (int i = 0; i < relationships.size(); i++) {
            Relationship r = relationships.get(i);
            if (r.isProfessional()) {
                return r;
            }
        }
        return null;
    }
}
