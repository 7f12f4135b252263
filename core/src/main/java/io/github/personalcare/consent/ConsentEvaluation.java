package io.github.personalcare.consent;

import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.AccessRequest;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Relationship;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.CompetenceAssessment;
import io.github.personalcare.patient.CompetenceDecision;
import io.github.personalcare.patient.PatientFlag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a patient's consents say about one access request, for {@link ConsentEngine} to decide
 * on: the consent that denies it, the provisions that permit it, the labels withheld from this
 * viewer, and whether a child's consent was set aside for want of competence. Only active
 * consents whose scope covers the purpose count (R43); in each, the deepest matching provision
 * decides, a deny winning over a permit among siblings (R45); an opt-in root denies what no
 * provision permits; a consent the patient gave as a child without a Gillick record grants
 * nothing (R46). Facts holding a consent of another patient make the request unevaluable (R38).
 *
 * <p>The result does not depend on the order of the consents: the denying consent and the
 * order of the grants go by consent id, which is also why reading only the candidates the facts'
 * {@link ConsentIndex} finds ({@link #of}) decides as reading every consent ({@link #everyConsent},
 * the reference kept for tests and benchmarks). Allocation-light, as the engine is: no streams;
 * nothing at all when no consent applies; consents out of status or scope are skipped before
 * their provisions are read; criteria are
 * checked cheapest first (period, action, class, purpose, then actor); strings for rules and
 * paths are built only for the deciding provision, once per grant or deny. Pure, and read-only
 * once built.
 *
 * <p>When the first consent that applies can withhold nothing, it is evaluated alone
 * ({@link #alone}) into an outcome the facts' index keeps for that consent and its deciding
 * provision: a decision that one consent decides then allocates no evaluation, grant or rule, and
 * the engine's fixed-shape permit built from that outcome is remembered by it ({@link #remember}).
 * A kept outcome is never changed (a second consent that applies works on a copy); what it
 * remembers has final fields, so racing first decisions on several threads are harmless.
 */
final class ConsentEvaluation {
    private ConsentRecord denyConsent;
    private Provision denyProvision;
    /** The rule naming the denying provision, made when first asked. */
    private String denyRule;
    private List<Grant> grants;
    private EnumSet<SensitivityLabel> withheld;
    private boolean competenceIgnored;
    private boolean unevaluable;
    /**
     * True for an outcome kept by the index ({@link #alone}): shared by every decision on the same
     * facts, so never changed; {@link #consider} works on a copy of it.
     */
    private boolean kept;
    /** On a kept outcome only: the last permit built from it, with the reason that keys it. */
    private Remembered remembered;

    private ConsentEvaluation() {
    }

    /** A permit remembered by a kept outcome; final fields, so it may be shared between threads. */
    private record Remembered(String why, AccessDecision.Permit permit) {
    }

    /**
     * A consent provision that permits. Equal when the consent and provision are; the rule naming
     * the provision and whether it names the purpose are worked out when first asked and kept, so a
     * grant kept by the index ({@link #alone}) works them out once for every decision.
     */
    static final class Grant {
        private final ConsentRecord consent;
        private final Provision provision;
        /** Made when first asked; a String, so a racy first write is harmless. */
        private String rule;
        /** 0 until asked, then 1 (no) or 2 (yes); a racy first write writes the same value. */
        private byte purposeNamed;

        Grant(ConsentRecord consent, Provision provision) {
            this.consent = consent;
            this.provision = provision;
        }

        /** The consent that permits. */
        ConsentRecord consent() {
            return consent;
        }

        /** The permitting provision. */
        Provision provision() {
            return provision;
        }

        /** The rule naming the provision, such as {@code "Consent/<id>#provision.provision[1]"}. */
        String rule() {
            String r = rule;
            if (r == null) {
                r = provisionReference(consent, provision);
                rule = r;
            }
            return r;
        }

        /**
         * Whether the grant names the purpose (R42): a research consent, or purposes listed on the
         * way to the provision. Worked out when first asked, for secondary uses only, as it walks the tree.
         */
        boolean purposeNamed() {
            byte named = purposeNamed;
            if (named == 0) {
                named = consent.scope() == ConsentScope.RESEARCH || namesPurpose(consent.terms().provision(), provision)
                        ? (byte) 2 : (byte) 1;
                purposeNamed = named;
            }
            return named == 2;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Grant g && consent.equals(g.consent) && provision.equals(g.provision);
        }

        @Override
        public int hashCode() {
            return 31 * consent.hashCode() + provision.hashCode();
        }

        @Override
        public String toString() {
            return "Grant[consent=" + consent.id() + "]";
        }
    }

    /**
     * The outcome of one consent evaluated alone, kept by the index per consent (the last deciding
     * provision), and for a grant whether the consent was given by a child without a record of
     * competence (R46), as last worked out for that patient record under that policy (both
     * immutable, so compared by identity; null until worked out): final fields, so it may be
     * shared between threads.
     */
    record Kept(Provision decider, ConsentEvaluation outcome, Patient checkedFor, ConsentPolicy checkedUnder,
            boolean childWithoutCompetence) {
    }

    /** Nothing applies: shared, never changed (only evaluations built by {@link #consider} are). */
    private static final ConsentEvaluation NONE = new ConsentEvaluation();
    private static final ConsentEvaluation UNEVALUABLE = new ConsentEvaluation();
    /** A child's consent set aside for want of competence (R46), and nothing else: kept, never changed. */
    private static final ConsentEvaluation COMPETENCE_IGNORED = new ConsentEvaluation();

    static {
        UNEVALUABLE.unevaluable = true;
        COMPETENCE_IGNORED.competenceIgnored = true;
        COMPETENCE_IGNORED.kept = true;
    }

    /**
     * Evaluates the consents in {@code facts} that can apply to the request, as the facts'
     * {@link ConsentIndex} finds them: the same result as {@link #everyConsent}, which reads them all.
     * Allocates nothing when no consent can apply.
     */
    static ConsentEvaluation of(AccessRequest request, ConsentFacts facts, Patient patient, ConsentPolicy policy) {
        ConsentIndex index = ConsentIndex.of(facts);
        if (index.holdsConsentsNotOf(patient.id())) {
            // R38: facts mixing patients mean the caller gathered them wrongly; fail closed
            return UNEVALUABLE;
        }
        return finish(index.evaluateCandidates(request, facts, patient, policy));
    }

    /**
     * The reference evaluation: every consent in {@code facts}, in order, each read in full. Kept
     * so that tests prove the index changes nothing ({@code ConsentIndexEquivalenceTest}) and the
     * benchmark has its baseline; decisions use {@link #of}.
     */
    static ConsentEvaluation everyConsent(AccessRequest request, ConsentFacts facts, Patient patient,
            ConsentPolicy policy) {
        ConsentEvaluation ev = null;
        List<ConsentRecord> consents = facts.consents();
        for (int i = 0; i < consents.size(); i++) {
            ConsentRecord c = consents.get(i);
            if (!c.patient().equals(patient.id())) {
                // R38: facts mixing patients mean the caller gathered them wrongly; fail closed
                return UNEVALUABLE;
            }
            ev = consider(ev, c, request, facts, patient, policy);
        }
        return finish(ev);
    }

    /**
     * Evaluates one consent of the patient against the request into {@code ev}, created here when
     * the consent's root matches and {@code ev} is null.
     */
    static ConsentEvaluation consider(ConsentEvaluation ev, ConsentRecord c, AccessRequest request,
            ConsentFacts facts, Patient patient, ConsentPolicy policy) {
        // R43: only active consents, only for purposes their scope covers
        if (c.status() != ConsentStatus.ACTIVE || !c.scope().covers(request.purpose())) {
            return ev;
        }
        Provision root = c.terms().provision();
        if (!matches(root, request, facts, null)) {
            return ev;
        }
        if (ev == null) {
            ev = new ConsentEvaluation();
        } else if (ev.kept) {
            ev = ev.copy();
        }
        // R45: the deepest matching provision decides
        Provision decider = deepest(root, request, facts, root.dataPeriod().isPresent(), ev);
        if (decider == null) {
            if (c.terms().policyRule().orElse(null) == BasePolicy.OPT_IN) {
                ev.deny(c, root);
            }
            return ev;
        }
        if (decider.type().orElseThrow() == ProvisionType.DENY) {
            ev.deny(c, decider);
        } else if (childWithoutCompetence(c, patient, policy)) {
            ev.competenceIgnored = true;
        } else {
            ev.grant(c, decider);
        }
        return ev;
    }

    /**
     * Evaluates one consent of the patient that can withhold nothing from this viewer (no nested
     * deny provision lists labels: {@link #mayWithhold}) when no other consent has applied yet:
     * the same outcome as {@link #consider} with no evaluation, but a grant or deny is an
     * evaluation kept in {@code kept[slot]} for the provision that decided, so a decision on the
     * same facts that one consent decides allocates nothing once it has been made. The kept
     * outcome is per consent of the facts' index (never shared between patients) and never changed.
     *
     * @return null when the consent changes nothing, else the consent's outcome (not to be changed)
     */
    static ConsentEvaluation alone(ConsentRecord c, AccessRequest request, ConsentFacts facts, Patient patient,
            ConsentPolicy policy, Kept[] kept, int slot) {
        // R43: only active consents, only for purposes their scope covers
        if (c.status() != ConsentStatus.ACTIVE || !c.scope().covers(request.purpose())) {
            return null;
        }
        Provision root = c.terms().provision();
        if (!matches(root, request, facts, null)) {
            return null;
        }
        // R45: the deepest matching provision decides; nothing can be withheld, so no evaluation is needed yet
        Provision decider = deepest(root, request, facts, root.dataPeriod().isPresent(), null);
        if (decider == null) {
            if (c.terms().policyRule().orElse(null) != BasePolicy.OPT_IN) {
                return null; // an empty evaluation says what no evaluation says
            }
            decider = root; // an opt-in root denies what no provision permits
        }
        boolean grant = decider != root && decider.type().orElseThrow() != ProvisionType.DENY;
        Kept last = kept[slot];
        if (last == null || last.decider() != decider) {
            ConsentEvaluation outcome = new ConsentEvaluation();
            if (grant) {
                outcome.grant(c, decider);
            } else {
                outcome.deny(c, decider);
            }
            outcome.kept = true;
            last = grant ? new Kept(decider, outcome, patient, policy, childWithoutCompetence(c, patient, policy))
                    : new Kept(decider, outcome, null, null, false);
            kept[slot] = last;
        } else if (grant && (last.checkedFor() != patient || last.checkedUnder() != policy)) {
            last = new Kept(decider, last.outcome(), patient, policy, childWithoutCompetence(c, patient, policy));
            kept[slot] = last;
        }
        return grant && last.childWithoutCompetence() ? COMPETENCE_IGNORED : last.outcome();
    }

    /**
     * True if evaluating the consent may withhold labels from the viewer (R41): some nested deny
     * provision lists labels. Only then does {@link #consider} need an evaluation to record them in.
     */
    static boolean mayWithhold(ConsentRecord c) {
        return labelledDenyBelow(c.terms().provision());
    }

    private static boolean labelledDenyBelow(Provision node) {
        List<Provision> children = node.provisions();
        for (int i = 0; i < children.size(); i++) {
            Provision child = children.get(i);
            if ((isDeny(child) && !child.labels().isEmpty()) || labelledDenyBelow(child)) {
                return true;
            }
        }
        return false;
    }

    /** A changeable copy of a kept outcome. */
    private ConsentEvaluation copy() {
        ConsentEvaluation copy = new ConsentEvaluation();
        copy.denyConsent = denyConsent;
        copy.denyProvision = denyProvision;
        copy.denyRule = denyRule;
        copy.grants = grants == null ? null : new ArrayList<>(grants);
        copy.withheld = withheld == null ? null : EnumSet.copyOf(withheld);
        copy.competenceIgnored = competenceIgnored;
        copy.unevaluable = unevaluable;
        return copy;
    }

    private static ConsentEvaluation finish(ConsentEvaluation ev) {
        if (ev == null) {
            return NONE;
        }
        if (ev.grants != null && ev.grants.size() > 1) {
            ev.grants.sort((a, b) -> a.consent().id().value().compareTo(b.consent().id().value()));
        }
        return ev;
    }

    // --- the result ---------------------------------------------------------------------------

    /** True if the facts hold a consent of another patient (R38): nothing may be decided from them. */
    boolean unevaluable() {
        return unevaluable;
    }

    /** True if a consent denies the request (R41, R45). */
    boolean denies() {
        return denyConsent != null;
    }

    /** True if a consent would have permitted but was given by a child without a record of competence (R46). */
    boolean competenceIgnored() {
        return competenceIgnored;
    }

    /** True if some labels are withheld from this viewer (R41). */
    boolean withholds() {
        return withheld != null;
    }

    /** The labels withheld from this viewer, in label order; empty if none. */
    Set<SensitivityLabel> withheld() {
        return withheld == null ? Set.of() : withheld;
    }

    /** The permitting provisions, by consent id. */
    List<Grant> grants() {
        return grants == null ? List.of() : grants;
    }

    /** The rule naming the denying provision; only when {@link #denies()}. */
    String denyRule() {
        String rule = denyRule;
        if (rule == null) {
            rule = provisionReference(denyConsent, denyProvision);
            denyRule = rule; // a String: a racy first write on a kept outcome is harmless
        }
        return rule;
    }

    /**
     * The permit {@link #remember} kept for this reason, if this is a kept outcome that remembered
     * one; else null. A permit built from a kept outcome depends on nothing else but the reason
     * when the caller keys it so (the engine does: see its fixed-shape permits).
     */
    AccessDecision.Permit remembered(String why) {
        Remembered r = remembered;
        return r != null && r.why().equals(why) ? r.permit() : null;
    }

    /** Keeps {@code permit} for {@code why} when this is a kept outcome; returns the permit. */
    AccessDecision.Permit remember(String why, AccessDecision.Permit permit) {
        if (kept) {
            remembered = new Remembered(why, permit);
        }
        return permit;
    }

    /** The deny naming the denying provision; only when {@link #denies()}. */
    AccessDecision.Deny denyDecision() {
        String why = denyProvision == denyConsent.terms().provision()
                ? "R45: an opt-in consent allows only what its provisions permit"
                : "R41: the patient's consent denies this; deny overrides permit (R45)";
        return new AccessDecision.Deny(denyRule(), List.of(why));
    }

    // --- building it ----------------------------------------------------------------------------

    private void deny(ConsentRecord consent, Provision provision) {
        // the lowest consent id wins, so the named rule does not depend on the order consents were recorded in
        if (denyConsent == null || consent.id().value().compareTo(denyConsent.id().value()) < 0) {
            denyConsent = consent;
            denyProvision = provision;
            denyRule = null;
        }
    }

    private void grant(ConsentRecord consent, Provision provision) {
        if (grants == null) {
            grants = new ArrayList<>(2);
        }
        grants.add(new Grant(consent, provision));
    }

    private void withhold(List<SensitivityLabel> labels) {
        if (withheld == null) {
            withheld = EnumSet.noneOf(SensitivityLabel.class);
        }
        withheld.addAll(labels);
    }

    // --- matching a request against provisions ------------------------------------------------

    /**
     * R46: a consent the patient gave under the age of presumed competence grants nothing unless
     * they had been assessed Gillick competent to consent to sharing by the day they gave it.
     */
    private static boolean childWithoutCompetence(ConsentRecord c, Patient patient, ConsentPolicy policy) {
        if (!(c.terms().performer() instanceof Performer.PatientSelf)) {
            return false;
        }
        LocalDate given = LocalDate.ofInstant(c.recordedAt(), policy.zone());
        return patient.ageOn(given) < policy.presumedCompetenceAge()
                && patient.gillickCompetenceFor(CompetenceDecision.SHARING_CONSENT, given).isEmpty();
    }

    /**
     * The deciding provision below a matching node: the deepest matching descendant, a deny
     * winning over a permit among siblings; null if none decides. A permit that depends on the
     * clinical date of the data cannot be proven and never decides; a deny that does is taken to
     * match (fail closed).
     */
    private static Provision deepest(Provision node, AccessRequest request, ConsentFacts facts, boolean uncertain,
            ConsentEvaluation ev) {
        Provision best = null;
        List<Provision> children = node.provisions();
        for (int i = 0; i < children.size(); i++) {
            Provision child = children.get(i);
            boolean deny = child.type().orElseThrow() == ProvisionType.DENY;
            if (!matches(child, request, facts, deny ? ev : null)) {
                continue;
            }
            boolean childUncertain = uncertain || child.dataPeriod().isPresent();
            Provision found = deepest(child, request, facts, childUncertain, ev);
            if (found == null) {
                if (!deny && childUncertain) {
                    continue;
                }
                found = child;
            }
            if (best == null || (isDeny(found) && !isDeny(best))) {
                best = found;
            }
        }
        return best;
    }

    private static boolean isDeny(Provision p) {
        return p.type().orElse(null) == ProvisionType.DENY;
    }

    /**
     * True if the provision's criteria match the request (the data period aside). When only the
     * labels differ and {@code withheld} is given, the provision's labels are recorded as withheld
     * from this viewer.
     */
    private static boolean matches(Provision p, AccessRequest request, ConsentFacts facts, ConsentEvaluation withheld) {
        if (p.period().isPresent() && !p.period().get().contains(request.at())) {
            return false;
        }
        if (!p.actions().isEmpty() && !p.actions().contains(request.action())) {
            return false;
        }
        if (!p.dataClasses().isEmpty() && !p.dataClasses().contains(request.dataClass())) {
            return false;
        }
        if (!p.purposes().isEmpty() && !p.purposes().contains(request.purpose())) {
            return false;
        }
        if (!p.actors().isEmpty() && !anyActorMatches(p.actors(), request.actor(), facts.relationships())) {
            return false;
        }
        if (!p.labels().isEmpty() && !anyLabel(p.labels(), request.labels())) {
            if (withheld != null) {
                withheld.withhold(p.labels());
            }
            return false;
        }
        return true;
    }

    private static boolean anyLabel(List<SensitivityLabel> wanted, Set<SensitivityLabel> present) {
        for (int i = 0; i < wanted.size(); i++) {
            if (present.contains(wanted.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyActorMatches(List<ProvisionActor> actors, Actor actor, List<Relationship> relationships) {
        for (int i = 0; i < actors.size(); i++) {
            if (actorMatches(actors.get(i), actor, relationships)) {
                return true;
            }
        }
        return false;
    }

    private static boolean actorMatches(ProvisionActor wanted, Actor actor, List<Relationship> relationships) {
        if (wanted instanceof ProvisionActor.Person person) {
            return (actor instanceof Actor.Professional p && p.user().equals(person.user()))
                    || (actor instanceof Actor.Carer c && c.user().equals(person.user()));
        }
        if (wanted instanceof ProvisionActor.Organisation organisation) {
            return actor instanceof Actor.Professional p && p.organisation().equals(organisation.organisation());
        }
        if (wanted instanceof ProvisionActor.Role role) {
            return actor instanceof Actor.Professional p && p.role() == role.role();
        }
        if (wanted instanceof ProvisionActor.Related related) {
            for (int i = 0; i < relationships.size(); i++) {
                if (relationships.get(i).kind() == related.kind()) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** True if the root or any provision on the way to {@code target} lists purposes (so names the request's). */
    private static boolean namesPurpose(Provision root, Provision target) {
        List<Provision> path = new ArrayList<>();
        if (!nodesTo(root, target, path)) {
            return false;
        }
        for (Provision p : path) {
            if (!p.purposes().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Fills {@code nodes} with the provisions from {@code node} down to {@code target}; false if absent. */
    private static boolean nodesTo(Provision node, Provision target, List<Provision> nodes) {
        nodes.add(node);
        if (node == target) {
            return true;
        }
        for (Provision child : node.provisions()) {
            if (nodesTo(child, target, nodes)) {
                return true;
            }
        }
        nodes.remove(nodes.size() - 1);
        return false;
    }

    /** The rule string naming a provision: {@code "Consent/<id>#provision.provision[1]"}. */
    static String provisionReference(ConsentRecord consent, Provision provision) {
        // one builder for the whole rule; the path written straight into it
        StringBuilder rule = new StringBuilder(80).append("Consent/").append(consent.id()).append('#');
        int mark = rule.length();
        Provision root = consent.terms().provision();
        if (!pathIn(root, provision, rule)) {
            rule.setLength(mark);
        }
        return rule.toString();
    }

    /** Appends the path from {@code node} to {@code target} ("provision.provision[1]"); false if absent. */
    private static boolean pathIn(Provision node, Provision target, StringBuilder path) {
        int mark = path.length();
        if (path.charAt(mark - 1) == '#') {
            path.append("provision");
        }
        if (node == target) {
            return true;
        }
        List<Provision> children = node.provisions();
        for (int i = 0; i < children.size(); i++) {
            int before = path.length();
            path.append(".provision[").append(i).append(']');
            if (pathIn(children.get(i), target, path)) {
                return true;
            }
            path.setLength(before);
        }
        path.setLength(mark);
        return false;
    }
}
