package io.github.personalcare.budget;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The local policy budgets are run under, set once on the {@code PersonalCare} builder
 * ({@code budgetPolicy}); {@link #defaults()} when not set.
 *
 * <ul>
 *   <li>Excluded categories (R16): the default list, which configuration may extend
 *       ({@link #excluding}); a default category comes off only with an {@link AuditedOverride}
 *       ({@link #permitting}), and every spend the override lets through is audited.</li>
 *   <li>Notional overspend: off by default; when on, a spend on a notional line may exceed the
 *       balance if it names an approver.</li>
 *   <li>Schedule exclusion override (R20): off by default; when on, a direct-payment line may be
 *       opened for a person excluded under the Schedule if the line carries an override.</li>
 *   <li>Allocation period: 12 months by default, 1 to 12.</li>
 * </ul>
 *
 * @param excludedCategories         categories no spend may be in
 * @param exclusionOverrides         default exclusions set aside, with who and why
 * @param notionalOverspendAllowed   whether notional lines may go over with an approver
 * @param scheduleOverrideAllowed    whether the R20 exclusion may be overridden
 * @param periodMonths               length of an allocation period in months
 */
public record BudgetPolicy(
        Set<SpendCategory> excludedCategories,
        List<ExclusionOverride> exclusionOverrides,
        boolean notionalOverspendAllowed,
        boolean scheduleOverrideAllowed,
        int periodMonths) {

    /**
     * A default exclusion set aside for one category.
     *
     * @param category the category no longer excluded
     * @param override who decided, and why
     */
    public record ExclusionOverride(SpendCategory category, AuditedOverride override) {
        /**
         * Checks both components are present.
         *
         * @param category the category no longer excluded
         * @param override who decided, and why
         * @throws InvalidInputException if either is missing
         */
        public ExclusionOverride {
            Require.present("category", category);
            Require.present("override", override);
        }
    }

    /**
     * Checks the policy and copies the collections.
     *
     * @param excludedCategories       categories no spend may be in
     * @param exclusionOverrides       default exclusions set aside, with who and why
     * @param notionalOverspendAllowed whether notional lines may go over with an approver
     * @param scheduleOverrideAllowed  whether the R20 exclusion may be overridden
     * @param periodMonths             length of an allocation period in months, 1 to 12
     * @throws ConfigurationException if a default exclusion is missing without an override, or the
     *                                period is out of range
     * @throws InvalidInputException if a collection is missing
     */
    public BudgetPolicy {
        excludedCategories = Set.copyOf(Require.present("excludedCategories", excludedCategories));
        exclusionOverrides = List.copyOf(Require.present("exclusionOverrides", exclusionOverrides));
        for (SpendCategory c : SpendCategory.EXCLUDED_BY_DEFAULT) {
            if (!excludedCategories.contains(c) && overrideFor(exclusionOverrides, c).isEmpty()) {
                throw new ConfigurationException("budgetPolicy.excludedCategories",
                        "a default exclusion (R16) may be removed only with an audited override");
            }
        }
        for (ExclusionOverride o : exclusionOverrides) {
            if (excludedCategories.contains(o.category())) {
                throw new ConfigurationException("budgetPolicy.exclusionOverrides", "an overridden category is still excluded");
            }
        }
        if (periodMonths < 1 || periodMonths > 12) {
            throw new ConfigurationException("budgetPolicy.periodMonths", "must be 1 to 12");
        }
    }

    /**
     * {@return the default policy: R16 exclusions, no overspend, no Schedule override, 12-month
     * periods}
     */
    public static BudgetPolicy defaults() {
        return new BudgetPolicy(SpendCategory.EXCLUDED_BY_DEFAULT, List.of(), false, false, 12);
    }

    /**
     * A copy that also excludes the given categories.
     *
     * @param categories the categories to exclude as well
     * @return the copy
     */
    public BudgetPolicy excluding(SpendCategory... categories) {
        Set<SpendCategory> next = new HashSet<>(excludedCategories);
        next.addAll(List.of(categories));
        return new BudgetPolicy(next, exclusionOverrides, notionalOverspendAllowed, scheduleOverrideAllowed, periodMonths);
    }

    /**
     * A copy in which a default exclusion no longer applies, on a named person's authority.
     * Every spend it lets through is audited with rule R16.
     *
     * @param category   the default-excluded category to allow
     * @param approvedBy who decided
     * @param reason     why; free text, never logged
     * @return the copy
     * @throws InvalidInputException if {@code approvedBy} is missing or the reason is blank or too
     *                               long
     */
    public BudgetPolicy permitting(SpendCategory category, UserId approvedBy, String reason) {
        Set<SpendCategory> next = new HashSet<>(excludedCategories);
        next.remove(category);
        List<ExclusionOverride> overrides = new ArrayList<>(exclusionOverrides);
        overrides.add(new ExclusionOverride(category, new AuditedOverride(approvedBy, reason)));
        return new BudgetPolicy(next, overrides, notionalOverspendAllowed, scheduleOverrideAllowed, periodMonths);
    }

    /**
     * {@return a copy that lets notional lines go over their balance when a spend names an
     * approver}
     */
    public BudgetPolicy allowingNotionalOverspend() {
        return new BudgetPolicy(excludedCategories, exclusionOverrides, true, scheduleOverrideAllowed, periodMonths);
    }

    /**
     * {@return a copy that lets a direct-payment line carry an override of the Schedule exclusion
     * (R20)}
     */
    public BudgetPolicy allowingScheduleOverride() {
        return new BudgetPolicy(excludedCategories, exclusionOverrides, notionalOverspendAllowed, true, periodMonths);
    }

    /**
     * A copy with allocation periods of {@code months} months.
     *
     * @param months the length of a period, 1 to 12
     * @return the copy
     * @throws ConfigurationException if {@code months} is out of range
     */
    public BudgetPolicy withPeriodMonths(int months) {
        return new BudgetPolicy(excludedCategories, exclusionOverrides, notionalOverspendAllowed, scheduleOverrideAllowed, months);
    }

    /**
     * {@return whether no spend may be in the category (R16)}
     *
     * @param category the spend category
     */
    public boolean excludes(SpendCategory category) {
        return excludedCategories.contains(category);
    }

    /**
     * The override that lets spends in a default-excluded category through, if one is configured.
     *
     * @param category the spend category
     * @return the override, or empty if none is configured
     */
    public Optional<ExclusionOverride> overrideFor(SpendCategory category) {
        return overrideFor(exclusionOverrides, category);
    }

    private static Optional<ExclusionOverride> overrideFor(List<ExclusionOverride> overrides, SpendCategory category) {
        return overrides.stream().filter(o -> o.category().equals(category)).findFirst();
    }
}
