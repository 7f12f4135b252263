package io.github.personalcare.budget;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;

import java.util.Optional;

/**
 * The budget holder: the patient, a representative or nominee (by user id), or an organisation
 * (by ODS code).
 *
 * @param kind         who holds it
 * @param person       the representative or nominee; empty otherwise
 * @param organisation the organisation; empty otherwise
 */
public record BudgetHolder(HolderKind kind, Optional<UserId> person, Optional<OdsCode> organisation) {
    /**
     * Checks the holder: the kind is required; a representative or nominee names the person, an
     * organisation the organisation, and nothing else is named. Absent optionals become empty.
     *
     * @param kind         who holds it
     * @param person       the representative or nominee; empty otherwise
     * @param organisation the organisation; empty otherwise
     * @throws InvalidInputException naming the component that is missing or should be empty
     */
    public BudgetHolder {
        Require.present("holder.kind", kind);
        person = person == null ? Optional.empty() : person;
        organisation = organisation == null ? Optional.empty() : organisation;
        boolean needsPerson = kind == HolderKind.REPRESENTATIVE || kind == HolderKind.NOMINEE;
        if (needsPerson != person.isPresent()) {
            throw new InvalidInputException("holder.person", "HOLDER",
                    needsPerson ? "must name the representative or nominee" : "must be empty for this kind of holder");
        }
        if ((kind == HolderKind.ORGANISATION) != organisation.isPresent()) {
            throw new InvalidInputException("holder.organisation", "HOLDER",
                    kind == HolderKind.ORGANISATION ? "must name the organisation" : "must be empty for this kind of holder");
        }
    }

    /** {@return the holder for a budget the patient holds} */
    public static BudgetHolder patient() {
        return new BudgetHolder(HolderKind.PATIENT, Optional.empty(), Optional.empty());
    }

    /**
     * A representative or nominee holds it.
     *
     * @param kind   {@link HolderKind#REPRESENTATIVE} or {@link HolderKind#NOMINEE}
     * @param person their user id
     * @return the holder
     * @throws InvalidInputException if {@code kind} is missing or another kind
     * @throws NullPointerException if {@code person} is null
     */
    public static BudgetHolder person(HolderKind kind, UserId person) {
        return new BudgetHolder(kind, Optional.of(person), Optional.empty());
    }

    /**
     * An organisation holds it.
     *
     * @param organisation the organisation's ODS code
     * @return the holder
     * @throws NullPointerException if {@code organisation} is null
     */
    public static BudgetHolder organisation(OdsCode organisation) {
        return new BudgetHolder(HolderKind.ORGANISATION, Optional.empty(), Optional.of(organisation));
    }
}
