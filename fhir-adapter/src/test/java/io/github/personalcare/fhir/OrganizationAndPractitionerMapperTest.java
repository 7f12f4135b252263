package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrganizationAndPractitionerMapperTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    @Test
    @DisplayName("R5 an organisation is emitted with its ODS organisation code identifier")
    void r5OrganizationCarriesTheOdsCode() {
        ObjectNode org = new OrganizationMapper().toFhir(OdsCode.of("RH8"));
        assertThat(org.at("/identifier/0/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(org.at("/identifier/0/value").asText()).isEqualTo("RH8");
    }

    @Test
    @DisplayName("R5 an ODS code that is not uppercase alphanumeric is refused at its path")
    void r5LowercaseOdsCodeIsRefused() {
        ObjectNode org = new OrganizationMapper().toFhir(OdsCode.of("RH8"));
        ((ObjectNode) org.at("/identifier/0")).put("value", "rh8");
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(org), new OrganizationMapper()))
                .satisfies(e -> assertThat(e.problems()).containsExactly(new ImportProblem("$.identifier[0].value",
                        "R5", "odsCode: must be uppercase letters and digits (R5)")));
    }

    @Test
    @DisplayName("R5 an ODS site code read with the site code system is written back with it")
    void r5SiteCodeIsWrittenBackWithTheSiteSystem() {
        ObjectNode org = new OrganizationMapper().toFhir(OdsCode.of("RH802"));
        ((ObjectNode) org.at("/identifier/0")).put("system", "https://fhir.nhs.uk/Id/ods-site-code");
        OdsCode back = importer.read(FhirWriter.toJson(org), new OrganizationMapper()).value();
        ObjectNode again = new OrganizationMapper().toFhir(back);
        assertThat(again.at("/identifier/0/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/ods-site-code");
        assertThat(again.at("/identifier/0/value").asText()).isEqualTo("RH802");
        assertThat(again.get("id")).isEqualTo(org.get("id"));
    }

    @Test
    @DisplayName("R5 a site code is read as a site and referenced with the site code system")
    void r5SiteCodeIsReadAsASiteAndReferencedAsOne() {
        ObjectNode org = new OrganizationMapper().toFhir(OdsCode.site("RH802"));
        assertThat(importer.read(FhirWriter.toJson(org), new OrganizationMapper()).value().kind())
                .isEqualTo(OdsCode.Kind.SITE);
        assertThat(OrganizationMapper.referenceTo(OdsCode.site("RH802")).at("/identifier/system").asText())
                .isEqualTo("https://fhir.nhs.uk/Id/ods-site-code");
    }

    @Test
    @DisplayName("R5 a professional at a site keeps the site code through their PractitionerRole")
    void r5PractitionerRoleAtASiteRoundTrips() {
        Actor.Professional atSite = Actor.professional(UserId.of("U100002"), Fixtures.NURSE.role(),
                OdsCode.site("RH802"));
        ObjectNode role = new PractitionerRoleMapper().toFhir(atSite);
        assertThat(role.at("/organization/identifier/system").asText()).isEqualTo("https://fhir.nhs.uk/Id/ods-site-code");
        Actor.Professional back = importer.read(FhirWriter.toJson(role), new PractitionerRoleMapper()).value();
        assertThat(back.organisation().kind()).isEqualTo(OdsCode.Kind.SITE);
    }

    @Test
    void theSameOdsCodeAlwaysGivesTheSameOrganizationId() {
        assertThat(OrganizationMapper.idFor(OdsCode.of("A81001"))).isEqualTo(OrganizationMapper.idFor(OdsCode.of("A81001")))
                .isNotEqualTo(OrganizationMapper.idFor(OdsCode.of("A81002")));
    }

    @Test
    void practitionerCarriesTheUserIdUnderTheSdkSystem() {
        ObjectNode p = new PractitionerMapper().toFhir(UserId.of("U100001"));
        assertThat(p.at("/identifier/0/system").asText()).isEqualTo("https://personalcare.github.io/fhir/Id/user-id");
        assertThat(importer.read(FhirWriter.toJson(p), new PractitionerMapper()).value()).isEqualTo(UserId.of("U100001"));
    }

    @Test
    void anSdsUserIdIsAcceptedAsTheUserId() {
        ObjectNode p = new PractitionerMapper().toFhir(UserId.of("U100001"));
        ((ObjectNode) p.at("/identifier/0")).put("system", "https://fhir.nhs.uk/Id/sds-user-id");
        assertThat(importer.read(FhirWriter.toJson(p), new PractitionerMapper()).value()).isEqualTo(UserId.of("U100001"));
    }

    @Test
    void practitionerRoleRoundTripsTheProfessional() {
        ObjectNode role = new PractitionerRoleMapper().toFhir(Fixtures.NURSE);
        assertThat(role.at("/code/0/coding/0/code").asText()).isEqualTo("NURSE");
        assertThat(role.at("/organization/identifier/value").asText()).isEqualTo("RH8");
        Actor.Professional back = importer.read(FhirWriter.toJson(role), new PractitionerRoleMapper()).value();
        assertThat(back).isEqualTo(Fixtures.NURSE);
    }

    @Test
    void practitionerRoleWithAnUnknownRoleIsRefused() {
        ObjectNode role = new PractitionerRoleMapper().toFhir(Fixtures.NURSE);
        ((ObjectNode) role.at("/code/0/coding/0")).put("code", "SURGEON_GENERAL");
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(role), new PractitionerRoleMapper()))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath)
                        .containsExactly("$.code[0].coding[0].code"));
    }

    @Test
    void practitionerRoleResolvesItsReferencesInsideABundle() {
        // References without identifiers resolve through the Bundle's fullUrls.
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).professionals(java.util.List.of(Fixtures.GP)).build();
        ObjectNode bundle = new PatientRecordMapper().toFhir(record);
        for (var entry : bundle.get("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            if (resource.get("resourceType").asText().equals("PractitionerRole")) {
                ((ObjectNode) resource.get("practitioner")).remove("identifier");
                ((ObjectNode) resource.get("organization")).remove("identifier");
            }
        }
        PatientRecord back = importer.read(FhirWriter.toJson(bundle), new PatientRecordMapper()).value();
        assertThat(back.professionals()).containsExactly(Fixtures.GP);
    }
}
