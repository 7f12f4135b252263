package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.PlanStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarePlanMapperTest {
    private final CarePlanMapper mapper = new CarePlanMapper();

    /**
     * One plan per lifecycle point, with the FHIR status and intent §1.6 gives the resource holding
     * its working content: a draft over an agreed version in force is draft/proposal, the version in
     * force being its own active snapshot.
     */
    private static Map<String, CarePlan> plans() {
        Map<String, CarePlan> plans = new LinkedHashMap<>();
        plans.put("draft/proposal", CareFixtures.draft());
        plans.put("draft/proposal ", CareFixtures.proposed());
        plans.put("active/plan", CareFixtures.agreed());
        plans.put("draft/proposal  ", CareFixtures.underReview());
        plans.put("draft/proposal   ", CareFixtures.reagreed().startReview()
                .propose(List.of(CareFixtures.GP_MEMBER), CareFixtures.DAY0.plusDays(31)));
        plans.put("completed/plan", CareFixtures.ended(EndReason.COMPLETED));
        plans.put("completed/plan ", CareFixtures.ended(EndReason.DECEASED));
        plans.put("revoked/plan", CareFixtures.ended(EndReason.WITHDRAWN));
        plans.put("revoked/proposal", CareFixtures.withdrawnDraft());
        plans.put("entered-in-error/plan", CareFixtures.enteredInError());
        return plans;
    }

    @Test
    @DisplayName("R13 every PlanStatus maps to CarePlan.status/intent per §1.6 and back to the same plan")
    void r13StatusMapsBothWaysForEveryPlanStatus() {
        Set<PlanStatus> covered = EnumSet.noneOf(PlanStatus.class);
        plans().forEach((expected, plan) -> {
            List<ObjectNode> resources = mapper.resources(plan);
            JsonNode json = resources.get(0);
            assertThat(json.get("status").asText() + "/" + json.get("intent").asText())
                    .as(plan.status().name()).isEqualTo(expected.strip());
            long active = resources.stream().filter(r -> r.get("resourceType").asText().equals("CarePlan"))
                    .filter(r -> r.get("status").asText().equals("active")).count();
            boolean inForce = !plan.versions().isEmpty() && !plan.status().isClosed();
            assertThat(active).as("active CarePlans of a %s plan", plan.status()).isEqualTo(inForce ? 1 : 0);
            CarePlan back = read(resources);
            assertThat(back.status()).isEqualTo(plan.status());
            assertThat(back).isEqualTo(plan);
            assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(json));
            covered.add(plan.status());
        });
        assertThat(covered).containsExactlyInAnyOrder(PlanStatus.values());
    }

    @Test
    @DisplayName("R13 a FHIR status that contradicts the plan's lifecycle is refused")
    void r13ContradictingStatusIsRefused() {
        List<ObjectNode> resources = mapper.resources(CareFixtures.draft());
        resources.get(0).put("status", "active");
        resources.get(0).put("intent", "order");
        assertThat(problems(resources)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.status", "R13"), tuple("$.intent", "R13"));
    }

    @Test
    @DisplayName("R13 a plan from another system without the SDK status is read from status, and on-hold is refused")
    void r13ForeignStatusIsInferredOrRefused() {
        List<ObjectNode> resources = mapper.resources(CareFixtures.ended(EndReason.COMPLETED));
        ArrayNode ext = (ArrayNode) resources.get(0).get("extension");
        ext.remove(1); // end reason
        ext.remove(0); // SDK status
        CarePlan back = read(resources);
        assertThat(back.status()).isEqualTo(PlanStatus.ENDED);
        assertThat(back.endReason()).contains(EndReason.COMPLETED);
        resources.get(0).put("status", "on-hold");
        assertThat(problems(resources)).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.status", "R13"));
    }

    @Test
    @DisplayName("R51 CarePlan, CareTeam and RelatedPerson claim UK Core; Goals claim the base R4 profile")
    void r51ProfilesAreClaimed() {
        for (ObjectNode r : mapper.resources(CareFixtures.underReview())) {
            String type = r.get("resourceType").asText();
            String expected = type.equals("Goal") ? "http://hl7.org/fhir/StructureDefinition/Goal"
                    : "https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + type;
            assertThat(r.at("/meta/profile/0").asText()).as(type).isEqualTo(expected);
        }
        for (ObjectNode r : new CareTeamMapper().resources(CareFixtures.team())) {
            assertThat(r.at("/meta/profile/0").asText())
                    .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + r.get("resourceType").asText());
        }
    }

    @Test
    void goalsAreSeparateResourcesWithIdsDerivedFromPlanAndGoal() {
        CarePlan plan = CareFixtures.reagreed();
        List<ObjectNode> resources = mapper.resources(plan);
        String walkId = Elements.derivedId("Goal", CareFixtures.PLAN_ID + "/" + CareFixtures.WALK);
        assertThat(resources.get(0).at("/goal/0/reference").asText()).isEqualTo("Goal/" + walkId);
        JsonNode walk = resources.get(1);
        assertThat(walk.get("id").asText()).isEqualTo(walkId);
        assertThat(walk.get("lifecycleStatus").asText()).isEqualTo("completed");
        assertThat(walk.at("/achievementStatus/coding/0/code").asText()).isEqualTo("achieved");
        assertThat(walk.at("/description/text").asText()).isEqualTo("Walk to the shop on my own");
        assertThat(walk.at("/target/0/measure/text").asText()).isEqualTo("times a week");
        assertThat(walk.at("/target/0/dueDate").asText()).isEqualTo("2026-06-01");
        assertThat(mapper.resources(plan).get(1)).isEqualTo(walk);
        // the superseded version's goals have ids of their own
        assertThat(resources).extracting(r -> r.get("id").asText())
                .contains(Elements.derivedId("Goal", CareFixtures.PLAN_ID + "/1/" + CareFixtures.WALK));
    }

    @Test
    void sectionsAreMappedAsDocumented() {
        JsonNode json = mapper.toFhir(CareFixtures.agreed());
        assertThat(json.get("description").asText()).startsWith("I like to be called Ada");
        assertThat(json.at("/note/0/text").asText()).isEqualTo("Getting back into my garden");
        assertThat(json.at("/activity/0/detail/performer/0/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(json.at("/activity/1/detail/performer/0/identifier/value").asText())
                .isEqualTo(CareFixtures.GP_MEMBER.toString());
        assertThat(json.at("/activity/1/detail/goal")).hasSize(2);
        assertThat(json.at("/activity/2/detail/performer/0/identifier/value").asText()).isEqualTo("RH8");
        assertThat(json.at("/activity/2/detail/extension/0/valueString").asText()).isEqualTo("PA-HOURS");
        assertThat(json.get("created").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(json.toString()).contains("nextReviewDue").contains("whatToDo").contains("Falls: what to do");
    }

    @Test
    void anAgreedPlanIsOneActiveCarePlanAndEarlierVersionsAreRevokedSnapshotsAndAReviewDraftIsNotActive() {
        assertThat(mapper.resources(CareFixtures.agreed())).extracting(r -> r.get("resourceType").asText())
                .containsExactly("CarePlan", "Goal", "Goal");
        List<ObjectNode> review = mapper.resources(CareFixtures.underReview());
        List<ObjectNode> plans = review.stream().filter(r -> r.get("resourceType").asText().equals("CarePlan")).toList();
        assertThat(plans).extracting(r -> r.get("status").asText()).containsExactly("draft", "revoked", "active");
        assertThat(plans.get(1).get("id").asText()).isEqualTo(CarePlanMapper.snapshotId(CareFixtures.PLAN_ID, 1));
        assertThat(CarePlanMapper.isVersionSnapshot(plans.get(1))).isTrue();
        CarePlan back = read(review);
        assertThat(back.versions()).hasSize(2);
        assertThat(back.changesBetween(1, 2)).isEqualTo(CareFixtures.underReview().changesBetween(1, 2));
    }

    @Test
    void aSnapshotOnItsOwnIsRefused() {
        List<ObjectNode> resources = mapper.resources(CareFixtures.underReview());
        ObjectNode snapshot = resources.stream().filter(CarePlanMapper::isVersionSnapshot).findFirst().orElseThrow();
        ImportContext context = CareFixtures.contextFor(resources);
        assertThat(mapper.fromFhir(snapshot, context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::rule).containsExactly("R10");
    }

    @Test
    void goalsOfAnotherPlanAndOwnersOfAnotherPatientAreRefused() {
        List<ObjectNode> resources = mapper.resources(CareFixtures.agreed());
        ObjectNode goal = resources.get(1);
        ((ObjectNode) goal.at("/identifier/0")).put("value", java.util.UUID.randomUUID() + "/" + CareFixtures.WALK);
        ((ObjectNode) resources.get(0).at("/activity/0/detail/performer/0"))
                .put("reference", "Patient/" + java.util.UUID.randomUUID());
        assertThat(problems(resources)).extracting(ImportProblem::jsonPath, ImportProblem::rule).contains(
                tuple("$.goal[0].id", "ID"),
                tuple("$.activity[0].detail.performer[0].reference", "OWNER"));
    }

    @Test
    void versionsOutOfOrderAreRefused() {
        List<ObjectNode> resources = mapper.resources(CareFixtures.reagreed());
        ArrayNode ext = (ArrayNode) resources.get(0).get("extension");
        ObjectNode first = null;
        for (JsonNode e : ext) {
            if (e.get("url").asText().endsWith("/care-plan-version")) {
                first = (ObjectNode) e;
                break;
            }
        }
        ((ObjectNode) first.at("/extension/0")).put("valuePositiveInt", 2);
        assertThat(problems(resources)).extracting(ImportProblem::rule).contains("R10");
    }

    @Test
    void withoutTheBundleGoalsDoNotResolveAndThatIsAProblemNotAnException() {
        ImportContext context = ImportContext.root();
        assertThat(mapper.fromFhir(mapper.toFhir(CareFixtures.agreed()), context)).isEmpty();
        assertThat(context.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(tuple("$.goal[0].reference", "REFERENCE"));
    }

    @Test
    void wholeRecordBundleCarriesTeamPlansAndGoalsAndReadsBack() {
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).careTeams(List.of(CareFixtures.team()))
                .carePlans(List.of(CareFixtures.underReview())).audit(Fixtures.adaAudit())
                .build();
        PatientRecordMapper records = new PatientRecordMapper();
        String first = FhirWriter.toJson(records.toFhir(record));
        PatientRecord back = new FhirImporter(FhirLimits.DEFAULT).read(first, records).value();
        assertThat(back.careTeams()).containsExactly(CareFixtures.team());
        assertThat(back.carePlans()).isEqualTo(record.carePlans());
        assertThat(FhirWriter.toJson(records.toFhir(back))).isEqualTo(first);
    }

    @Test
    void aBundleWhoseCarePlanConcernsAnotherPatientImportsNothing() {
        PatientRecordMapper records = new PatientRecordMapper();
        ObjectNode bundle = records.toFhir(PatientRecord.builder(Fixtures.ada())
                .carePlans(List.of(CareFixtures.agreed())).build());
        String other = "urn:uuid:" + java.util.UUID.randomUUID();
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode subject = entry.at("/resource/subject");
            if (entry.at("/resource/resourceType").asText().equals("CarePlan")) {
                ((ObjectNode) subject).put("reference", other);
            }
        }
        org.assertj.core.api.Assertions.assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(bundle), records))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::rule).contains("ONE_PATIENT"));
    }

    @Test
    @DisplayName("R15 with the budget's CarePlan in the Bundle, spends still point at it and the record round-trips")
    void r15BudgetSpendsResolveTheirCarePlanInsideTheBundle() {
        PatientRecord budgetRecord = BudgetFixtures.record();
        CarePlan agreed = CareFixtures.agreed();
        CarePlan plan = new CarePlan(BudgetFixtures.PLAN, agreed.patient(), agreed.status(), agreed.content(),
                agreed.versions(), agreed.personAgreement(), agreed.leadCoSignature(), agreed.endReason(),
                agreed.endedAt(), agreed.draftedAt());
        PatientRecord record = PatientRecord.builder(budgetRecord.patient()).carePlans(List.of(plan))
                .budgets(budgetRecord.budgets()).ledger(budgetRecord.ledger()).audit(budgetRecord.audit()).build();
        PatientRecordMapper records = new PatientRecordMapper();
        String first = FhirWriter.toJson(records.toFhir(record));
        assertThat(first).contains("\"supportingInformation\"");
        PatientRecord back = new FhirImporter(FhirLimits.DEFAULT).read(first, records).value();
        assertThat(back.carePlans()).containsExactly(plan);
        assertThat(back.ledger()).isEqualTo(record.ledger());
        assertThat(FhirWriter.toJson(records.toFhir(back))).isEqualTo(first);
    }

    @Test
    void ukCoreCarePlanExampleListsItsProblemsWithPaths() throws java.io.IOException {
        String json = java.nio.file.Files.readString(OfficialExamplesTest.EXAMPLES
                .resolve("ukcore/UKCore-CarePlan-WellnessPlan-Example.json"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(FhirImportException.class)
                .isThrownBy(() -> new FhirImporter(FhirLimits.DEFAULT).read(json, mapper))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                        .containsExactly(tuple("$.created", "DATE"), tuple("$.period.end", "DATE")));
    }

    private CarePlan read(List<ObjectNode> resources) {
        ImportContext context = CareFixtures.contextFor(resources);
        Optional<CarePlan> back = mapper.fromFhir(resources.get(0), context);
        assertThat(context.problems()).isEmpty();
        return back.orElseThrow();
    }

    private List<ImportProblem> problems(List<ObjectNode> resources) {
        ImportContext context = CareFixtures.contextFor(resources);
        assertThat(mapper.fromFhir(resources.get(0), context)).isEmpty();
        return context.problems();
    }
}
