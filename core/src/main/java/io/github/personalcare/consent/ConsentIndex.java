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
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.patient.Patient;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A patient's consents as {@link ConsentFacts} holds them: an immutable list, indexed when the
 * facts are built so that a decision looks only at the consents that can apply to it.
 *
 * <p>Each active consent that could ever change a decision is filed under every purpose its scope
 * and provisions allow, every actor its provisions name (or "any actor") and every data class they
 * name (or "any class"). The filing is an over-approximation of "this consent can change the
 * decision": the root provision must match the request, and, unless the root is opt-in (which
 * denies what nothing permits), so must one of its nested provisions, because only a matching
 * provision decides or withholds (R45, R41). Candidates are then evaluated exactly as before
 * ({@link ConsentEvaluation}), so the index changes which consents are read, never what a consent
 * says. Consents that can change nothing (not active, an opt-out root with no nested provision, a
 * scope covering no purpose) are not filed at all.
 *
 * <p>Lookups allocate nothing: the request's purpose picks a table, its actor (user, organisation,
 * role, and the kinds of relationship in the facts) picks a few lists per class. Building costs one
 * pass over each consent's root and first level of provisions.
 */
final class ConsentIndex extends AbstractList<ConsentRecord> implements RandomAccess {
    private static final Purpose[] PURPOSES = Purpose.values();
    private static final DataClass[] CLASSES = DataClass.values();
    private static final AccessAction[] ACTIONS = AccessAction.values();
    private static final int ALL_PURPOSES = (1 << PURPOSES.length) - 1;
    private static final int ALL_CLASSES = (1 << CLASSES.length) - 1;
    private static final int ALL_ACTIONS = (1 << ACTIONS.length) - 1;
    private static final ConsentIndex EMPTY = new ConsentIndex(new ConsentRecord[0]);

    private final ConsentRecord[] records;
    /** The one patient every consent names; null when there are none or they name several (R38). */
    private final PatientId patient;
    private final boolean mixedPatients;
    /** Per consent: the actions it can apply to, as a bit mask by ordinal. */
    private final int[] actions;
    /** Per consent: the actors it is filed under; null when filed under "any actor". */
    private final ProvisionActor[][] actorKeys;
    /** Per purpose ordinal: where to look; null when no consent applies to that purpose. */
    private final Table[] byPurpose = new Table[PURPOSES.length];
    /** The last direct-care permit built from these facts, so a repeated decision allocates nothing. */
    private DirectCare directCare;

    private record DirectCare(Relationship relationship, AccessDecision.Permit permit) {
    }

    private ConsentIndex(ConsentRecord[] records) {
        this.records = records;
        this.actions = new int[records.length];
        this.actorKeys = new ProvisionActor[records.length][];
        PatientId first = null;
        boolean mixed = false;
        for (int i = 0; i < records.length; i++) {
            ConsentRecord c = records[i];
            if (first == null) {
                first = c.patient();
            } else if (!first.equals(c.patient())) {
                mixed = true;
            }
            file(i, c);
        }
        this.patient = mixed ? null : first;
        this.mixedPatients = mixed;
    }

    /**
     * The consents as an index: {@code consents} itself when it is one already, else an indexed copy.
     *
     * @throws NullPointerException if the list or an element is null
     */
    static ConsentIndex of(List<ConsentRecord> consents) {
        if (consents instanceof ConsentIndex index) {
            return index;
        }
        if (consents.isEmpty()) {
            return EMPTY;
        }
        return new ConsentIndex(List.copyOf(consents).toArray(new ConsentRecord[0]));
    }

    /** The index the facts were built with. */
    static ConsentIndex of(ConsentFacts facts) {
        return (ConsentIndex) facts.consents();
    }

    @Override
    public ConsentRecord get(int index) {
        return records[index];
    }

    @Override
    public int size() {
        return records.length;
    }

    /** True if some consent is not {@code id}'s: the facts were gathered wrongly (R38). */
    boolean holdsConsentsNotOf(PatientId id) {
        return mixedPatients || (patient != null && !patient.equals(id));
    }

    /**
     * The permit for direct care through {@code relationship}, built once per facts; the permit is
     * immutable, so handing the same one out again is safe.
     */
    AccessDecision.Permit directCarePermit(Relationship relationship) {
        DirectCare cached = directCare;
        if (cached != null && cached.relationship().equals(relationship)) {
            return cached.permit();
        }
        String why = "R39: legitimate relationship " + relationship.kind() + " (" + relationship.source() + ")";
        AccessDecision.Permit permit = new AccessDecision.Permit("R39", List.of(why),
                EnumSet.of(Obligation.AUDIT));
        directCare = new DirectCare(relationship, permit);
        return permit;
    }

    // --- looking up -------------------------------------------------------------------------------

