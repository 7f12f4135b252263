package io.github.personalcare.consent;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.SensitivityLabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One rule of a consent ({@code Consent.provision}): it matches a request when every criterion
 * given matches (an empty criterion means "any"), and nested provisions are exceptions to it.
 * The root provision has no type (the base policy decides); every nested one is
 * {@link ProvisionType#PERMIT} or {@link ProvisionType#DENY} (R43). The deepest matching provision
 * decides (R45).
 *
 * <p>Sibling provisions of opposite type must not overlap: if some request could match both, the
 * consent is ambiguous and rejected (rule R45); state the exception as a nested provision instead.
 *
 * <pre>{@code
 * Provision root = Provision.root()
 *         .provision(Provision.permit()
 *                 .actor(ProvisionActor.person(carer))
 *                 .action(AccessAction.ACCESS)
 *                 .dataClass(DataClass.CARE_PLAN)
 *                 .period(ConsentPeriod.between(from, to)))
 *         .build();
 * }</pre>
 *
 * @param type        permit or deny; empty on the root only
 * @param period      when the provision is in force; empty means always
 * @param actors      who it controls; empty means anyone
 * @param actions     what they do; empty means any action
 * @param dataClasses which classes of data; empty means any
 * @param labels      which sensitivity labels the data carries; empty means any data
 * @param purposes    why; the request's purpose must be one of them; empty means any
 * @param dataPeriod  the clinical dates of the data it is about; empty means any
 * @param provisions  nested exceptions
 */
public record Provision(
        Optional<ProvisionType> type,
        Optional<ConsentPeriod> period,
        List<ProvisionActor> actors,
        List<AccessAction> actions,
        List<DataClass> dataClasses,
        List<SensitivityLabel> labels,
        List<Purpose> purposes,
        Optional<DataPeriod> dataPeriod,
        List<Provision> provisions) {

    /** Most criteria a provision may list per kind, and most nested provisions per level. */
    public static final int MAX_ITEMS = 50;
    /** Deepest nesting allowed below the root; keeps evaluation bounded. */
    public static final int MAX_DEPTH = 8;

    /**
     * Checks the provision and its nested ones; absent optionals become empty.
     *
     * @param type        permit or deny; empty on the root only
     * @param period      when the provision is in force; empty means always
     * @param actors      who it controls; empty means anyone
     * @param actions     what they do; empty means any action
     * @param dataClasses which classes of data; empty means any
     * @param labels      which sensitivity labels the data carries; empty means any data
     * @param purposes    why; empty means any
     * @param dataPeriod  the clinical dates of the data it is about; empty means any
     * @param provisions  nested exceptions
     * @throws InvalidInputException if a nested provision has no type (R43), if sibling provisions
     *                               of opposite type overlap (R45), if nesting is deeper than
     *                               {@link #MAX_DEPTH} or a list longer than {@link #MAX_ITEMS}
     *                               (SIZE), or an item is missing (REQUIRED)
     */
    public Provision {
        type = type == null ? Optional.empty() : type;
        period = period == null ? Optional.empty() : period;
        actors = Require.list("provision.actor", actors, MAX_ITEMS);
        actions = Require.list("provision.action", actions, MAX_ITEMS);
        dataClasses = Require.list("provision.class", dataClasses, MAX_ITEMS);
        labels = Require.list("provision.securityLabel", labels, MAX_ITEMS);
        purposes = Require.list("provision.purpose", purposes, MAX_ITEMS);
        dataPeriod = dataPeriod == null ? Optional.empty() : dataPeriod;
        provisions = Require.list("provision.provision", provisions, MAX_ITEMS);
        for (Provision child : provisions) {
            if (child.type.isEmpty()) {
                throw new InvalidInputException("provision.provision.type", "R43",
                        "a nested provision must say permit or deny");
            }
            if (child.depth() >= MAX_DEPTH) {
                throw new InvalidInputException("provision.provision", "SIZE",
                        "must not be nested more than " + MAX_DEPTH + " deep");
            }
        }
        for (int i = 0; i < provisions.size(); i++) {
            for (int j = i + 1; j < provisions.size(); j++) {
                Provision a = provisions.get(i);
                Provision b = provisions.get(j);
                if (!a.type.equals(b.type) && a.overlaps(b)) {
                    throw new InvalidInputException("provision.provision", "R45",
                            "sibling provisions overlap and contradict each other; nest the exception instead");
                }
            }
        }
    }

    /** {@return a builder for the root provision (no type)} */
    public static Builder root() {
        return new Builder(Optional.empty());
    }

    /** {@return a builder for a nested provision that permits what it matches} */
    public static Builder permit() {
        return new Builder(Optional.of(ProvisionType.PERMIT));
    }

    /** {@return a builder for a nested provision that denies what it matches} */
    public static Builder deny() {
        return new Builder(Optional.of(ProvisionType.DENY));
    }

    /** {@return the number of provisions in this tree, this one included} */
    public int size() {
        int n = 1;
        for (Provision p : provisions) {
            n += p.size();
        }
        return n;
    }

    /** {@return the levels of nesting below this provision (0 when it has no nested provisions)} */
    public int depth() {
        int deepest = 0;
        for (Provision p : provisions) {
            deepest = Math.max(deepest, 1 + p.depth());
        }
        return deepest;
    }

    /**
     * True if some request could match both provisions: every criterion intersects (an empty one
     * matches anything). Actors of different kinds (a person and an organisation) are taken to
     * overlap, since the person may act for the organisation.
     *
     * @param other the other provision
     * @return whether some request could match both
     */
    public boolean overlaps(Provision other) {
        return intersects(actions, other.actions)
                && intersects(dataClasses, other.dataClasses)
                && intersects(labels, other.labels)
                && intersects(purposes, other.purposes)
                && actorsOverlap(actors, other.actors)
                && (period.isEmpty() || other.period.isEmpty() || period.get().overlaps(other.period.get()))
                && (dataPeriod.isEmpty() || other.dataPeriod.isEmpty()
                    || dataPeriod.get().overlaps(other.dataPeriod.get()));
    }

    private static <T> boolean intersects(List<T> a, List<T> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (T x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean actorsOverlap(List<ProvisionActor> a, List<ProvisionActor> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (ProvisionActor x : a) {
            for (ProvisionActor y : b) {
                if (x.equals(y) || x.getClass() != y.getClass()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds a {@link Provision}; not thread-safe. */
    public static final class Builder {
        private final Optional<ProvisionType> type;
        private Optional<ConsentPeriod> period = Optional.empty();
        private final List<ProvisionActor> actors = new ArrayList<>();
        private final List<AccessAction> actions = new ArrayList<>();
        private final List<DataClass> dataClasses = new ArrayList<>();
        private final List<SensitivityLabel> labels = new ArrayList<>();
        private final List<Purpose> purposes = new ArrayList<>();
        private Optional<DataPeriod> dataPeriod = Optional.empty();
        private final List<Provision> provisions = new ArrayList<>();

        private Builder(Optional<ProvisionType> type) {
            this.type = type;
        }

        /**
         * When the provision is in force.
         *
         * @param value the period
         * @return this builder
         * @throws InvalidInputException if {@code value} is missing
         */
        public Builder period(ConsentPeriod value) {
            this.period = Optional.of(Require.present("provision.period", value));
            return this;
        }

        /**
         * Adds actors it controls.
         *
         * @param values the actors
         * @return this builder
         */
        public Builder actor(ProvisionActor... values) {
            actors.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * Adds actions it covers.
         *
         * @param values the actions
         * @return this builder
         */
        public Builder action(AccessAction... values) {
            actions.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * Adds classes of data it covers.
         *
         * @param values the data classes
         * @return this builder
         */
        public Builder dataClass(DataClass... values) {
            dataClasses.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * Adds sensitivity labels it covers.
         *
         * @param values the labels
         * @return this builder
         */
        public Builder label(SensitivityLabel... values) {
            labels.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * Adds purposes it covers.
         *
         * @param values the purposes
         * @return this builder
         */
        public Builder purpose(Purpose... values) {
            purposes.addAll(Arrays.asList(values));
            return this;
        }

        /**
         * The clinical dates of the data it covers.
         *
         * @param value the clinical dates
         * @return this builder
         * @throws InvalidInputException if {@code value} is missing
         */
        public Builder dataPeriod(DataPeriod value) {
            this.dataPeriod = Optional.of(Require.present("provision.dataPeriod", value));
            return this;
        }

        /**
         * Adds a nested exception.
         *
         * @param nested the nested provision, permit or deny
         * @return this builder
         */
        public Builder provision(Provision nested) {
            provisions.add(nested);
            return this;
        }

        /**
         * Adds a nested exception from its builder.
         *
         * @param nested the nested provision's builder
         * @return this builder
         * @throws InvalidInputException if {@code nested} is missing or its provision is not valid
         */
        public Builder provision(Builder nested) {
            provisions.add(Require.present("provision.provision", nested).build());
            return this;
        }

        /**
         * The provision.
         *
         * @return the provision
         * @throws InvalidInputException as the record's constructor
         */
        public Provision build() {
            return new Provision(type, period, actors, actions, dataClasses, labels, purposes, dataPeriod, provisions);
        }
    }
}
