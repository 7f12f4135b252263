package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careteam.CareTeam;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CareTeamMapperTest {
    private final CareTeamMapper mapper = new CareTeamMapper();
    private final CareTeam team = CareFixtures.team();

    @Test
    void professionalsReferenceTheirPractitionerRoleAndCarersARelatedPerson() {
        JsonNode json = mapper.toFhir(team);
        assertThat(json.at("/subject/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(json.at("/participant/0/member/reference").asText())
                .isEqualTo("PractitionerRole/" + PractitionerRoleMapper.idFor(Fixtures.GP));
        assertThat(json.at("/participant/0/role/0/coding/0/code").asText()).isEqualTo("GENERAL_PRACTITIONER");
        assertThat(json.at("/participant/1/period/end").asText()).isEqualTo("2026-01-06T10:00:00Z");
        assertThat(json.at("/participant/2/member/reference").asText()).isEqualTo("RelatedPerson/" + CareFixtures.DAUGHTER);
        assertThat(json.at("/participant/2/role/0/coding/0/system").asText()).isEqualTo(FhirSystems.SDK_CARER_ROLE);
        JsonNode carer = mapper.resources(team).get(1);
        assertThat(carer.at("/meta/profile/0").asText()).isEqualTo(FhirSystems.UKCORE_RELATED_PERSON);
        assertThat(carer.at("/patient/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(carer.at("/relationship/0/text").asText()).isEqualTo("daughter");
        assertThat(carer.at("/identifier/0/value").asText()).isEqualTo("kim.l");
    }

    @Test
    void theLeadProfessionalSurvivesTheRoundTrip() {
        JsonNode json = mapper.toFhir(team);
        assertThat(json.at("/participant/0/extension/1/url").asText()).endsWith("/care-team-lead");
        assertThat(json.at("/participant/0/extension/1/valueBoolean").asBoolean()).isTrue();
        CareTeam back = read(mapper.resources(team)).orElseThrow();
        assertThat(back.lead()).contains(CareFixtures.GP_MEMBER);
    }

    @Test
    void teamExportImportExportIsIdenticalAndTheTeamIsEqual() {
        List<ObjectNode> resources = mapper.resources(team);
        CareTeam back = read(resources).orElseThrow();
        assertThat(back).isEqualTo(team);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(resources.get(0)));
    }

    @Test
    void anEmptyTeamWritesNoParticipantAndReadsBack() {
        CareTeam empty = CareTeam.establish(CareFixtures.TEAM_ID, Fixtures.ADA_ID);
        assertThat(mapper.toFhir(empty).has("participant")).isFalse();
        assertThat(read(mapper.resources(empty))).contains(empty);
    }

    @Test
    @DisplayName("R12 a carer without a period is refused, naming the path; a professional without the role coding takes their PractitionerRole's")
    void r12ParticipantWithoutPeriodOrRoleIsRefused() {
        List<ObjectNode> resources = mapper.resources(team);
        ObjectNode json = resources.get(0);
        ((ObjectNode) json.at("/participant/2")).remove("period");
        ((ObjectNode) json.at("/participant/1")).remove("role");
        ImportContext context = context(resources);
        assertThat(mapper.fromFhir(json, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.participant[2].period", "R12"));
        assertThat(context.warnings()).isEmpty();
    }

    @Test
    void aCarerOfAnotherPatientIsRefused() {
        List<ObjectNode> resources = mapper.resources(team);
        ((ObjectNode) resources.get(1).get("patient")).put("reference", "Patient/" + java.util.UUID.randomUUID());
        ImportContext context = context(resources);
        assertThat(mapper.fromFhir(resources.get(0), context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::rule).contains("ONE_PATIENT");
    }

    @Test
    void aCarerCannotBeMarkedLead() {
        List<ObjectNode> resources = mapper.resources(team);
        ObjectNode lead = ((ArrayNode) resources.get(0).at("/participant/0/extension")).get(1).deepCopy();
        ((ArrayNode) resources.get(0).at("/participant/2/extension")).add(lead);
        ImportContext context = context(resources);
        assertThat(mapper.fromFhir(resources.get(0), context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("$.participant[2].extension", "LEAD_PROFESSIONAL"));
    }

    @Test
    void withoutTheBundleTheMembersDoNotResolveAndThatIsAProblemNotAnException() {
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(mapper.toFhir(team), context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath)
                .contains("$.participant[0].member.reference", "$.participant[2].member.reference");
    }

    @Test
    void theTeamsProfessionalsJoinTheRecordSoEveryReferenceResolves() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).careTeams(List.of(team)).build();
        assertThat(record.professionals()).containsExactly(Fixtures.GP, Fixtures.NURSE);
    }

    /** The resources plus the PractitionerRoles of the fixture team's professionals, as in a Bundle. */
    private static ImportContext context(List<ObjectNode> resources) {
        List<ObjectNode> all = new java.util.ArrayList<>(resources);
        CareTeamMapper.professionals(CareFixtures.team()).forEach(p -> all.add(new PractitionerRoleMapper().toFhir(p)));
        return CareFixtures.contextFor(all);
    }

    private Optional<CareTeam> read(List<ObjectNode> resources) {
        ImportContext context = context(resources);
        Optional<CareTeam> back = mapper.fromFhir(resources.get(0), context);
        assertThat(context.problems()).isEmpty();
        return back;
    }
}