    /**
     * Evaluates each consent that can apply to the request, once, into {@code ev}.
     *
     * @return the evaluation, created by {@link ConsentEvaluation#consider} on the first candidate;
     *         null when no consent can apply
     */
    ConsentEvaluation evaluateCandidates(AccessRequest request, ConsentFacts facts, Patient patient,
            ConsentPolicy policy) {
        Table table = byPurpose[request.purpose().ordinal()];
        if (table == null) {
            return null;
        }
        int dataClass = request.dataClass().ordinal();
        int action = 1 << request.action().ordinal();
        Actor actor = request.actor();
        ConsentEvaluation ev = visit(table.any, 0, dataClass, action, request, facts, patient, policy, null);
        UserId user = actor instanceof Actor.Professional p ? p.user() : actor instanceof Actor.Carer c ? c.user() : null;
        if (user != null && table.persons != null) {
            ev = visit(table.persons.get(user), 1, dataClass, action, request, facts, patient, policy, ev);
        }
        if (actor instanceof Actor.Professional p) {
            if (table.organisations != null) {
                ev = visit(table.organisations.get(p.organisation()), 2, dataClass, action, request, facts,
                        patient, policy, ev);
            }
            if (table.roles != null) {
                ev = visit(table.roles[p.role().ordinal()], 3, dataClass, action, request, facts, patient, policy, ev);
            }
        }
        if (table.related != null) {
            List<Relationship> relationships = facts.relationships();
            for (int r = 0; r < relationships.size(); r++) {
                RelationshipKind kind = relationships.get(r).kind();
                if (firstOfKind(relationships, kind) == r) {
                    ev = visit(table.related[kind.ordinal()], 4 + r, dataClass, action, request, facts,
                            patient, policy, ev);
                }
            }
        }
        return ev;
    }

    private ConsentEvaluation visit(Slots slots, int position, int dataClass, int action, AccessRequest request,
            ConsentFacts facts, Patient patient, ConsentPolicy policy, ConsentEvaluation ev) {
        if (slots == null) {
            return ev;
        }
        ev = visit(slots.lists[0], slots.sizes[0], position, action, request, facts, patient, policy, ev);
        return visit(slots.lists[1 + dataClass], slots.sizes[1 + dataClass], position, action, request, facts,
                patient, policy, ev);
    }

    private ConsentEvaluation visit(int[] list, int size, int position, int action, AccessRequest request,
            ConsentFacts facts, Patient patient, ConsentPolicy policy, ConsentEvaluation ev) {
        for (int k = 0; k < size; k++) {
            int i = list[k];
            if ((actions[i] & action) == 0) {
                continue;
            }
            ProvisionActor[] keys = actorKeys[i];
            // a consent filed under several actors the request matches is evaluated under the first only
            if (keys != null && keys.length > 1
                    && firstPosition(keys, request.actor(), facts.relationships()) != position) {
                continue;
            }
            ev = ConsentEvaluation.consider(ev, records[i], request, facts, patient, policy);
        }
        return ev;
    }

    /** The lookup position of the first of {@code keys} the actor matches, in the order lookups are made. */
    private static int firstPosition(ProvisionActor[] keys, Actor actor, List<Relationship> relationships) {
        int best = Integer.MAX_VALUE;
        for (ProvisionActor key : keys) {
            int position = Integer.MAX_VALUE;
            if (key instanceof ProvisionActor.Person person) {
                boolean same = (actor instanceof Actor.Professional p && p.user().equals(person.user()))
                        || (actor instanceof Actor.Carer c && c.user().equals(person.user()));
                position = same ? 1 : position;
            } else if (key instanceof ProvisionActor.Organisation organisation) {
                boolean same = actor instanceof Actor.Professional p
                        && p.organisation().equals(organisation.organisation());
                position = same ? 2 : position;
            } else if (key instanceof ProvisionActor.Role role) {
                position = actor instanceof Actor.Professional p && p.role() == role.role() ? 3 : position;
            } else if (key instanceof ProvisionActor.Related related) {
                int r = firstOfKind(relationships, related.kind());
                position = r < 0 ? position : 4 + r;
            }
            best = Math.min(best, position);
        }
        return best;
    }

    private static int firstOfKind(List<Relationship> relationships, RelationshipKind kind) {
        for (int r = 0; r < relationships.size(); r++) {
            if (relationships.get(r).kind() == kind) {
                return r;
            }
        }
        return -1;
    }

    // --- filing -----------------------------------------------------------------------------------

    /** Where to look for one purpose: candidates by the actor they name, then by data class. */
    private static final class Table {
        private final Slots any = new Slots();
        private Map<UserId, Slots> persons;
        private Map<OdsCode, Slots> organisations;
        private Slots[] roles;
        private Slots[] related;
    }

    /** Candidate consent positions: list 0 for any data class, list 1 + ordinal for one class. */
    private static final class Slots {
        private final int[][] lists = new int[1 + CLASSES.length][];
        private final int[] sizes = new int[1 + CLASSES.length];

        private Slots() {
            Arrays.fill(lists, new int[0]);
        }

