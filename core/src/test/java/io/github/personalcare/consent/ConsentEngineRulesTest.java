package io.github.personalcare.consent;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.patient.CompetenceAssessment;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.personalcare.access.Obligation.ALERT_PRIVACY_OFFICER;
import static io.github.personalcare.access.Obligation.AUDIT;
import static io.github.personalcare.access.Obligation.NOTIFY_PATIENT;
import static io.github.personalcare.access.Obligation.REDACT_WITHHELD;
import static io.github.personalcare.consent.ConsentFixtures.AE_CLINICIAN;
import static io.github.personalcare.consent.ConsentFixtures.AE_RECEPTIONIST;
import static io.github.personalcare.consent.ConsentFixtures.CARER;
import static io.github.personalcare.consent.ConsentFixtures.TODAY;
import static io.github.personalcare.consent.ConsentFixtures.GP;
import static io.github.personalcare.consent.ConsentFixtures.NOW;
import static io.github.personalcare.consent.ConsentFixtures.PARENT;
import static io.github.personalcare.consent.ConsentFixtures.POLICY;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE;
import static io.github.personalcare.consent.ConsentFixtures.PRACTICE_ADMIN;
import static io.github.personalcare.consent.ConsentFixtures.PRIVACY_OFFICER;
import static io.github.personalcare.consent.ConsentFixtures.RESEARCHER;
import static io.github.personalcare.consent.ConsentFixtures.UNIVERSITY;
import static io.github.personalcare.consent.ConsentFixtures.active;
import static io.github.personalcare.consent.ConsentFixtures.adult;
import static io.github.personalcare.consent.ConsentFixtures.breakGlass;
import static io.github.personalcare.consent.ConsentFixtures.facts;
import static io.github.personalcare.consent.ConsentFixtures.objectionTo;
import static io.github.personalcare.consent.ConsentFixtures.objectionToLabel;
import static io.github.personalcare.consent.ConsentFixtures.patientAged;
import static io.github.personalcare.consent.ConsentFixtures.proxyView;
import static io.github.personalcare.consent.ConsentFixtures.registeredAt;
import static io.github.personalcare.consent.ConsentFixtures.request;
import static io.github.personalcare.consent.ConsentFixtures.researchAt;
import static io.github.personalcare.consent.ConsentFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default rules as a table: each row names the rule it proves, the request, the facts and
 * the decision expected (outcome, deciding rule or consent provision, obligations).
 */
class ConsentEngineRulesTest {
    private static final ConsentEngine ENGINE = new ConsentEngine();

