package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.Referral;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated referrals and consents: the import is the exported value, export-import-export is
 * byte-identical, and every export validates against UK Core with 0 errors.
 */
class ReferralConsentPropertiesTest {
    private static final PatientId PATIENT = new PatientId(UUID.fromString("3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b"));

    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    @Property(tries = 300)
    void referralExportImportIsTheSameReferralAndExportsIdentically(@ForAll("referrals") Referral referral) {
        ServiceRequestMapper mapper = new ServiceRequestMapper();
        String first = FhirWriter.toJson(mapper.toFhir(referral));
        Referral back = importer.read(first, mapper).value();
        assertThat(back).isEqualTo(referral);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
    }

    @Property(tries = 300)
    void consentExportImportIsTheSameConsentAndExportsIdentically(@ForAll("consents") ConsentRecord consent) {
        ConsentMapper mapper = new ConsentMapper();
        String first = FhirWriter.toJson(mapper.toFhir(consent));
        ConsentRecord back = importer.read(first, mapper).value();
        assertThat(back).isEqualTo(consent);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
    }

    @Property(tries = 30)
    void everyGeneratedServiceRequestValidates(@ForAll("referrals") Referral referral) {
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(new ServiceRequestMapper().toFhir(referral))))
                .isEmpty();
    }

    @Property(tries = 30)
    void everyGeneratedConsentValidates(@ForAll("consents") ConsentRecord consent) {
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(new ConsentMapper().toFhir(consent)))).isEmpty();
    }

    @Provide
    Arbitrary<Referral> referrals() {
        return GeneratedReferrals.referrals(PATIENT);
    }

    @Provide
    Arbitrary<ConsentRecord> consents() {
        return GeneratedConsents.consents(PATIENT);
    }
}
