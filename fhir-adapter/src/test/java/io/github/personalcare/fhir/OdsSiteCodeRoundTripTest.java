package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.careplan.CarePlan;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R5: wherever an ODS code travels, one received with the ODS site code system leaves with it.
 * Each test takes an export, gives every ODS code in it the site code system, and checks that
 * the import of that document exports it again unchanged.
 */
class OdsSiteCodeRoundTripTest {
    private static final String ORGANISATION = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final String SITE = "https://fhir.nhs.uk/Id/ods-site-code";

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    private static String asSites(String json) {
        assertThat(json).contains(ORGANISATION);
        return json.replace(ORGANISATION, SITE);
    }

    @Test
    @DisplayName("R5 a referral's referring organisation and shortlisted providers keep the site code system")
    void r5ReferralSiteCodesRoundTrip() {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        String sites = asSites(FhirWriter.toJson(mapper.toFhir(ReferralConsentFixtures.bookedTwoWeekWait())));
        assertThat(FhirWriter.toJson(mapper.toFhir(importer.read(sites, mapper).value()))).isEqualTo(sites);
    }

    @Test
    @DisplayName("R5 an organisation named in a consent provision keeps the site code system")
    void r5ConsentSiteCodesRoundTrip() {
        ConsentMapper mapper = new ConsentMapper();
        String sites = asSites(FhirWriter.toJson(mapper.toFhir(ReferralConsentFixtures.carerMaySeeThePlan())));
        assertThat(FhirWriter.toJson(mapper.toFhir(importer.read(sites, mapper).value()))).isEqualTo(sites);
    }

    @Test
    @DisplayName("R5 every ODS code of a whole record (practice, roles, care plan, budget, referral) keeps the site code system")
    void r5WholeRecordSiteCodesRoundTrip() {
        PatientRecord budgetRecord = BudgetFixtures.record();
        CarePlan agreed = CareFixtures.agreed();
        CarePlan plan = new CarePlan(BudgetFixtures.PLAN, agreed.patient(), agreed.status(), agreed.content(),
                agreed.versions(), agreed.personAgreement(), agreed.leadCoSignature(), agreed.endReason(),
                agreed.endedAt(), agreed.draftedAt());
        PatientRecord record = PatientRecord.builder(budgetRecord.patient()).professionals(List.of(Fixtures.GP))
                .careTeams(List.of(CareFixtures.team())).carePlans(List.of(plan)).budgets(budgetRecord.budgets())
                .ledger(budgetRecord.ledger()).referrals(List.of(ReferralConsentFixtures.bookedTwoWeekWait()))
                .consents(List.of(ReferralConsentFixtures.carerMaySeeThePlan())).audit(budgetRecord.audit()).build();
        PatientRecordMapper mapper = new PatientRecordMapper();
        String sites = asSites(FhirWriter.toJson(mapper.toFhir(record)));
        assertThat(FhirWriter.toJson(mapper.toFhir(importer.read(sites, mapper).value()))).isEqualTo(sites);
    }
}
