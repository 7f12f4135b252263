package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careteam.CareTeam;
import io.github.personalcare.identity.PatientId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Care teams and care plans: export, import and export again gives the same JSON and the same value. */
class CareRoundTripPropertiesTest {
    private static final PatientId PATIENT = new PatientId(UUID.fromString("3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b"));

    @Property(tries = 300)
    void careTeamExportImportExportIsIdentical(@ForAll("teams") CareTeam team) {
        CareTeamMapper mapper = new CareTeamMapper();
        List<ObjectNode> resources = new ArrayList<>(mapper.resources(team));
        CareTeamMapper.professionals(team).forEach(p -> resources.add(new PractitionerRoleMapper().toFhir(p)));
        ImportContext context = CareFixtures.contextFor(resources);
        CareTeam back = mapper.fromFhir(resources.get(0), context).orElseThrow(
                () -> new AssertionError(context.problems().toString()));
        assertThat(back).isEqualTo(team);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(resources.get(0)));
    }

    @Property(tries = 300)
    void carePlanExportImportExportIsIdenticalWithEveryVersion(@ForAll("plans") CarePlan plan) {
        CarePlanMapper mapper = new CarePlanMapper();
        List<ObjectNode> resources = mapper.resources(plan);
        ImportContext context = CareFixtures.contextFor(resources);
        CarePlan back = mapper.fromFhir(resources.get(0), context).orElseThrow(
                () -> new AssertionError(context.problems().toString()));
        assertThat(back).isEqualTo(plan);
        List<String> again = mapper.resources(back).stream().map(FhirWriter::toJson).toList();
        assertThat(again).isEqualTo(resources.stream().map(FhirWriter::toJson).toList());
    }

    @Provide
    Arbitrary<CareTeam> teams() {
        return GeneratedCarePlans.careTeams(PATIENT);
    }

    @Provide
    Arbitrary<CarePlan> plans() {
        return GeneratedCarePlans.careTeams(PATIENT).flatMap(GeneratedCarePlans::carePlans);
    }
}
