package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.consent.LegalAuthority;
import io.github.personalcare.consent.Performer;
import io.github.personalcare.consent.Provision;
import io.github.personalcare.consent.ProvisionType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentMapperTest {
    private final ConsentMapper mapper = new ConsentMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final ConsentRecord carer = ReferralConsentFixtures.carerMaySeeThePlan();
    private final ConsentRecord research = ReferralConsentFixtures.researchOptOutByAttorney();

    private ConsentRecord roundTrip(JsonNode json) {
        return importer.read(FhirWriter.toJson(json), mapper).value();
    }

    private List<ImportProblem> problems(JsonNode json) {
        return FhirJsonForTests.problems(json, mapper);
    }

    @Test
    void bothConsentsSurviveExportAndImport() {
        for (ConsentRecord c : List.of(carer, research)) {
            ObjectNode json = mapper.toFhir(c);
            ConsentRecord back = roundTrip(json);
            assertThat(back).isEqualTo(c);
            assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(json));
        }
    }

    @Test
    void topLevelElementsAreMappedAsDocumented() {
        JsonNode json = mapper.toFhir(carer);
        assertThat(json.at("/meta/profile/0").asText())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Consent");
        assertThat(json.get("status").asText()).isEqualTo("active");
        assertThat(json.at("/scope/coding/0/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/consentscope");
        assertThat(json.at("/scope/coding/0/code").asText()).isEqualTo("patient-privacy");
        assertThat(json.at("/category/0/coding/0/code").asText()).isEqualTo("INFA");
        assertThat(json.at("/patient/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(json.get("dateTime").asText()).isEqualTo("2026-11-01T12:00:00Z");
        assertThat(json.at("/performer/0/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(json.at("/policy/0/uri").asText()).isEqualTo("https://personalcare.github.io/fhir/consent-policy/opt-in");
        assertThat(json.at("/policy/0").has("authority")).isFalse();
        assertThat(json.at("/policy/1/uri").asText()).isEqualTo("https://digital.nhs.uk/services/national-data-opt-out");
        assertThat(json.at("/policy/1/authority").asText()).isEqualTo("https://digital.nhs.uk");
        assertThat(json.has("policyRule")).isFalse();
    }

    @Test
    @DisplayName("R43 provisions mirror the domain: untyped root, typed nested provisions with every criterion")
    void r43ProvisionsMirrorTheDomain() {
        JsonNode p = mapper.toFhir(carer).get("provision");
        assertThat(p.has("type")).isFalse();
        assertThat(p.at("/action/0/coding/0/code").asText()).isEqualTo("access");
        JsonNode permit = p.at("/provision/0");
        assertThat(permit.get("type").asText()).isEqualTo("permit");
        assertThat(permit.at("/period/start").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(permit.at("/period/end").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(permit.at("/actor/0/role/coding/0/code").asText()).isEqualTo("IRCP");
        assertThat(permit.at("/actor/0/reference/identifier/value").asText()).isEqualTo("carer.bea");
        assertThat(permit.at("/actor/1/role/coding/0/code").asText()).isEqualTo("IRCP");
        assertThat(permit.at("/actor/1/role/coding/0/extension/0/valueCoding/code").asText())
                .isEqualTo("CARER_WITH_PROXY");
        assertThat(permit.at("/class/0/system").asText()).isEqualTo("http://hl7.org/fhir/resource-types");
        assertThat(permit.at("/class/0/code").asText()).isEqualTo("CarePlan");
        assertThat(permit.at("/class/1/code").asText()).isEqualTo("ServiceRequest");
        assertThat(permit.at("/purpose/0/system").asText()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActReason");
        assertThat(permit.at("/purpose/0/code").asText()).isEqualTo("TREAT");
        JsonNode deny = permit.at("/provision/0");
        assertThat(deny.get("type").asText()).isEqualTo("deny");
        assertThat(deny.at("/securityLabel/0/code").asText()).isEqualTo("MH");
        assertThat(deny.at("/securityLabel/0/extension/0/valueCoding/code").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(deny.at("/dataPeriod/start").asText()).isEqualTo("2010-01-01");
        assertThat(deny.at("/dataPeriod/end").asText()).isEqualTo("2020-12-31");
        JsonNode practice = p.at("/provision/1");
        assertThat(practice.at("/actor/0/reference/type").asText()).isEqualTo("Organization");
        assertThat(practice.at("/actor/0/reference/identifier/system").asText())
                .isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(practice.at("/actor/1/role/coding/0/extension/0/valueCoding/code").asText()).isEqualTo("NURSE");
        assertThat(practice.at("/purpose/1/code").asText()).isEqualTo("ETREAT");
    }

    @Test
    void aRepresentativeIsARelatedPersonWithTheLegalAuthority() {
        JsonNode json = mapper.toFhir(research);
        JsonNode performer = json.at("/performer/0");
        assertThat(performer.get("type").asText()).isEqualTo("RelatedPerson");
        assertThat(performer.at("/identifier/value").asText()).isEqualTo("mother.cat");
        assertThat(performer.at("/extension/0/valueCoding/code").asText()).isEqualTo("LPA_HEALTH_AND_WELFARE");
        assertThat(json.has("policyRule")).isFalse();
        assertThat(json.has("provision")).as("an empty root provision is left out").isFalse();
        assertThat(roundTrip(json).terms().performer())
                .isEqualTo(Performer.representative(ReferralConsentFixtures.MOTHER, LegalAuthority.LPA_HEALTH_AND_WELFARE));
    }

    @Test
    @DisplayName("R44 every export has the patient and a policy or a policyRule (ppc-1)")
    void r44ExportAlwaysHasPatientAndPolicyOrRule() {
        for (ConsentRecord c : List.of(carer, research)) {
            JsonNode json = mapper.toFhir(c);
            assertThat(json.has("patient")).isTrue();
            assertThat(json.has("policy") || json.has("policyRule")).isTrue();
        }
    }

    @Test
    @DisplayName("R44 a Consent without policy and policyRule is refused (ppc-1)")
    void r44ConsentWithoutPolicyOrRuleIsRefused() {
        ObjectNode json = mapper.toFhir(carer);
        json.remove(List.of("policy", "policyRule"));
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.policy", "R44"));
    }

    @Test
    @DisplayName("R44 a Consent without patient is refused")
    void r44ConsentWithoutPatientIsRefused() {
        ObjectNode json = mapper.toFhir(research);
        json.remove("patient");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.patient", "R44"));
    }

    @Test
    @DisplayName("R43 a typed root provision (other systems write one) reads as an untyped root holding it, with a warning")
    void r43TypedRootProvisionIsReadAsOneNestedProvision() {
        ObjectNode json = mapper.toFhir(carer);
        ((ObjectNode) json.get("provision")).put("type", "permit");
        FhirImport<ConsentRecord> read = new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(json), mapper);
        Provision root = read.value().terms().provision();
        Provision original = carer.terms().provision();
        assertThat(root.type()).isEmpty();
        assertThat(root.provisions()).hasSize(1);
        Provision inner = root.provisions().get(0);
        assertThat(inner.type()).contains(ProvisionType.PERMIT);
        assertThat(inner.actions()).isEqualTo(original.actions());
        assertThat(inner.provisions()).isEqualTo(original.provisions());
        assertThat(read.warnings()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.type", "ROOT_PROVISION_TYPED"));
    }

    @Test
    @DisplayName("R43 a nested provision without a type, or with another code, is refused at its path")
    void r43UntypedNestedProvisionIsRefused() {
        ObjectNode json = mapper.toFhir(carer);
        ((ObjectNode) json.at("/provision/provision/0/provision/0")).remove("type");
        ((ObjectNode) json.at("/provision/provision/1")).put("type", "maybe");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(
                        tuple("$.provision.provision[0].provision[0].type", "R43"),
                        tuple("$.provision.provision[1].type", "R43"));
    }

    @Test
    @DisplayName("R43 a provision period that ends before it starts is refused")
    void r43PeriodEndingBeforeItStartsIsRefused() {
        ObjectNode json = mapper.toFhir(carer);
        ((ObjectNode) json.at("/provision/provision/0/period")).put("end", "2025-01-01T00:00:00Z");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision.provision[0].period", "PERIOD"));
    }

    @Test
    @DisplayName("R45 sibling provisions that overlap and contradict each other are refused")
    void r45OverlappingContradictingSiblingsAreRefused() {
        ObjectNode json = mapper.toFhir(carer);
        ArrayNode siblings = (ArrayNode) json.at("/provision/provision");
        ObjectNode contradiction = siblings.get(0).deepCopy();
        contradiction.put("type", "deny");
        siblings.add(contradiction);
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.provision", "R45"));
    }

    @Test
    void unknownCodesAreReportedWithTheirPaths() {
        ObjectNode json = mapper.toFhir(carer);
        ((ObjectNode) json.at("/provision/provision/0/purpose/0")).put("code", "XYZ");
        ((ObjectNode) json.at("/provision/action/0/coding/0")).put("code", "print");
        ((ObjectNode) json.at("/scope/coding/0")).put("code", "everything");
        ((ArrayNode) json.at("/policy")).remove(0);
        json.putObject("policyRule").putArray("coding").addObject().put("system", FhirSystems.V3_ACT_CODE)
                .put("code", "OPTMAYBE");
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(
                        tuple("$.scope.coding[0].code", "CODE"),
                        tuple("$.policyRule.coding[0].code", "CODE"),
                        tuple("$.provision.action[0].coding[0].code", "CODE"),
                        tuple("$.provision.provision[0].purpose[0].code", "PURPOSE"));
    }

    @Test
    void aPerformerWhoIsAnotherPatientIsRefused() {
        ObjectNode json = mapper.toFhir(carer);
        ((ObjectNode) json.at("/performer/0")).put("reference", "Patient/" + UUID.randomUUID());
        assertThat(problems(json)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.performer[0].reference", "ONE_PATIENT"));
    }

    @Test
    void elementsTheSdkDoesNotKeepAreReportedAsIgnored() {
        ObjectNode json = mapper.toFhir(carer);
        json.putArray("organization").addObject().put("display", "Leeds");
        ((ObjectNode) json.at("/provision/provision/1")).putArray("code").addObject().put("text", "x");
        var result = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(result.value()).isEqualTo(carer);
        assertThat(result.ignored()).containsExactly("$.organization", "$.provision.provision[1].code");
    }

    @Test
    void theUkCoreConsentExampleListsExactlyWhatTheSdkCannotTakeIn() throws java.io.IOException {
        String example = java.nio.file.Files.readString(OfficialExamplesTest.EXAMPLES.resolve(
                "ukcore/UKCore-Consent-ForInformationAccess-Example.json"));
        assertThat(problems(FhirJsonForTests.parse(example))).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(
                        tuple("$.performer[0]", "PERFORMER_AUTHORITY"),
                        tuple("$.provision.purpose[0].code", "PURPOSE"));
    }

    @Test
    void wholeRecordBundleCarriesConsentsAndImportsThemBack() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).consents(List.of(carer, research)).build();
        PatientRecordMapper records = new PatientRecordMapper();
        String first = FhirWriter.toJson(records.toFhir(record));
        PatientRecord back = importer.read(first, records).value();
        assertThat(back.consents()).containsExactly(carer, research);
        assertThat(FhirWriter.toJson(records.toFhir(back))).isEqualTo(first);
    }

    @Test
    @DisplayName("R44 the base policy is written as the SDK policy URI in policy[0]; a v3 OPTIN/OPTOUT policyRule of "
            + "another system reads the same; two that disagree are refused (BASE_POLICY)")
    void basePolicyAsPolicyUriAndAsPolicyRule() {
        for (ConsentRecord c : List.of(carer, research)) {
            if (c.terms().policyRule().isEmpty()) {
                continue;
            }
            ObjectNode json = mapper.toFhir(c);
            String uri = json.at("/policy/0/uri").asText();
            assertThat(uri).isEqualTo(ConsentCodes.BASE_POLICY_URI.code(c.terms().policyRule().orElseThrow()));
            ObjectNode foreign = json.deepCopy();
            ((ArrayNode) foreign.get("policy")).remove(0);
            if (foreign.get("policy").isEmpty()) {
                foreign.remove("policy");
            }
            foreign.putObject("policyRule").putArray("coding").addObject().put("system", FhirSystems.V3_ACT_CODE)
                    .put("code", ConsentCodes.BASE_POLICY.code(c.terms().policyRule().orElseThrow()));
            assertThat(roundTrip(foreign)).isEqualTo(c);
            assertThat(FhirWriter.toJson(mapper.toFhir(roundTrip(foreign)))).isEqualTo(FhirWriter.toJson(json));

            ObjectNode both = json.deepCopy();
            both.set("policyRule", foreign.get("policyRule"));
            assertThat(roundTrip(both)).isEqualTo(c);
            ((ObjectNode) both.at("/policyRule/coding/0")).put("code",
                    c.terms().policyRule().orElseThrow() == io.github.personalcare.consent.BasePolicy.OPT_IN ? "OPTOUT" : "OPTIN");
            assertThat(problems(both)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                    .containsExactly(tuple("$.policy", "BASE_POLICY"));
        }
    }
}
