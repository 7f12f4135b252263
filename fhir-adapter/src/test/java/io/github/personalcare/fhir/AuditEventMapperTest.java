package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.audit.AuditRecord;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditEventMapperTest {
    private final AuditEventMapper mapper = new AuditEventMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final List<AuditRecord> audit = Fixtures.adaAudit();

    @Test
    void outcomePurposeAndActorAreMappedAsDocumented() {
        JsonNode permit = mapper.toFhir(audit.get(0));
        assertThat(permit.get("outcome").asText()).isEqualTo("0");
        assertThat(permit.at("/purposeOfEvent/0/coding/0/code").asText()).isEqualTo("TREAT");
        assertThat(permit.at("/agent/0/altId").asText()).isEqualTo(Fixtures.GP.reference());
        assertThat(permit.at("/agent/0/who/reference").asText())
                .isEqualTo("PractitionerRole/" + PractitionerRoleMapper.idFor(Fixtures.GP));
        assertThat(permit.at("/entity/0/what/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        JsonNode rejected = mapper.toFhir(audit.get(1));
        assertThat(rejected.get("outcome").asText()).isEqualTo("4");
    }

    @Test
    @DisplayName("R40 a break-glass reason travels as the purpose text with ETREAT")
    void r40BreakGlassReasonTravelsWithEtreat() {
        JsonNode breakGlass = mapper.toFhir(audit.get(3));
        assertThat(breakGlass.at("/purposeOfEvent/0/coding/0/code").asText()).isEqualTo("ETREAT");
        assertThat(breakGlass.at("/purposeOfEvent/0/text").asText()).startsWith("Unconscious");
    }

    @Test
    @DisplayName("R50 sequence and hashes survive the round trip and the chain still verifies")
    void r50ChainSurvivesTheRoundTrip() {
        List<AuditRecord> back = audit.stream()
                .map(r -> importer.read(FhirWriter.toJson(mapper.toFhir(r)), mapper).value()).toList();
        assertThat(back).isEqualTo(audit);
        assertThat(io.github.personalcare.audit.AuditChain.verify(Fixtures.ADA_ID.toString(), back,
                java.util.Optional.of(back.get(back.size() - 1))).isIntact()).isTrue();
    }

    @Test
    @DisplayName("R50 an audit event edited after export is refused: its content no longer matches its hash")
    void r50TamperedAuditEventIsRefused() {
        ObjectNode json = mapper.toFhir(audit.get(1));
        ((ObjectNode) json.at("/subtype/0/extension/0")).put("valueString", "patient.read");
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(json), mapper))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("R50");
                    assertThat(p.jsonPath()).isEqualTo("$.entity[2].detail");
                }));
    }

    @Test
    void anFhirOutcomeThatContradictsTheDomainOutcomeIsRefused() {
        ObjectNode json = mapper.toFhir(audit.get(0));
        json.put("outcome", "8");
        assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> importer.read(FhirWriter.toJson(json), mapper))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath).containsExactly("$.outcome"));
    }

    @Test
    void anEmptyRuleIsLeftOutRatherThanWrittenAsAnEmptyString() {
        JsonNode deny = mapper.toFhir(audit.get(4));
        assertThat(deny.toString()).doesNotContain("\"\"");
        assertThat(importer.read(FhirWriter.toJson(deny), mapper).value().event().rule()).isEmpty();
    }
}
