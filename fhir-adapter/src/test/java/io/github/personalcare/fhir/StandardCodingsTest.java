package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.consent.ConsentRecord;
import io.github.personalcare.patient.Patient;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The standard codings written beside (or around) the SDK's own, and the narrative: the SDK's
 * earlier exports, with only SDK codings, still import as the same values, and a foreign narrative
 * is accepted and reported as ignored.
 */
class StandardCodingsTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    @Test
    @DisplayName("R50 an AuditEvent whose subtype is the SDK audit-action coding (earlier exports) imports as the same record")
    void earlierAuditSubtypeStillImports() {
        AuditEventMapper mapper = new AuditEventMapper();
        for (AuditRecord record : Fixtures.adaAudit()) {
            ObjectNode json = mapper.toFhir(record);
            assertThat(json.at("/subtype/0/system").asText()).isEqualTo(AuditCodes.RESTFUL_INTERACTION);
            json.putArray("subtype").add(Elements.coding(FhirSystems.SDK_AUDIT_ACTION, record.event().action()));
            assertThat(importer.read(FhirWriter.toJson(json), mapper).value()).isEqualTo(record);
        }
    }

    @Test
    @DisplayName("the audit sub-type is read for reads, search-type for lists, create for new records, else update")
    void auditInteractions() {
        assertThat(AuditCodes.interaction("careplan.read")).isEqualTo("read");
        assertThat(AuditCodes.interaction("prescription.repeat.read")).isEqualTo("read");
        assertThat(AuditCodes.interaction("referral.list")).isEqualTo("search-type");
        assertThat(AuditCodes.interaction("careteam.addCarer")).isEqualTo("create");
        assertThat(AuditCodes.interaction("careplan.agree")).isEqualTo("update");
    }

    @Test
    @DisplayName("R43 a Consent with SDK data-class, sensitivity-label and role codings (earlier exports) imports as the same record")
    void earlierConsentCodingsStillImport() {
        ConsentMapper mapper = new ConsentMapper();
        boolean rewritten = false;
        for (ConsentRecord consent : List.of(ReferralConsentFixtures.carerMaySeeThePlan(),
                ReferralConsentFixtures.researchOptOutByAttorney())) {
            ObjectNode json = mapper.toFhir(consent);
            String before = FhirWriter.toJson(json);
            toEarlierForm(json.path("provision"));
            rewritten |= !FhirWriter.toJson(json).equals(before);
            assertThat(importer.read(FhirWriter.toJson(json), mapper).value()).isEqualTo(consent);
            assertThat(importer.read(before, mapper).value()).isEqualTo(consent);
        }
        assertThat(rewritten).as("the fixtures have classes, labels or role actors").isTrue();
    }

    @Test
    @DisplayName("every data class is written as its own FHIR resource type, so the class reads back exactly")
    void dataClassesAreResourceTypes() {
        for (DataClass c : DataClass.values()) {
            assertThat(ConsentCodes.DATA_CLASS.fromCode(ConsentCodes.DATA_CLASS.code(c))).contains(c);
        }
    }

    @Test
    @DisplayName("a foreign narrative is accepted and reported as ignored; the SDK's generated one is not reported")
    void foreignNarrativeIsIgnored() {
        PatientMapper mapper = new PatientMapper();
        Patient ada = Fixtures.ada();
        ObjectNode json = mapper.toFhir(ada);
        assertThat(importer.read(FhirWriter.toJson(json), mapper).ignored()).noneMatch(p -> p.endsWith(".text"));
        json.putObject("text").put("status", "additional")
                .put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">Seen at home</div>");
        FhirImport<Patient> imported = importer.read(FhirWriter.toJson(json), mapper);
        assertThat(imported.value()).isEqualTo(ada);
        assertThat(imported.ignored()).anyMatch(p -> p.endsWith(".text"));
    }

    // Rewrites a provision tree to how the SDK wrote it before the standard codings.
    private static void toEarlierForm(JsonNode provision) {
        if (!provision.isObject()) {
            return;
        }
        for (JsonNode actor : provision.path("actor")) {
            JsonNode coding = actor.at("/role/coding/0");
            if (coding.has("extension")) {
                ((ArrayNode) actor.path("role").path("coding")).set(0, coding.at("/extension/0/valueCoding"));
            }
        }
        if (provision.has("securityLabel")) {
            ArrayNode labels = (ArrayNode) provision.get("securityLabel");
            for (int i = 0; i < labels.size(); i++) {
                labels.set(i, labels.get(i).at("/extension/0/valueCoding"));
            }
        }
        if (provision.has("class")) {
            ArrayNode classes = (ArrayNode) provision.get("class");
            for (int i = 0; i < classes.size(); i++) {
                DataClass c = ConsentCodes.DATA_CLASS.fromCode(classes.get(i).path("code").asText()).orElseThrow();
                classes.set(i, SdkExtensions.coding("data-class", c));
            }
        }
        provision.path("provision").forEach(StandardCodingsTest::toEarlierForm);
    }
}
