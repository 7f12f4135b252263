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
 * order of the grants go by consent id. Allocation-light, as the engine is: no streams;
 * consents out of status or scope are skipped before their provisions are read; criteria are
 * checked cheapest first (period, action, class, purpose, then actor); strings for rules and
 * paths are built only for the deciding provision. Pure, and read-only once built.
 */
final class ConsentEvaluation {
    private ConsentRecord denyConsent;
    private Provision denyProvision;
    private List<Grant> grants;
    private EnumSet<SensitivityLabel> withheld;
    private boolean competenceIgnored;
    private boolean unevaluable;

    private ConsentEvaluation() {
    }

    /** A consent provision that permits, with whether the way to it names the purpose. */
    record Grant(ConsentRecord consent, Provision provision, boolean purposeNamed) {
        /** The rule naming the provision, such as {@code "Consent/<id>#provision.provision[1]"}. */
        String rule() {
            return provisionReference(consent, provision);
        }
    }

    /** Evaluates the patient's consents in {@code facts} against the request. */
    static ConsentEvaluation of(AccessRequest request, ConsentFacts facts, Patient patient, ConsentPolicy policy) {
        ConsentEvaluation ev = new ConsentEvaluation();
        List<ConsentRecord> consents = facts.consents();
        for (int i = 0; i < consents.size(); i++) {
            ConsentRecord c = consents.get(i);
            if (!c.patient().equals(patient.id())) {
                // R38: facts mixing patients mean the caller gathered them wrongly; fail closed
                ev.unevaluable = true;
                return ev;
            }
            // R43: only active consents, only for purposes their scope covers
            if (c.status() != ConsentStatus.ACTIVE || !c.scope().covers(request.purpose())) {
                continue;
            }
            Provision root = c.terms().provision();
            if (!matches(root, request, facts, null)) {
                continue;
            }
            // R45: the deepest matching provision decides
            Provision decider = deepest(root, request, facts, root.dataPeriod().isPresent(), ev);
            if (decider == null) {
                if (c.terms().policyRule().orElse(null) == BasePolicy.OPT_IN) {
                    ev.deny(c, root);
                }
                continue;
            }
            if (decider.type().orElseThrow() == ProvisionType.DENY) {
                ev.deny(c, decider);
            } else if (childWithoutCompetence(c, patient, policy)) {
                ev.competenceIgnored = true;
            } else {
                ev.grant(c, decider, c.scope() == ConsentScope.RESEARCH || namesPurpose(root, decider));
            }
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
        return provisionReference(denyConsent, denyProvision);
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
        }
    }

    private void grant(ConsentRecord consent, Provision provision, boolean purposeNamed) {
        if (grants == null) {
            grants = new ArrayList<>(2);
        }
        grants.add(new Grant(consent, provision, purposeNamed));
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
        if (!pathTo(root, target, path, new StringBuilder())) {
            return false;
        }
        for (Provision p : path) {
            if (!p.purposes().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Fills {@code nodes} and {@code path} with the way from {@code node} to {@code target}; false if absent. */
    private static boolean pathTo(Provision node, Provision target, List<Provision> nodes, StringBuilder path) {
        int mark = path.length();
        nodes.add(node);
        path.append(nodes.size() == 1 ? "provision" : "");
        if (node == target) {
            return true;
        }
        List<Provision> children = node.provisions();
        for (int i = 0; i < children.size(); i++) {
            int before = path.length();
            path.append(".provision[").append(i).append(']');
            if (pathTo(children.get(i), target, nodes, path)) {
                return true;
            }
            path.setLength(before);
        }
        nodes.remove(nodes.size() - 1);
        path.setLength(mark);
        return false;
    }

    /** The rule string naming a provision: {@code "Consent/<id>#provision.provision[1]"}. */
    static String provisionReference(ConsentRecord consent, Provision provision) {
        StringBuilder path = new StringBuilder();
        pathTo(consent.terms().provision(), provision, new ArrayList<>(), path);
        return consent.reference() + "#" + path;
    }
}
