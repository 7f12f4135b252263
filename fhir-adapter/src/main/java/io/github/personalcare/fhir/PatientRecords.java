package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Referral;
import io.github.personalcare.lang.Versioned;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers a patient's whole record from a running SDK, for export with {@link PatientRecordMapper}.
 *
 * <p>Every part is read through the SDK's services, so every read is decided by the access policy
 * and audited like any other. If the caller may not read any one part, the whole read fails with
 * the service's {@link io.github.personalcare.access.AccessDeniedException}: an export never silently
 * leaves out what the caller was refused, since a receiver could not tell a partial record from a
 * whole one. The audit trail is read last, so it includes the reads made to gather the record.
 */
public final class PatientRecords {
    private PatientRecords() {
    }

    /**
     * The whole record of {@code patient} as {@code ctx} may see it: demographics, care team,
     * care plans, personal health budgets and their ledgers, referrals, consents and the audit
     * trail.
     *
     * @param care    the running SDK to read from
     * @param ctx     who asks, for what purpose; the same context is used for every read
     * @param patient the patient whose record is read
     * @return the patient's record, each part as {@code ctx} may see it
     * @throws io.github.personalcare.lang.InvalidInputException  if {@code care}, {@code ctx} or {@code patient} is
     *                                                            missing
     * @throws io.github.personalcare.access.AccessDeniedException if any part may not be read by {@code ctx}
     * @throws io.github.personalcare.lang.NotFoundException      if the patient is unknown
     */
    public static PatientRecord read(PersonalCare care, AccessContext ctx, PatientId patient) {
        Require.present("care", care);
        Require.present("ctx", ctx);
        Require.present("patient", patient);
        Patient found = care.patients().get(ctx, patient).value();
        List<CareTeam> careTeams = care.careTeams().forPatient(ctx, patient).map(Versioned::value).stream().toList();
        List<CarePlan> carePlans = care.carePlans().plansOf(ctx, patient).stream().map(Versioned::value).toList();
        List<PersonalHealthBudget> budgets = care.budgets().budgetsOf(ctx, patient).stream().map(Versioned::value)
                .toList();
        List<LedgerEntry> ledger = new ArrayList<>();
        for (PersonalHealthBudget budget : budgets) {
            ledger.addAll(care.budgets().ledger(ctx, budget.id()).entries());
        }
        List<Referral> referrals = care.referrals().forPatient(ctx, patient).stream().map(Versioned::value).toList();
        return PatientRecord.builder(found)
                .careTeams(careTeams)
                .carePlans(carePlans)
                .budgets(budgets)
                .ledger(ledger)
                .referrals(referrals)
                .consents(care.consents().list(ctx, patient).stream().map(Versioned::value).toList())
                .audit(care.audit().records(ctx, patient))
                .build();
    }
}
