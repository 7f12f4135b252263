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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A patient's consents as {@link ConsentFacts} holds them: an immutable list, indexed by what each
 * consent can apply to, so that a decision looks only at the consents that can apply to it.
 *
 * <p>Each active consent that could ever change a decision is filed under every actor its
 * provisions name (a person, an organisation, a role, a kind of relationship), or under "any actor",
 * there by data class; with it are kept the purposes, data classes and actions it can apply to. What
 * is filed is an over-approximation of "this consent can change the decision": the root provision
 * must match the request, and, unless the root is opt-in (which denies what nothing permits), so
 * must one of its nested provisions, because only a matching provision decides or withholds (R45,
 * R41). Candidates are then evaluated exactly as before ({@link ConsentEvaluation#consider}), so the
 * index changes which consents are read, never what a consent says; their period and labels are
 * checked there. Consents that can change nothing (not active, an opt-out root with no nested
 * provision, a scope covering no purpose) are not filed at all.
 *
 * <p>The index is built on the first decision that reads consents (a self-service or population
 * request never does), one pass over each consent's root and first level of provisions, about a
 * hundred bytes per consent; facts kept for several decisions build it once. Lookups allocate
 * nothing: the request's actor (user, organisation, role, and each kind of relationship in the
 * facts) picks a few lists, and each candidate costs three mask tests before it is read.
 *
 * <p>Per consent the index also keeps, once made, its outcome evaluated alone for the provision
 * that last decided ({@link ConsentEvaluation#alone}: the grant or deny, the rule naming the
 * provision, the permit last built from it), made on the first decision that needs it rather than
 * when the index is built, since facts gathered per read decide once. The index holds one
 * patient's consents (else every request is unevaluable, R38), and what it keeps depends on those
 * consents only, or is keyed by the patient record, policy or request time it was worked out for,
 * so facts sharing an index (a copy with a break-glass episode, facts built again from
 * {@code facts.consents()}) each decide as with an index of their own.
 */
final class ConsentIndex extends AbstractList<ConsentRecord> implements RandomAccess {
    private static final int ALL_PURPOSES = (1 << Purpose.values().length) - 1;
    private static final int ALL_CLASSES = (1 << DataClass.values().length) - 1;
    private static final int ALL_ACTIONS = (1 << AccessAction.values().length) - 1;
    private static final ConsentIndex EMPTY = new ConsentIndex(new ConsentRecord[0]);

    private final ConsentRecord[] records;
    /** The one patient every consent names; null when there are none or they name several (R38). */
    private final PatientId patient;
    private final boolean mixedPatients;
    /** Built on the first decision that reads consents; immutable, so a racy first build is harmless. */
    private Candidates candidates;
    /** The last direct-care permit built from these facts, so a repeated decision allocates nothing. */
    private DirectCare directCare;

    private record DirectCare(Relationship relationship, AccessDecision.Permit permit) {
    }

    /** The last request time read as a date in a zone; final fields, so it may be shared between threads. */
    private record Day(Instant at, ZoneId zone, LocalDate date) {
    }

    /** The date of the last request time asked for, so decisions made at one time convert it once. */
    private Day day;

    private ConsentIndex(ConsentRecord[] records) {
        this.records = records;
        PatientId first = null;
        boolean mixed = false;
        for (ConsentRecord c : records) {
            if (first == null) {
                first = c.patient();
            } else if (!first.equals(c.patient())) {
                mixed = true;
            }
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
        AccessDecision.Permit permit = new AccessDecision.Permit("R39", List.of(why), EnumSet.of(Obligation.AUDIT));
        directCare = new DirectCare(relationship, permit);
        return permit;
    }

    /**
     * The date of {@code at} in {@code zone} ({@code LocalDate.ofInstant}), kept for the next
     * decision at the same time: the parts of one reading are decided at one request time, and
     * the conversion allocates (the zone's rules box the year). Not kept by the shared empty index.
     */
    LocalDate today(Instant at, ZoneId zone) {
        Day last = day;
        if (last != null && last.at().equals(at) && last.zone().equals(zone)) {
            return last.date();
        }
        LocalDate date = LocalDate.ofInstant(at, zone);
        if (this != EMPTY) {
            day = new Day(at, zone, date);
        }
        return date;
    }

    /**
     * Evaluates each consent that can apply to the request, once.
     *
     * @return the evaluation, created by {@link ConsentEvaluation#consider} on the first candidate
     *         whose root matches; null when none does
     */
    ConsentEvaluation evaluateCandidates(AccessRequest request, ConsentFacts facts, Patient patient,
            ConsentPolicy policy) {
        if (records.length == 0) {
            return null;
        }
        Candidates c = candidates;
        if (c == null) {
            c = new Candidates(records);
            candidates = c;
        }
        return c.evaluate(request, facts, patient, policy);
    }

    /** The filing, built once per facts; final fields only, so it may be shared between threads. */
    private static final class Candidates {
        private final ConsentRecord[] records;
        /** Per consent, bit masks by ordinal of what it can apply to; 0 when it can change nothing. */
        private final int[] purposes;
        private final int[] classes;
        private final int[] actions;
        /** Per consent: the actors it is filed under; null when filed under "any actor". */
        private final ProvisionActor[][] actorKeys;
        /** Per consent: whether evaluating it may withhold labels (R41), so needs an evaluation to record them. */
        private final boolean[] mayWithhold;
        /**
         * Per consent: its last outcome evaluated alone, with the provision that decided (made on
         * first use, then reused by every decision it decides alone; never changed once made).
         */
        private final ConsentEvaluation.Kept[] kept;
        /** Consents naming no actor: list 0 for any data class, list 1 + ordinal for one class. */
        private final Ids[] anyActor = new Ids[1 + DataClass.values().length];
        private final Map<UserId, Ids> persons = new HashMap<>();
        private final Map<OdsCode, Ids> organisations = new HashMap<>();
        private final Ids[] roles = new Ids[ProfessionalRole.values().length];
        private final Ids[] related = new Ids[RelationshipKind.values().length];

        private Candidates(ConsentRecord[] records) {
            this.records = records;
            this.purposes = new int[records.length];
            this.classes = new int[records.length];
            this.actions = new int[records.length];
            this.actorKeys = new ProvisionActor[records.length][];
            this.mayWithhold = new boolean[records.length];
            this.kept = new ConsentEvaluation.Kept[records.length];
            for (int i = 0; i < records.length; i++) {
                file(i, records[i]);
            }
        }

        private ConsentEvaluation evaluate(AccessRequest request, ConsentFacts facts, Patient patient,
                ConsentPolicy policy) {
            // plain arguments rather than a lookup object: the JIT does not always scalar-replace one
            ConsentEvaluation ev = visit(anyActor[0], 0, request, facts, patient, policy, null);
            ev = visit(anyActor[1 + request.dataClass().ordinal()], 0, request, facts, patient, policy, ev);
            Actor actor = request.actor();
            if (actor instanceof Actor.Professional p) {
                ev = visit(persons.get(p.user()), 1, request, facts, patient, policy, ev);
                ev = visit(organisations.get(p.organisation()), 2, request, facts, patient, policy, ev);
                ev = visit(roles[p.role().ordinal()], 3, request, facts, patient, policy, ev);
            } else if (actor instanceof Actor.Carer c) {
                ev = visit(persons.get(c.user()), 1, request, facts, patient, policy, ev);
            }
            List<Relationship> relationships = facts.relationships();
            for (int r = 0; r < relationships.size(); r++) {
                RelationshipKind kind = relationships.get(r).kind();
                if (firstOfKind(relationships, kind) == r) {
                    ev = visit(related[kind.ordinal()], 4 + r, request, facts, patient, policy, ev);
                }
            }
            return ev;
        }

        private ConsentEvaluation visit(Ids ids, int position, AccessRequest request, ConsentFacts facts,
                Patient patient, ConsentPolicy policy, ConsentEvaluation ev) {
            if (ids == null) {
                return ev;
            }
            int purpose = 1 << request.purpose().ordinal();
            int dataClass = 1 << request.dataClass().ordinal();
            int action = 1 << request.action().ordinal();
            for (int k = 0; k < ids.size; k++) {
                int i = ids.values[k];
                if ((purposes[i] & purpose) == 0 || (classes[i] & dataClass) == 0 || (actions[i] & action) == 0) {
                    continue;
                }
                ProvisionActor[] keys = actorKeys[i];
                // a consent filed under several actors the request matches is evaluated under the first only
                if (keys != null && keys.length > 1
                        && firstPosition(keys, request.actor(), facts.relationships()) != position) {
                    continue;
                }
                // the first consent that applies, if it can withhold nothing, decides alone into a kept outcome
                ev = ev == null && !mayWithhold[i]
                        ? ConsentEvaluation.alone(records[i], request, facts, patient, policy, kept, i)
                        : ConsentEvaluation.consider(ev, records[i], request, facts, patient, policy);
            }
            return ev;
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
            int p = mask(root.purposes(), ALL_PURPOSES) & scopeMask(c.scope());
            int d = mask(root.dataClasses(), ALL_CLASSES);
            int a = mask(root.actions(), ALL_ACTIONS);
            ProvisionActor[] keys = root.actors().isEmpty() ? null : distinct(List.of(root));
            if (!optIn) {
                // only a matching nested provision decides or withholds: the first level bounds what applies
                int nestedPurposes = 0;
                int nestedClasses = 0;
                int nestedActions = 0;
                boolean anyActorNested = false;
                for (Provision nested : root.provisions()) {
                    nestedPurposes |= mask(nested.purposes(), ALL_PURPOSES);
                    nestedClasses |= mask(nested.dataClasses(), ALL_CLASSES);
                    nestedActions |= mask(nested.actions(), ALL_ACTIONS);
                    anyActorNested |= nested.actors().isEmpty();
                }
                p &= nestedPurposes;
                d &= nestedClasses;
                a &= nestedActions;
                if (keys == null && !anyActorNested) {
                    keys = distinct(root.provisions());
                }
            }
            if (p == 0 || d == 0 || a == 0) {
                return;
            }
            purposes[i] = p;
            classes[i] = d;
            actions[i] = a;
            actorKeys[i] = keys;
            mayWithhold[i] = ConsentEvaluation.mayWithhold(c);
            if (keys == null) {
                if (d == ALL_CLASSES) {
                    add(anyActor, 0, i);
                } else {
                    for (int k = 0; k < DataClass.values().length; k++) {
                        if ((d & (1 << k)) != 0) {
                            add(anyActor, 1 + k, i);
                        }
                    }
                }
                return;
            }
            for (ProvisionActor key : keys) {
                if (key instanceof ProvisionActor.Person person) {
                    persons.computeIfAbsent(person.user(), u -> new Ids()).add(i);
                } else if (key instanceof ProvisionActor.Organisation organisation) {
                    organisations.computeIfAbsent(organisation.organisation(), o -> new Ids()).add(i);
                } else if (key instanceof ProvisionActor.Role role) {
                    add(roles, role.role().ordinal(), i);
                } else {
                    add(related, ((ProvisionActor.Related) key).kind().ordinal(), i);
                }
            }
        }
    }

    /** A growing list of consent positions. */
    private static final class Ids {
        private int[] values = new int[2];
        private int size;

        private void add(int consent) {
            if (size > 0 && values[size - 1] == consent) {
                return; // the consent names this actor twice
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = consent;
        }
    }

    private static void add(Ids[] lists, int at, int consent) {
        if (lists[at] == null) {
            lists[at] = new Ids();
        }
        lists[at].add(consent);
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

    /** Every actor the provisions name, each once. */
    private static ProvisionActor[] distinct(List<Provision> provisions) {
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

    private static int scopeMask(ConsentScope scope) {
        int mask = 0;
        Purpose[] purposes = Purpose.values();
        for (int p = 0; p < purposes.length; p++) {
            if (scope.covers(purposes[p])) {
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