    record Row(String name, AccessRequest request, ConsentFacts facts, boolean permit, String rule,
            Set<Obligation> obligations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row permits(String name, AccessRequest request, ConsentFacts facts, String rule, Obligation... obligations) {
        Set<Obligation> expected = EnumSet.of(AUDIT);
        expected.addAll(List.of(obligations));
        return new Row(name, request, facts, true, rule, expected);
    }

    static Row denies(String name, AccessRequest request, ConsentFacts facts, String rule) {
        return new Row(name, request, facts, false, rule, Set.of());
    }

    static String first(ConsentRecord c) {
        return c.reference() + "#provision.provision[0]";
    }

    static String root(ConsentRecord c) {
        return c.reference() + "#provision";
    }

    static Stream<Row> rules() {
        Patient p = adult();
        var gpFacts = facts(p, List.of(registeredAt(p)));
        Patient optedOut = adult(PatientFlag.NATIONAL_DATA_OPT_OUT);
        Patient deceasedOptedOut = optedOut.withDateOfDeath(ConsentFixtures.TODAY.minusDays(3));
        Patient sensitive = adult(PatientFlag.SENSITIVE);
        Patient enhancedReview = adult(PatientFlag.ENHANCED_REVIEW_INDICATED);
        Patient fifteen = patientAged(15);

        ConsentRecord objectionToPractice = active(p, objectionTo(ProvisionActor.organisation(PRACTICE)));
        ConsentRecord objectionToGps = active(p, objectionTo(ProvisionActor.role(ProfessionalRole.GENERAL_PRACTITIONER)));
        ConsentRecord objectionToCarePlans = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny().dataClass(DataClass.CARE_PLAN))).build());
        ConsentRecord objectionToSexualHealth = active(p, objectionToLabel(SensitivityLabel.SEXUAL_HEALTH));
        ConsentRecord objectionToSomeoneElse = active(p, objectionTo(ProvisionActor.person(UserId.of("other-gp"))));
        ConsentRecord objectionToAe = active(p, objectionTo(ProvisionActor.organisation(AE_CLINICIAN.organisation())));
        ConsentRecord research = active(p, researchAt(UNIVERSITY));
        ConsentRecord researchOptedOut = active(optedOut, researchAt(UNIVERSITY));
        ConsentRecord privacyPermitWithoutPurpose = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.permit()
                        .actor(ProvisionActor.organisation(UNIVERSITY)))).build());
        ConsentRecord draftObjection = new ConsentRecord(ConsentId.random(), p.id(), ConsentStatus.DRAFT,
                NOW.minus(Duration.ofDays(1)), objectionTo(ProvisionActor.organisation(PRACTICE)));
        ConsentRecord withdrawnObjection = active(p, objectionTo(ProvisionActor.organisation(PRACTICE)))
                .withdraw(NOW.minus(Duration.ofHours(1)));
        ConsentRecord expiredGrant = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().actor(ProvisionActor.person(CARER.user())).provision(Provision.permit()
                        .action(AccessAction.ACCESS)
                        .period(ConsentPeriod.between(NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1))))))
                .build());
        ConsentRecord researchScopedOptIn = active(p, researchAt(UNIVERSITY));
        ConsentRecord practiceDeniedButThisGp = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny()
                        .actor(ProvisionActor.organisation(PRACTICE))
                        .provision(Provision.permit().actor(ProvisionActor.person(GP.user()))))).build());
        Actor.Professional otherGp = Actor.professional(UserId.of("gp-2"), ProfessionalRole.GENERAL_PRACTITIONER,
                PRACTICE);
        ConsentRecord onlyTheCarer = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_IN)
                .provision(Provision.root().provision(Provision.permit().actor(ProvisionActor.person(CARER.user()))))
                .denyingImpliedDirectCare()
                .build());
        ConsentRecord carerGrant = active(p, proxyView(CARER.user()));
        ConsentRecord noResearch = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.deny().purpose(Purpose.RESEARCH))).build());
        ConsentRecord proxiesOnTheCareTeam = active(p, ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
                .policyRule(BasePolicy.OPT_OUT)
                .provision(Provision.root().provision(Provision.permit()
                        .actor(ProvisionActor.related(io.github.personalcare.access.RelationshipKind.CARER_WITH_PROXY))
                        .action(AccessAction.ACCESS))).build());
        ConsentRecord carerObjection = active(p, objectionTo(ProvisionActor.person(CARER.user())));

        Patient child14 = patientAged(14);
        ConsentRecord grantBy14 = active(child14, proxyView(PARENT.user()));
        Patient gillick14 = patientAged(14).withAssessment(new CompetenceAssessment(CompetenceDecision.SHARING_CONSENT,
                true, UserId.of("gp-1"), TODAY.minusDays(60))).withAssessment(new CompetenceAssessment(
                CompetenceDecision.OWN_RECORD_ACCESS, true, UserId.of("gp-1"), TODAY.minusDays(60)));
        Patient planOnly14 = patientAged(14).withAssessment(new CompetenceAssessment(
                CompetenceDecision.CARE_PLAN_AGREEMENT, true, UserId.of("gp-1"), TODAY.minusDays(60)));
        ConsentRecord grantByPlanOnly14 = active(planOnly14, proxyView(PARENT.user()));
        ConsentRecord grantByGillick14 = active(gillick14, proxyView(PARENT.user()));
        Patient child8 = patientAged(8);
        Performer.Representative parentalResponsibility = Performer.representative(PARENT.user(),
                LegalAuthority.PARENTAL_RESPONSIBILITY);
        ConsentRecord parentGrant8 = active(child8, proxyView(PARENT.user(), parentalResponsibility));
        Patient child12 = patientAged(12);
        ConsentRecord parentGrant12 = active(child12, proxyView(PARENT.user(), parentalResponsibility));
        Patient young17 = patientAged(17);
        ConsentRecord parentGrant17 = active(young17, proxyView(PARENT.user(), parentalResponsibility));
        ConsentRecord bestInterests12 = active(child12, proxyView(PARENT.user(), Performer.representative(
                UserId.of("gp-1"), LegalAuthority.BEST_INTERESTS_DECISION)));
        Patient gillick12 = patientAged(12).withAssessment(new CompetenceAssessment(CompetenceDecision.SHARING_CONSENT,
                true, UserId.of("gp-1"), TODAY.minusDays(60)));
        ConsentRecord bestInterestsForCompetent12 = active(gillick12, proxyView(PARENT.user(),
                Performer.representative(UserId.of("gp-1"), LegalAuthority.BEST_INTERESTS_DECISION)));
        Patient adultWithCapacity = adult();
        ConsentRecord lpaWhileCapable = active(adultWithCapacity, proxyView(CARER.user(),
                Performer.representative(UserId.of("attorney-1"), LegalAuthority.LPA_HEALTH_AND_WELFARE)));
        Patient adultLacksCapacity = adult(PatientFlag.LACKS_CAPACITY);
        ConsentRecord lpaGrant = active(adultLacksCapacity, proxyView(CARER.user(),
                Performer.representative(UserId.of("attorney-1"), LegalAuthority.LPA_HEALTH_AND_WELFARE)));

        return Stream.of(
                // R38 fail closed
                denies("R38 a request about a patient whose record is missing is denied", view(p, GP, Purpose.DIRECT_CARE),
                        new ConsentFacts(List.of(), List.of(registeredAt(p)), Optional.empty(), POLICY, Optional.empty()),
                        "R38"),
                denies("R38 facts about another patient are denied", view(p, GP, Purpose.DIRECT_CARE),
                        facts(adult(), List.of(registeredAt(p))), "R38"),
                denies("R38 a consent of another patient among the facts makes the request unevaluable",
                        view(p, GP, Purpose.DIRECT_CARE),
                        facts(p, List.of(registeredAt(p)), active(adult(), objectionTo(ProvisionActor.person(
                                UserId.of("someone"))))), "R38"),
                // R39 legitimate relationship and clinical role
                permits("R39 a GP at the registered practice sees the care plan for direct care",
                        view(p, GP, Purpose.DIRECT_CARE), gpFacts, "R39"),
                denies("R39 a clinician with no relationship is denied direct care",
                        view(p, AE_CLINICIAN, Purpose.DIRECT_CARE), facts(p), "R39"),
                denies("R39 a non-clinical role at the registered practice is denied direct care",
                        view(p, PRACTICE_ADMIN, Purpose.DIRECT_CARE), gpFacts, "R39"),
                denies("R39 a carer-on-team relationship is not a professional relationship",
                        view(p, AE_CLINICIAN, Purpose.DIRECT_CARE), facts(p, List.of(ConsentFixtures.carerOnTeam())),
                        "R39"),
                permits("R39 emergency care by a registered GP is direct care and raises no alert",
                        breakGlass(p, GP, "collapsed in surgery"), gpFacts, "R39"),
                // R40 break-glass
                permits("R40 an A&E clinician with no relationship and a reason breaks the glass",
                        breakGlass(p, AE_CLINICIAN, "unconscious on arrival"), facts(p), "R40",
                        NOTIFY_PATIENT, ALERT_PRIVACY_OFFICER),
                denies("R40 emergency access without a reason is denied", breakGlass(p, AE_CLINICIAN, null), facts(p),
                        "R40"),
                denies("R40 break-glass by a non-clinical role is denied",
                        breakGlass(p, AE_RECEPTIONIST, "asked by the doctor"), facts(p), "R40"),
                denies("R40 break-glass allows viewing only",
                        new AccessRequest(AccessContext.of(AE_CLINICIAN, Purpose.EMERGENCY, "unconscious"),
                                Optional.of(p.id()), AccessAction.CORRECT, DataClass.CARE_PLAN, Set.of(), NOW),
                        facts(p), "R40"),
                permits("R40 within the break-glass window no new reason is needed; it still alerts, and the patient, "
                                + "told when the episode opened, is not told again",
                        breakGlass(p, AE_CLINICIAN, null),
                        facts(p).withBreakGlassOpenedAt(NOW.minus(Duration.ofHours(1))), "R40",
                        ALERT_PRIVACY_OFFICER),
                denies("R40 after the break-glass window a new reason is needed", breakGlass(p, AE_CLINICIAN, null),
                        facts(p).withBreakGlassOpenedAt(NOW.minus(Duration.ofHours(9))), "R40"),
                permits("R40 break-glass overrides the patient's objection (R41 except break-glass)",
                        breakGlass(p, AE_CLINICIAN, "unconscious on arrival"), facts(p, objectionToAe), "R40",
                        NOTIFY_PATIENT, ALERT_PRIVACY_OFFICER),
                // R41 objections
                denies("R41 an objection to an organisation denies its GP direct care",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), objectionToPractice),
                        first(objectionToPractice)),
                denies("R41 an objection to a professional role denies that role",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), objectionToGps),
                        first(objectionToGps)),
                denies("R41 an objection to a data class denies that class",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), objectionToCarePlans),
                        first(objectionToCarePlans)),
                denies("R41 an objection to a label denies a request for data with that label",
                        request(p, GP, Purpose.DIRECT_CARE, AccessAction.ACCESS, DataClass.CARE_PLAN,
                                SensitivityLabel.SEXUAL_HEALTH),
                        facts(p, List.of(registeredAt(p)), objectionToSexualHealth), first(objectionToSexualHealth)),
                permits("R41 an objection to a label withholds labelled items from an otherwise permitted viewer",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), objectionToSexualHealth),
                        "R39", REDACT_WITHHELD),
                denies("R41 an objection to a purpose overrides an explicit consent to it (deny overrides permit)",
                        view(p, RESEARCHER, Purpose.RESEARCH), facts(p, research, noResearch), first(noResearch)),
                permits("R41 an objection to someone else leaves this GP's implied consent",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), objectionToSomeoneElse),
                        "R39"),
                // R42 national data opt-out and secondary uses
                denies("R42 a researcher is denied when the national data opt-out is recorded",
                        view(optedOut, RESEARCHER, Purpose.RESEARCH), facts(optedOut), "R42"),
                denies("R42 a researcher without explicit consent is denied",
                        view(p, RESEARCHER, Purpose.RESEARCH), facts(p), "R42"),
                permits("R42 explicit research consent permits the named organisation's research",
                        view(p, RESEARCHER, Purpose.RESEARCH), facts(p, research), first(research)),
                permits("R42 explicit consent to the specific use is an exemption to the opt-out",
                        view(optedOut, RESEARCHER, Purpose.RESEARCH), facts(optedOut, researchOptedOut),
                        first(researchOptedOut)),
                denies("R42 a consent permit that does not name the purpose does not allow research",
                        view(p, RESEARCHER, Purpose.RESEARCH), facts(p, privacyPermitWithoutPurpose), "R42"),
                permits("R42 the opt-out never blocks direct care", view(optedOut, GP, Purpose.DIRECT_CARE),
                        facts(optedOut, List.of(registeredAt(optedOut))), "R39"),
                denies("R42 the opt-out persists after death", view(deceasedOptedOut, RESEARCHER, Purpose.RESEARCH),
                        facts(deceasedOptedOut), "R42"),
                denies("R42 planning about one patient needs explicit consent too",
                        view(p, Actor.professional(UserId.of("icb-1"), ProfessionalRole.COMMISSIONER, UNIVERSITY),
                                Purpose.PLANNING), facts(p), "R42"),
                // R43 only active consents, within their period and scope
                permits("R43 a draft consent is not evaluated", view(p, GP, Purpose.DIRECT_CARE),
                        facts(p, List.of(registeredAt(p)), draftObjection), "R39"),
                permits("R43 a withdrawn consent is not evaluated", view(p, GP, Purpose.DIRECT_CARE),
                        facts(p, List.of(registeredAt(p)), withdrawnObjection), "R39"),
                denies("R43 a provision applies only within its period", view(p, CARER, Purpose.PATIENT_SELF_SERVICE),
                        facts(p, expiredGrant), root(expiredGrant)),
                permits("R43 a consent applies only to purposes its scope covers",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), researchScopedOptIn),
                        "R39"),
                // R45 deepest matching provision; deny overrides across consents
                permits("R45 the deepest matching provision decides: a permitted GP inside a denied practice",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), practiceDeniedButThisGp),
                        "R39"),
                denies("R45 the deepest matching provision decides: another GP of the denied practice",
                        view(p, otherGp, Purpose.DIRECT_CARE),
                        facts(p, List.of(registeredAt(p)), practiceDeniedButThisGp), first(practiceDeniedButThisGp)),
                denies("R45 an opt-in consent denies what its provisions do not permit",
                        view(p, GP, Purpose.DIRECT_CARE), facts(p, List.of(registeredAt(p)), onlyTheCarer),
                        root(onlyTheCarer)),
                denies("R45 if any of several consents denies, the result is deny",
                        view(p, CARER, Purpose.PATIENT_SELF_SERVICE), facts(p, carerGrant, carerObjection),
                        first(carerObjection)),
                // R46 competence
                denies("R46 a consent given by a 14-year-old without a Gillick record grants nothing",
                        view(child14, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(child14, grantBy14), "R46"),
                permits("R46 a Gillick-competent 14-year-old sees their own record",
                        view(gillick14, Actor.patient(gillick14.id()), Purpose.PATIENT_SELF_SERVICE), facts(gillick14),
                        "R46", REDACT_WITHHELD),
                // R47 proxies
                permits("R47 a carer sees the care plan within the granted scope and period",
                        view(p, CARER, Purpose.PATIENT_SELF_SERVICE), facts(p, carerGrant), first(carerGrant),
                        REDACT_WITHHELD),
                denies("R47 a carer is denied beyond the granted actions",
                        request(p, CARER, Purpose.PATIENT_SELF_SERVICE, AccessAction.CORRECT, DataClass.CARE_PLAN),
                        facts(p, carerGrant), root(carerGrant)),
                permits("R47 a grant to every proxy on the care team reaches a carer holding that relationship",
                        view(p, CARER, Purpose.PATIENT_SELF_SERVICE),
                        facts(p, List.of(ConsentFixtures.carerOnTeam()), proxiesOnTheCareTeam),
                        first(proxiesOnTheCareTeam), REDACT_WITHHELD),
                denies("R47 a proxy relationship on the care team without a grant is not enough beyond care planning",
                        request(p, CARER, Purpose.PATIENT_SELF_SERVICE, AccessAction.ACCESS, DataClass.BUDGET),
                        facts(p, List.of(ConsentFixtures.carerOnTeam())), "R47"),
                permits("R12 a carer involved on the care team with the patient's agreement takes part in care planning",
                        view(p, CARER, Purpose.PATIENT_SELF_SERVICE), facts(p, List.of(ConsentFixtures.carerOnTeam())),
                        "R12", REDACT_WITHHELD),
                permits("R12 a carer involved on the care team may help draft the care plan",
                        request(p, CARER, Purpose.PATIENT_SELF_SERVICE, AccessAction.CORRECT, DataClass.CARE_PLAN),
                        facts(p, List.of(ConsentFixtures.carerOnTeam())), "R12", REDACT_WITHHELD),
                denies("R47 a carer with no grant is denied", view(p, CARER, Purpose.PATIENT_SELF_SERVICE), facts(p),
                        "R47"),
                permits("R47 a parent's grant for a child under 11 permits proxy access",
                        view(child8, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(child8, parentGrant8),
                        first(parentGrant8), REDACT_WITHHELD),
                denies("R47 from the 11th birthday a parent's grant no longer permits",
                        view(child12, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(child12, parentGrant12), "R47"),
                permits("R47 for a child of 12 without competence a best-interests decision can grant proxy access",
                        view(child12, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(child12, bestInterests12),
                        first(bestInterests12), REDACT_WITHHELD),
                denies("R47 for a competent child of 12 a best-interests decision is not enough: the child consents",
                        view(gillick12, PARENT, Purpose.PATIENT_SELF_SERVICE),
                        facts(gillick12, bestInterestsForCompetent12), "R47"),
                denies("R47 from 16 an attorney does not act while the patient has capacity",
                        view(adultWithCapacity, CARER, Purpose.PATIENT_SELF_SERVICE),
                        facts(adultWithCapacity, lpaWhileCapable), "R47"),
                permits("R47 a Gillick-competent child of 14 can grant a parent proxy access",
                        view(gillick14, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(gillick14, grantByGillick14),
                        first(grantByGillick14), REDACT_WITHHELD),
                denies("R46 competence is decision-specific: a 14-year-old assessed only for plan agreement cannot grant a proxy",
                        view(planOnly14, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(planOnly14, grantByPlanOnly14),
                        "R46"),
                denies("R47 from 16 parental responsibility is not an authority for a proxy",
                        view(young17, PARENT, Purpose.PATIENT_SELF_SERVICE), facts(young17, parentGrant17), "R47"),
                permits("R47 from 16 a lasting power of attorney for health and welfare can grant a proxy",
                        view(adultLacksCapacity, CARER, Purpose.PATIENT_SELF_SERVICE), facts(adultLacksCapacity, lpaGrant),
                        first(lpaGrant), REDACT_WITHHELD),
                // R48 patient online access
                permits("R48 a patient sees their own record, minus withheld items",
                        view(p, Actor.patient(p.id()), Purpose.PATIENT_SELF_SERVICE), facts(p), "R48", REDACT_WITHHELD),
                denies("R48 third-party items are never shown to the patient",
                        request(p, Actor.patient(p.id()), Purpose.PATIENT_SELF_SERVICE, AccessAction.ACCESS,
                                DataClass.CARE_PLAN, SensitivityLabel.THIRD_PARTY), facts(p), "R48"),
                denies("R48 serious-harm items are never shown to a proxy",
                        request(p, CARER, Purpose.PATIENT_SELF_SERVICE, AccessAction.ACCESS, DataClass.CARE_PLAN,
                                SensitivityLabel.SERIOUS_HARM), facts(p, carerGrant), "R48"),
                denies("R48 a 15-year-old without a Gillick record has no online access to their record",
                        view(fifteen, Actor.patient(fifteen.id()), Purpose.PATIENT_SELF_SERVICE), facts(fifteen), "R48"),
                denies("R48 enhanced review indicated blocks automatic access to the care plan",
                        view(enhancedReview, Actor.patient(enhancedReview.id()), Purpose.PATIENT_SELF_SERVICE),
                        facts(enhancedReview), "R48"),
                permits("R48 enhanced review indicated still lets the patient see their consents",
                        request(enhancedReview, Actor.patient(enhancedReview.id()), Purpose.PATIENT_SELF_SERVICE,
                                AccessAction.ACCESS, DataClass.CONSENT), facts(enhancedReview), "R48", REDACT_WITHHELD),
                // R49 sensitive records
                denies("R49 a sensitive patient's demographics are never disclosed",
                        request(sensitive, GP, Purpose.DIRECT_CARE, AccessAction.DISCLOSE, DataClass.DEMOGRAPHICS),
                        facts(sensitive, List.of(registeredAt(sensitive))), "R49"),
                denies("R49 a sensitive patient's referral is never disclosed (no e-RS transport)",
                        request(sensitive, GP, Purpose.DIRECT_CARE, AccessAction.DISCLOSE, DataClass.REFERRAL),
                        facts(sensitive, List.of(registeredAt(sensitive))), "R49"),
                permits("R49 a sensitive patient's clinical record is still accessible for direct care",
                        view(sensitive, GP, Purpose.DIRECT_CARE), facts(sensitive, List.of(registeredAt(sensitive))),
                        "R39"),
                // organisational defaults
                permits("REGISTRATION a professional registers a new patient",
                        request(p, GP, Purpose.ADMINISTRATION, AccessAction.COLLECT, DataClass.DEMOGRAPHICS),
                        new ConsentFacts(List.of(), List.of(), Optional.empty(), POLICY, Optional.empty()),
                        "REGISTRATION"),
                permits("SYSTEM a system component acts for administration",
                        view(p, Actor.system("outbox-relay"), Purpose.ADMINISTRATION), facts(p), "SYSTEM"),
                denies("SYSTEM a system component may not act for research",
                        view(p, Actor.system("exporter"), Purpose.RESEARCH), facts(p), "SYSTEM"),
                permits("ADMINISTRATION a practice administrator administers a registered patient's record",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.CORRECT, DataClass.DEMOGRAPHICS),
                        gpFacts, "ADMINISTRATION"),
                permits("ADMINISTRATION a practice administrator follows the patient's referrals",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.ACCESS, DataClass.REFERRAL),
                        gpFacts, "ADMINISTRATION"),
                denies("ADMINISTRATION administration does not read the clinical care plan",
                        view(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION), gpFacts, "ADMINISTRATION"),
                denies("ADMINISTRATION administration does not draft a referral",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.COLLECT, DataClass.REFERRAL),
                        gpFacts, "ADMINISTRATION"),
                denies("ADMINISTRATION administration does not record a consent: it would grant what administration lacks",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.COLLECT, DataClass.CONSENT),
                        gpFacts, "ADMINISTRATION"),
                denies("ADMINISTRATION administration does not add to the care team",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.CORRECT, DataClass.CARE_TEAM),
                        gpFacts, "ADMINISTRATION"),
                denies("ADMINISTRATION administration does not read the audit log",
                        request(p, PRACTICE_ADMIN, Purpose.ADMINISTRATION, AccessAction.ACCESS, DataClass.AUDIT_LOG),
                        gpFacts, "ADMINISTRATION"),
                permits("PRIVACY_REVIEW a privacy officer reads the access log",
                        request(p, PRIVACY_OFFICER, Purpose.AUDIT, AccessAction.ACCESS, DataClass.AUDIT_LOG), facts(p),
                        "PRIVACY_REVIEW"),
                denies("PRIVACY_REVIEW a privacy officer does not read care plans",
                        view(p, PRIVACY_OFFICER, Purpose.AUDIT), facts(p), "PRIVACY_REVIEW"),
                denies("SELF a patient cannot read another patient's record",
                        view(p, Actor.patient(adult().id()), Purpose.PATIENT_SELF_SERVICE), facts(p), "SELF"),
                denies("POPULATION research across patients is denied (R42)",
                        new AccessRequest(AccessContext.of(RESEARCHER, Purpose.RESEARCH), Optional.empty(),
                                AccessAction.USE, DataClass.CARE_PLAN, Set.of(), NOW),
                        ConsentFacts.population(POLICY), "R42"),
                permits("POPULATION a commissioner runs an aggregate planning report",
                        new AccessRequest(AccessContext.of(Actor.professional(UserId.of("icb-1"),
                                ProfessionalRole.COMMISSIONER, UNIVERSITY), Purpose.PLANNING), Optional.empty(),
                                AccessAction.USE, DataClass.CARE_PLAN, Set.of(), NOW),
                        ConsentFacts.population(POLICY), "POPULATION"),
                denies("POPULATION a carer may not query across patients",
                        new AccessRequest(AccessContext.of(CARER, Purpose.PATIENT_SELF_SERVICE), Optional.empty(),
                                AccessAction.ACCESS, DataClass.CARE_PLAN, Set.of(), NOW),
                        ConsentFacts.population(POLICY), "POPULATION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachDefaultRuleDecidesAsSpecified(Row row) {
        AccessDecision decision = ENGINE.decide(row.request(), row.facts());

        assertThat(decision.isPermit()).as("permit?").isEqualTo(row.permit());
        assertThat(decision.rule()).as("rule").isEqualTo(row.rule());
        assertThat(decision.reasons()).as("reasons").isNotEmpty();
        if (decision instanceof AccessDecision.Permit permit) {
            assertThat(permit.obligations()).as("obligations").isEqualTo(row.obligations());
        }
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("R46 a decision that relies on Gillick competence cites the assessment: what for, when, by whom")
    void r46TheDecisionCitesTheAssessment() {
        Patient child = patientAged(14).withAssessment(new CompetenceAssessment(CompetenceDecision.OWN_RECORD_ACCESS,
                true, UserId.of("gp-7"), TODAY.minusDays(3)));

        AccessDecision decision = ENGINE.decide(view(child, Actor.patient(child.id()), Purpose.PATIENT_SELF_SERVICE),
                facts(child));

        assertThat(decision.isPermit()).isTrue();
        assertThat(decision.rule()).isEqualTo("R46");
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r)
                .contains("OWN_RECORD_ACCESS").contains(TODAY.minusDays(3).toString()).contains("gp-7"));
        Patient onlyForSharing = patientAged(14).withAssessment(new CompetenceAssessment(
                CompetenceDecision.SHARING_CONSENT, true, UserId.of("gp-7"), TODAY.minusDays(3)));
        assertThat(ENGINE.decide(view(onlyForSharing, Actor.patient(onlyForSharing.id()), Purpose.PATIENT_SELF_SERVICE),
                facts(onlyForSharing)).isPermit()).isFalse();
    }
}