        private void add(int list, int consent) {
            int n = sizes[list];
            int[] values = lists[list];
            if (n > 0 && values[n - 1] == consent) {
                return; // the consent names this actor twice
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.max(4, n * 2));
                lists[list] = values;
            }
            values[n] = consent;
            sizes[list] = n + 1;
        }
    }

    private void file(int i, ConsentRecord c) {
        if (c.status() != ConsentStatus.ACTIVE) {
            return; // R43: only active consents are evaluated
        }
        Provision root = c.terms().provision();
        boolean optIn = c.terms().policyRule().orElse(null) == BasePolicy.OPT_IN;
        if (!optIn && root.provisions().isEmpty()) {
            return; // nothing below an opt-out root to decide or withhold
        }
        int purposes = mask(root.purposes(), ALL_PURPOSES) & scopeMask(c.scope());
        int classes = mask(root.dataClasses(), ALL_CLASSES);
        int acts = mask(root.actions(), ALL_ACTIONS);
        ProvisionActor[] keys = root.actors().isEmpty() ? null : root.actors().toArray(new ProvisionActor[0]);
        if (!optIn) {
            // only a matching nested provision decides or withholds: the first level bounds what can apply
            int childPurposes = 0;
            int childClasses = 0;
            int childActions = 0;
            boolean anyActor = false;
            for (Provision child : root.provisions()) {
                childPurposes |= mask(child.purposes(), ALL_PURPOSES);
                childClasses |= mask(child.dataClasses(), ALL_CLASSES);
                childActions |= mask(child.actions(), ALL_ACTIONS);
                anyActor |= child.actors().isEmpty();
            }
            purposes &= childPurposes;
            classes &= childClasses;
            acts &= childActions;
            if (keys == null && !anyActor) {
                keys = actorsOf(root.provisions());
            }
        }
        if (purposes == 0 || classes == 0 || acts == 0) {
            return;
        }
        actions[i] = acts;
        actorKeys[i] = keys;
        for (int p = 0; p < PURPOSES.length; p++) {
            if ((purposes & (1 << p)) == 0) {
                continue;
            }
            if (byPurpose[p] == null) {
                byPurpose[p] = new Table();
            }
            Table table = byPurpose[p];
            if (keys == null) {
                add(table.any, classes, i);
                continue;
            }
            for (ProvisionActor key : keys) {
                add(slotsFor(table, key), classes, i);
            }
        }
    }

    /** Every actor the provisions name, each once. */
    private static ProvisionActor[] actorsOf(List<Provision> provisions) {
        List<ProvisionActor> all = new ArrayList<>();
        for (Provision p : provisions) {
            for (ProvisionActor a : p.actors()) {
                if (!all.contains(a)) {
                    all.add(a);
                }
            }
        }
        return all.toArray(new ProvisionActor[0]);
    }

    private static Slots slotsFor(Table table, ProvisionActor key) {
        if (key instanceof ProvisionActor.Person person) {
            if (table.persons == null) {
                table.persons = new HashMap<>();
            }
            return table.persons.computeIfAbsent(person.user(), u -> new Slots());
        }
        if (key instanceof ProvisionActor.Organisation organisation) {
            if (table.organisations == null) {
                table.organisations = new HashMap<>();
            }
            return table.organisations.computeIfAbsent(organisation.organisation(), o -> new Slots());
        }
        if (key instanceof ProvisionActor.Role role) {
            if (table.roles == null) {
                table.roles = new Slots[ProfessionalRole.values().length];
            }
            return slot(table.roles, role.role().ordinal());
        }
        RelationshipKind kind = ((ProvisionActor.Related) key).kind();
        if (table.related == null) {
            table.related = new Slots[RelationshipKind.values().length];
        }
        return slot(table.related, kind.ordinal());
    }

    private static Slots slot(Slots[] slots, int ordinal) {
        if (slots[ordinal] == null) {
            slots[ordinal] = new Slots();
        }
        return slots[ordinal];
    }

    private static void add(Slots slots, int classes, int consent) {
        if (classes == ALL_CLASSES) {
            slots.add(0, consent);
            return;
        }
        for (int d = 0; d < CLASSES.length; d++) {
            if ((classes & (1 << d)) != 0) {
                slots.add(1 + d, consent);
            }
        }
    }

    private static int scopeMask(ConsentScope scope) {
        int mask = 0;
        for (int p = 0; p < PURPOSES.length; p++) {
            if (scope.covers(PURPOSES[p])) {
                mask |= 1 << p;
            }
        }
        return mask;
    }

    /** The ordinals of {@code values} as a bit mask; {@code all} when the list is empty (no criterion). */
    private static int mask(List<? extends Enum<?>> values, int all) {
        if (values.isEmpty()) {
            return all;
        }
        int mask = 0;
        for (Enum<?> v : values) {
            mask |= 1 << v.ordinal();
        }
        return mask;
    }
}
