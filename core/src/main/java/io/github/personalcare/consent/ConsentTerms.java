package io.github.personalcare.consent;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;

import java.util.List;
import java.util.Optional;

/**
 * What a consent says, as the patient or their representative gave it: scope, categories, who
 * gave it, the policy it is given under and its provision tree. A {@link ConsentRecord} adds the
 * id, patient, status and time; recording and updating a consent take terms.
 *
 * <p>A consent that lets a carer see the plan names the carer on its <em>root</em>, so that it is
 * about the carer's requests only. Opt-in then means "nothing else for the carer", and the care
 * team's implied consent for direct care is untouched:
 *
 * <pre>{@code
 * ConsentTerms carerMaySeeThePlan = ConsentTerms.builder(ConsentScope.PATIENT_PRIVACY)
 *         .policyRule(BasePolicy.OPT_IN)
 *         .provision(Provision.root().actor(ProvisionActor.person(carer))
 *                 .provision(Provision.permit().action(AccessAction.ACCESS)
 *                         .dataClass(DataClass.CARE_PLAN).period(ConsentPeriod.between(from, to))))
 *         .build();
 * }</pre>
 *
 * <p>An opt-in privacy consent whose root names no actor applies to everyone, the care team too: it
 * denies the direct care it does not permit. {@link Builder#build()} refuses such terms unless the
 * patient's intent is stated with {@link Builder#denyingImpliedDirectCare()}.
 *
 * @param scope      what the consent is about (R44)
 * @param categories its FHIR categories (at least one)
 * @param performer  who gave it: the patient or a representative (R46, R47)
 * @param policies   policies it is given under (such as the national data opt-out)
 * @param policyRule the computable base policy: opt-in or opt-out
 * @param provision  the root provision (no type, R43)
 */
