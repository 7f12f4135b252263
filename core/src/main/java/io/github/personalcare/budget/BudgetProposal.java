package io.github.personalcare.budget;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.careplan.CarePlanId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;

import java.time.LocalDate;
import java.util.List;

/**
 * What is needed to propose a budget: the patient, the agreed plan it is for (R15), why the
 * person has it (R18), who holds it, its lines (R14) and the first day of its first period.
 *
 * @param patient     whose budget
 * @param carePlan    the agreed care plan it pays for
 * @param eligibility why the person has it
 * @param holder      who holds it
 * @param lines       its lines
 * @param startDate   the first day of the first allocation period
 */
public record BudgetProposal(PatientId patient, CarePlanId carePlan, Eligibility eligibility, BudgetHolder holder,
        List<BudgetLine> lines, LocalDate startDate) {
    /**
     * Checks every component is present and there are at most
     * {@link PersonalHealthBudget#MAX_LINES} lines.
     *
     * @param patient     whose budget it is
     * @param carePlan    the agreed care plan it pays for
     * @param eligibility why the person has it
     * @param holder      who holds it
     * @param lines       its lines
     * @param startDate   the first day of the first allocation period
     * @throws InvalidInputException if a component is missing or there are too many lines
     */
    public BudgetProposal {
        Require.present("patient", patient);
        Require.present("carePlan", carePlan);
        Require.present("eligibility", eligibility);
        Require.present("holder", holder);
        lines = Require.list("lines", lines, PersonalHealthBudget.MAX_LINES);
        Require.present("startDate", startDate);
    }
}