public record ConsentTerms(
        ConsentScope scope,
        List<ConsentCategory> categories,
        Performer performer,
        List<PolicyReference> policies,
        Optional<BasePolicy> policyRule,
        Provision provision) {

    /** Most provisions one consent may hold in all, so that every decision stays cheap. */
    public static final int MAX_PROVISIONS = 200;

    /**
     * Checks the terms; an absent policy rule becomes empty.
     *
     * @param scope      what the consent is about (R44)
     * @param categories its FHIR categories, 1 to 10
     * @param performer  who gave it
     * @param policies   policies it is given under, at most 10
     * @param policyRule the computable base policy, if any
     * @param provision  the root provision
     * @throws InvalidInputException if there is neither a policy nor a policy rule (R44, FHIR
     *                               ppc-1), the root provision has a type (R43), the tree holds
     *                               more than {@link #MAX_PROVISIONS} provisions (SIZE), or a
     *                               required part is missing
     */
    public ConsentTerms {
        Require.present("scope", scope);
        categories = Require.list("category", categories, 10);
        if (categories.isEmpty()) {
            throw new InvalidInputException("category", "REQUIRED", "needs at least one category");
        }
        Require.present("performer", performer);
        policies = Require.list("policy", policies, 10);
        policyRule = policyRule == null ? Optional.empty() : policyRule;
        if (policies.isEmpty() && policyRule.isEmpty()) {
            throw new InvalidInputException("policy", "R44", "a consent needs a policy or a policy rule (ppc-1)");
        }
        Require.present("provision", provision);
        if (provision.size() > MAX_PROVISIONS) {
            throw new InvalidInputException("provision", "SIZE", "must hold at most " + MAX_PROVISIONS
                    + " provisions in all");
        }
        if (provision.type().isPresent()) {
            throw new InvalidInputException("provision.type", "R43",
                    "the root provision has no type; the base policy comes from the policy rule");
        }
    }

    /**
     * Whether these terms can deny anything: an opt-in root (which denies what no nested provision
     * permits), a deny provision anywhere, or no computable rule at all. Such a consent is the
     * patient's objection (R41), lifted only by the patient or their representative.
     */
    boolean restricts() {
        return policyRule.map(rule -> rule != BasePolicy.OPT_OUT).orElse(true) || deniesSomewhere(provision);
    }

    /**
     * True if these terms withdraw the implied consent for direct care from everyone: an opt-in
     * privacy consent whose root names no actor and applies to direct care.
     */
    boolean deniesImpliedDirectCare() {
        return scope == ConsentScope.PATIENT_PRIVACY && policyRule.filter(r -> r == BasePolicy.OPT_IN).isPresent()
                && provision.actors().isEmpty()
                && (provision.purposes().isEmpty() || provision.purposes().contains(Purpose.DIRECT_CARE));
    }

    private static boolean deniesSomewhere(Provision p) {
        if (p.type().filter(t -> t == ProvisionType.DENY).isPresent()) {
            return true;
        }
        for (Provision nested : p.provisions()) {
            if (deniesSomewhere(nested)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A builder with the scope; categories default to information access, performer to the patient.
     *
     * @param scope what the consent is about
     * @return the builder
     */
    public static Builder builder(ConsentScope scope) {
        return new Builder(scope);
    }

    /** Builds {@link ConsentTerms}; not thread-safe. */
    public static final class Builder {
        private final ConsentScope scope;
        private List<ConsentCategory> categories = List.of(ConsentCategory.INFORMATION_ACCESS);
        private Performer performer = Performer.patient();
        private List<PolicyReference> policies = List.of();
        private Optional<BasePolicy> policyRule = Optional.empty();
        private Provision provision = Provision.root().build();
        private boolean denyingImpliedDirectCare;

        private Builder(ConsentScope scope) {
            this.scope = scope;
        }

        /**
         * The categories (default: information access).
         *
         * @param values the categories, 1 to 10
         * @return this builder
         */
        public Builder categories(List<ConsentCategory> values) {
            this.categories = values;
            return this;
        }

        /**
         * Who gave the consent (default: the patient).
         *
         * @param value the patient or a representative
         * @return this builder
         */
        public Builder performer(Performer value) {
            this.performer = value;
            return this;
        }

        /**
         * The policies it is given under.
         *
         * @param values the policies, at most 10
         * @return this builder
         */
        public Builder policies(List<PolicyReference> values) {
            this.policies = values;
            return this;
        }

        /**
         * The computable base policy.
         *
         * @param value opt-in or opt-out; null for none
         * @return this builder
         */
        public Builder policyRule(BasePolicy value) {
            this.policyRule = Optional.ofNullable(value);
            return this;
        }

        /**
         * The root provision (default: an empty root matching every request in scope).
         *
         * @param value the root provision, with no type
         * @return this builder
         */
        public Builder provision(Provision value) {
            this.provision = value;
            return this;
        }

        /**
         * The root provision, from its builder.
         *
         * @param value the root provision's builder
         * @return this builder
         * @throws InvalidInputException if {@code value} is missing or the provision tree is not
         *                               valid
         */
        public Builder provision(Provision.Builder value) {
            this.provision = Require.present("provision", value).build();
            return this;
        }

        /**
         * States that the patient means these terms to withdraw the implied consent for direct care:
         * an opt-in privacy consent whose root names no actor (and no purpose other than direct
         * care) then builds, and denies the care team whatever it does not permit (R41).
         *
         * @return this builder
         */
        public Builder denyingImpliedDirectCare() {
            this.denyingImpliedDirectCare = true;
            return this;
        }

        /**
         * The terms.
         *
         * @return the terms
         * @throws InvalidInputException as the record's constructor; and, rule
         *                               {@code IMPLIED_DIRECT_CARE}, for an opt-in privacy consent
         *                               whose root names no actor and does not leave out direct
         *                               care, unless {@link #denyingImpliedDirectCare()} was called:
         *                               it would silently lock the whole care team out
         */
        public ConsentTerms build() {
            ConsentTerms terms = new ConsentTerms(scope, categories, performer, policies, policyRule, provision);
            if (!denyingImpliedDirectCare && terms.deniesImpliedDirectCare()) {
                throw new InvalidInputException("provision", "IMPLIED_DIRECT_CARE",
                        "an opt-in privacy consent whose root names no actor denies direct care to the whole care"
                                + " team; name the actor on the root, use opt-out, or call denyingImpliedDirectCare()"
                                + " if that is the patient's intent");
            }
            return terms;
        }
    }
}
