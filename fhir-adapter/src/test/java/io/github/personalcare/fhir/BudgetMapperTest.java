package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.budget.LedgerEntry;
import io.github.personalcare.budget.ManagementOption;
import io.github.personalcare.budget.PersonalHealthBudget;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The personal health budget as Accounts and ChargeItems: what is written, that it validates,
 * that it reads back, and that bad input is refused with the JSON path and rule of each problem.
 */
class BudgetMapperTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);
    private final PatientRecordMapper records = new PatientRecordMapper();
    private final BudgetAccountMapper accounts = new BudgetAccountMapper();
    private final LedgerEntryMapper entries = new LedgerEntryMapper();
    private final UkCoreValidator validator = UkCoreValidator.shared();

    private List<ObjectNode> budgetResources() {
        return records.resources(BudgetFixtures.record()).stream()
                .filter(r -> List.of("Account", "ChargeItem").contains(r.get("resourceType").asText())).toList();
    }

    private ObjectNode chargeItem(int index) {
        LedgerEntry e = BudgetFixtures.ledger().get(index);
        return entries.toFhir(e, BudgetFixtures.PLAN);
    }

    // --- export ---

    @Test
    @DisplayName("R14 the budget is an Account and each funding line a child Account typed with its management option")
    void r14EachLineIsAChildAccountTypedWithItsManagementOption() {
        List<ObjectNode> a = accounts.accounts(BudgetFixtures.budget());
        assertThat(a).hasSize(4);
        assertThat(a.get(0).at("/type/coding/0/code").asText()).isEqualTo("personal-health-budget");
        assertThat(a.subList(1, 4)).extracting(r -> r.at("/type/coding/0/code").asText())
                .containsExactly(ManagementOption.DIRECT_PAYMENT.name(), ManagementOption.THIRD_PARTY.name(),
                        ManagementOption.NOTIONAL.name());
        assertThat(a.subList(1, 4)).allSatisfy(line -> {
            assertThat(line.at("/partOf/reference").asText()).isEqualTo("Account/" + BudgetFixtures.BUDGET);
            assertThat(line.at("/subject/0/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        });
        assertThat(a.get(0).at("/subject/0/reference").asText()).isEqualTo("Patient/" + Fixtures.ADA_ID);
        assertThat(a.get(0).at("/servicePeriod/start").asText()).isEqualTo("2025-04-01");
        assertThat(a.get(0).at("/status").asText()).isEqualTo("active");
        assertThat(a.get(0).at("/identifier/0/value").asText()).isEqualTo(BudgetFixtures.BUDGET.toString());
    }

    @Test
    @DisplayName("R19 the direct-payment recipient is the line Account's guarantor, with the consent date")
    void r19DirectPaymentRecipientIsTheGuarantor() {
        ObjectNode line = accounts.accounts(BudgetFixtures.budget()).get(1);
        assertThat(line.at("/guarantor/0/party/identifier/value").asText()).isEqualTo("nominee.sam");
        assertThat(line.at("/guarantor/0/party/type").asText()).isEqualTo("RelatedPerson");
        assertThat(line.at("/guarantor/0/period/start").asText()).isEqualTo("2025-03-01");
        assertThat(line.at("/guarantor/0/extension/0/valueCoding/code").asText()).isEqualTo("NOMINEE");
    }

    @Test
    @DisplayName("R14 a third-party line's owner is the organisation holding the money, by ODS code and name")
    void r14ThirdPartyLineIsOwnedByTheOrganisation() {
        ObjectNode line = accounts.accounts(BudgetFixtures.budget()).get(2);
        assertThat(line.at("/owner/identifier/value").asText()).isEqualTo("8HX12");
        assertThat(line.at("/owner/display").asText()).isEqualTo("Brightside Support CIC");
        assertThat(records.resources(BudgetFixtures.record())).anySatisfy(r -> assertThat(
                r.at("/identifier/0/value").asText() + r.get("resourceType").asText()).isEqualTo("8HX12Organization"));
    }

    @Test
    @DisplayName("R17 amounts leave as GBP decimals of scale 2, converted from pence only at this edge")
    void r17AmountsAreGbpDecimalsOfScaleTwo() {
        ObjectNode spend = chargeItem(3);
        assertThat(spend.at("/priceOverride/value").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(spend.at("/priceOverride/currency").asText()).isEqualTo("GBP");
        assertThat(FhirWriter.toJson(spend)).contains("\"value\":12.50,");
        assertThat(FhirWriter.toJson(chargeItem(0))).contains("\"value\":10000.00,");
    }

    @Test
    @DisplayName("R16 a spend's code is the entry kind plus its spending category")
    void r16SpendCodeIsKindAndCategory() {
        ObjectNode spend = chargeItem(3);
        assertThat(spend.at("/code/coding/0/code").asText()).isEqualTo("SPEND");
        assertThat(spend.at("/code/coding/1/code").asText()).isEqualTo("PERSONAL_ASSISTANT");
        assertThat(spend.at("/identifier/0/value").asText()).isEqualTo("cmd-4");
        assertThat(spend.at("/account/0/identifier/value").asText()).isEqualTo("CARER-HOURS");
    }

    @Test
    @DisplayName("R15 a spend points at the agreed CarePlan of its budget; other entries do not")
    void r15SpendPointsAtTheBudgetsCarePlan() {
        assertThat(chargeItem(3).at("/supportingInformation/0/reference").asText())
                .isEqualTo("CarePlan/" + BudgetFixtures.PLAN);
        assertThat(chargeItem(0).has("supportingInformation")).isFalse();
    }

    @Test
    void aProfessionalWhoRecordedAnEntryIsItsEntererAndIsInTheBundle() {
        ObjectNode spend = chargeItem(3);
        assertThat(spend.at("/enterer/reference").asText())
                .isEqualTo("PractitionerRole/" + PractitionerRoleMapper.idFor(Fixtures.NURSE));
        assertThat(spend.at("/enterer/identifier/value").asText()).isEqualTo(Fixtures.NURSE.reference());
        PatientRecord record = PatientRecord.builder(Fixtures.ada()).budgets(List.of(BudgetFixtures.budget()))
                .ledger(BudgetFixtures.ledger()).build();
        assertThat(record.professionals()).containsExactly(Fixtures.NURSE);
        ObjectNode bundle = records.toFhir(record);
        String enterer = entryOf(bundle, "ChargeItem", 3).at("/enterer/reference").asText();
        assertThat(bundle.get("entry")).anySatisfy(e -> {
            assertThat(e.get("fullUrl").asText()).isEqualTo(enterer);
            assertThat(e.at("/resource/resourceType").asText()).isEqualTo("PractitionerRole");
        });
    }

    @Test
    void aSystemOrPatientEntererIsNamedByIdentifierOnly() {
        LedgerEntry e = BudgetFixtures.ledger().get(0);
        LedgerEntry bySystem = new LedgerEntry(e.id(), e.budget(), e.patient(), e.idempotencyKey(), e.kind(),
                e.direction(), e.line(), e.amount(), e.date(), e.category(), e.payee(), e.reason(), e.notice(),
                e.approvedBy(), "system:outbox-relay", e.recordedAt());
        ObjectNode r = entries.toFhir(bySystem);
        assertThat(r.get("enterer").has("reference")).isFalse();
        assertThat(importer.read(FhirWriter.toJson(r), entries).value()).isEqualTo(bySystem);
    }

    @Test
    @DisplayName("R51 budget Accounts and ChargeItems claim the base R4 profiles (UK Core has none)")
    void r51BudgetResourcesClaimBaseR4Profiles() {
        assertThat(budgetResources()).hasSize(11).allSatisfy(r -> assertThat(r.at("/meta/profile/0").asText())
                .isEqualTo("http://hl7.org/fhir/StructureDefinition/" + r.get("resourceType").asText()));
    }

    // --- conformance ---

    @Test
    void everyBudgetAccountAndChargeItemHasNoValidationErrors() {
        for (ObjectNode r : budgetResources()) {
            assertThat(validator.errors(FhirWriter.toJson(r))).as("%s", r.get("id")).isEmpty();
        }
    }

    @Test
    void wholeRecordWithABudgetHasNoValidationErrors() {
        assertThat(validator.errors(FhirWriter.toJson(records.toFhir(BudgetFixtures.record())))).isEmpty();
        assertThat(validator.errors(FhirWriter.toJson(records.toTransaction(BudgetFixtures.record())))).isEmpty();
    }

    // --- import ---

    @Test
    @DisplayName("R17 the record with a budget reads back with the same budget, ledger and balances")
    void r17RecordReadsBackWithTheSameBudgetLedgerAndBalances() {
        String first = FhirWriter.toJson(records.toFhir(BudgetFixtures.record()));
        PatientRecord back = importer.read(first, records).value();
        assertThat(back.budgets()).containsExactly(BudgetFixtures.budget());
        assertThat(back.ledger()).isEqualTo(BudgetFixtures.ledger());
        assertThat(back.budgets().get(0).balance()).isEqualTo(BudgetFixtures.budget().balance());
        assertThat(FhirWriter.toJson(records.toFhir(back))).isEqualTo(first);
    }

    @Test
    void aChargeItemReadsBackOnItsOwn() {
        for (LedgerEntry e : BudgetFixtures.ledger()) {
            String json = FhirWriter.toJson(entries.toFhir(e, BudgetFixtures.PLAN));
            assertThat(importer.read(json, entries).value()).isEqualTo(e);
        }
    }

    @Test
    void aBudgetAccountOnItsOwnNamesTheLineAccountsItCannotFind() {
        String json = FhirWriter.toJson(accounts.toFhir(BudgetFixtures.budget()));
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> importer.read(json, accounts))
                .satisfies(e -> assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                        .contains(tuple("$.extension[9].valueReference.reference", "R14")));
    }

    @Test
    void aForeignAccountIsReportedAsIgnoredInARecord() {
        ObjectNode bundle = records.toFhir(BudgetFixtures.record());
        ObjectNode foreign = Elements.resource("Account", "5c1f2e3d-4b5a-4978-8695-a4b3c2d1e0f9", BudgetFhir.BASE_ACCOUNT);
        foreign.put("status", "active");
        ((ArrayNode) bundle.get("entry")).addObject().put("fullUrl", "urn:uuid:5c1f2e3d-4b5a-4978-8695-a4b3c2d1e0f9")
                .set("resource", foreign);
        var read = importer.read(FhirWriter.toJson(bundle), records);
        assertThat(read.value().budgets()).hasSize(1);
        assertThat(read.ignored()).anySatisfy(p -> assertThat(p).endsWith(".resource"));
    }

    // --- bad input ---

    private List<ImportProblem> chargeItemProblems(int index, Consumer<ObjectNode> edit) {
        ObjectNode r = chargeItem(index);
        edit.accept(r);
        return FhirJsonForTests.problems(r, entries);
    }

    private List<ImportProblem> recordProblems(Consumer<ObjectNode> editBundle) {
        ObjectNode bundle = records.toFhir(BudgetFixtures.record());
        editBundle.accept(bundle);
        return FhirJsonForTests.problems(bundle, records);
    }

    private static ObjectNode entryOf(ObjectNode bundle, String type, int nth) {
        int seen = 0;
        for (JsonNode e : bundle.get("entry")) {
            if (e.at("/resource/resourceType").asText().equals(type) && seen++ == nth) {
                return (ObjectNode) e.get("resource");
            }
        }
        throw new AssertionError("no " + type + " " + nth);
    }

    private static int indexOf(ObjectNode bundle, ObjectNode resource) {
        for (int i = 0; i < bundle.get("entry").size(); i++) {
            if (bundle.get("entry").get(i).get("resource") == resource) {
                return i;
            }
        }
        throw new AssertionError();
    }

    @Test
    @DisplayName("R17 an amount that is not an exact number of pence is refused, never rounded")
    void r17FractionOfAPennyIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("value", new BigDecimal("12.505"))))
                .containsExactly(new ImportProblem("$.priceOverride.value", "R17", "must be an exact number of pence"));
    }

    @Test
    @DisplayName("R17 an amount beyond 12 pound digits is refused, so no sum of entries can overflow")
    void r17HugeAmountIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride"))
                .put("value", new BigDecimal("90000000000000000.00"))))
                .containsExactly(new ImportProblem("$.priceOverride.value", "R17",
                        "is out of range (at most 12 pound digits)"));
    }

    @Test
    @DisplayName("R17 trailing zeros are still an exact number of pence")
    void r17TrailingZerosAreExactPence() {
        ObjectNode r = chargeItem(3);
        ((ObjectNode) r.get("priceOverride")).put("value", new BigDecimal("12.5000"));
        assertThat(importer.read(FhirWriter.toJson(r), entries).value().amount().pence()).isEqualTo(1_250);
    }

    @Test
    @DisplayName("R17 a negative amount is refused")
    void r17NegativeAmountIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("value", new BigDecimal("-1.00"))))
                .containsExactly(new ImportProblem("$.priceOverride.value", "R17", "must not be negative"));
    }

    @Test
    @DisplayName("R17 a zero amount is refused for a ledger entry")
    void r17ZeroAmountIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("value", new BigDecimal("0.00"))))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priceOverride", "R17"));
    }

    @Test
    @DisplayName("R17 an amount in another currency is refused")
    void r17OtherCurrencyIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("currency", "EUR")))
                .containsExactly(new ImportProblem("$.priceOverride.currency", "R17", "must be GBP"));
    }

    @Test
    @DisplayName("R17 an amount written as a string, or missing, is refused")
    void r17AmountAsTextOrMissingIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("value", "12.50")))
                .containsExactly(new ImportProblem("$.priceOverride.value", "R17", "must be a number"));
        assertThat(chargeItemProblems(3, r -> r.remove("priceOverride")))
                .containsExactly(new ImportProblem("$.priceOverride", "R17", "an amount is required"));
    }

    @Test
    @DisplayName("R17 a huge exponent is refused as out of range, not thrown")
    void r17HugeExponentIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.get("priceOverride")).put("value", new BigDecimal("1E+400"))))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.priceOverride.value", "R17"));
    }

    @Test
    @DisplayName("R16 a spend without its spending category is refused")
    void r16SpendWithoutCategoryIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ArrayNode) r.at("/code/coding")).remove(1)))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.code", "R16"));
    }

    @Test
    void unknownEntryKindIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.at("/code/coding/0")).put("code", "GIFT")))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.code.coding[0].code", "LEDGER"));
    }

    @Test
    void adjustmentWithoutDirectionIsRefused() {
        assertThat(chargeItemProblems(5, r -> ((ArrayNode) r.get("extension")).remove(1)))
                .extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .containsExactly(tuple("$.extension", "LEDGER"));
    }

    @Test
    void missingIdempotencyKeyAndDateAreEachNamed() {
        assertThat(chargeItemProblems(3, r -> {
            r.remove("identifier");
            r.put("occurrenceDateTime", "2025-04");
        })).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactly(
                tuple("$.identifier", "IDEMPOTENCY"), tuple("$.occurrenceDateTime", "LEDGER"));
    }

    @Test
    @DisplayName("R15 a ChargeItem pointing at another line's Account is refused")
    void r15AccountOfAnotherLineIsRefused() {
        assertThat(chargeItemProblems(3, r -> ((ObjectNode) r.at("/account/0/identifier")).put("value", "PHYSIO")))
                .containsExactly(new ImportProblem("$.account[0].reference", "R15",
                        "must point at the Account of this line of this budget"));
    }

    @Test
    @DisplayName("ONE_PATIENT a ChargeItem of another patient is refused in the record, at its subject")
    void chargeItemOfAnotherPatientIsRefused() {
        String other = "Patient/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        ObjectNode original = records.toFhir(BudgetFixtures.record());
        int at = indexOf(original, entryOf(original, "ChargeItem", 3));
        List<ImportProblem> problems = recordProblems(b -> ((ObjectNode) entryOf(b, "ChargeItem", 3).get("subject"))
                .put("reference", other));
        assertThat(problems).extracting(ImportProblem::jsonPath, ImportProblem::rule)
                .contains(tuple("$.entry[" + at + "].resource.subject", "ONE_PATIENT"));
    }

    @Test
    @DisplayName("R17 a ChargeItem left out of the Bundle is noticed: the line totals no longer match")
    void r17MissingChargeItemIsNoticed() {
        List<ImportProblem> problems = recordProblems(b -> {
            ArrayNode entries = (ArrayNode) b.get("entry");
            entries.remove(indexOf(b, entryOf(b, "ChargeItem", 3)));
        });
        assertThat(problems).extracting(ImportProblem::rule, ImportProblem::message)
                .containsExactly(tuple("R17", "the totals of line CARER-HOURS do not match the sums of its ChargeItems"));
    }

    @Test
    @DisplayName("R17 a ChargeItem sent twice under another id is noticed: counted twice, or a repeated key")
    void r17DuplicatedChargeItemIsNoticed() {
        List<ImportProblem> problems = recordProblems(b -> {
            ObjectNode copy = entryOf(b, "ChargeItem", 3).deepCopy();
            copy.put("id", "7e6d5c4b-3a29-4817-8605-f4e3d2c1b0a9");
            ((ArrayNode) b.get("entry")).addObject().put("fullUrl", "urn:uuid:7e6d5c4b-3a29-4817-8605-f4e3d2c1b0a9")
                    .set("resource", copy);
        });
        // the copy also repeats the original's position in the ledger
        assertThat(problems).extracting(ImportProblem::rule)
                .containsExactlyInAnyOrder("LEDGER_SEQUENCE", "IDEMPOTENCY", "R17");
    }

    @Test
    @DisplayName("R15 a spend pointing at another CarePlan is refused")
    void r15SpendForAnotherPlanIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> ((ObjectNode) entryOf(b, "ChargeItem", 3)
                .at("/supportingInformation/0")).put("reference", "CarePlan/1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"));
        assertThat(problems).extracting(ImportProblem::rule, ImportProblem::message)
                .containsExactly(tuple("R15", "a spend must point at its budget's CarePlan"));
    }

    @Test
    @DisplayName("R14 a line Account without a known management option is refused at its own path")
    void r14UnknownManagementOptionIsRefused() {
        ObjectNode original = records.toFhir(BudgetFixtures.record());
        int at = indexOf(original, entryOf(original, "Account", 3));
        List<ImportProblem> problems = recordProblems(b -> ((ObjectNode) entryOf(b, "Account", 3)
                .at("/type/coding/0")).put("code", "PERSONAL_BUDGET"));
        assertThat(problems).containsExactly(new ImportProblem("$.entry[" + at + "].resource.type.coding[0].code", "R14",
                "is not a known code of ManagementOption"));
    }

    @Test
    @DisplayName("R19 a direct-payment line without a recipient is refused")
    void r19DirectPaymentLineWithoutRecipientIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> entryOf(b, "Account", 1).remove("guarantor"));
        assertThat(problems).extracting(ImportProblem::rule, ImportProblem::message)
                .containsExactly(tuple("R19", "a direct-payment line must name exactly one recipient"));
    }

    @Test
    @DisplayName("R21 a direct-payment line without its registered account is refused")
    void r21DirectPaymentLineWithoutAccountIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> {
            ArrayNode extensions = (ArrayNode) entryOf(b, "Account", 1).get("extension");
            for (int i = 0; i < extensions.size(); i++) {
                if (extensions.get(i).path("url").asText().equals(BudgetFhir.EXT_PAYMENT_ACCOUNT)) {
                    extensions.remove(i);
                    return;
                }
            }
            throw new AssertionError("the line has no payment account extension");
        });
        assertThat(problems).extracting(ImportProblem::rule).containsExactly("R21");
    }

    @Test
    @DisplayName("R18 a budget without its eligibility is refused")
    void r18BudgetWithoutEligibilityIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> ((ArrayNode) entryOf(b, "Account", 0).get("extension"))
                .remove(1));
        assertThat(problems).extracting(ImportProblem::rule).containsExactly("R18");
    }

    @Test
    @DisplayName("R14 a line Account that no budget Account names is refused, not silently dropped")
    void r14LineAccountOfNoBudgetIsRefused() {
        String id = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
        List<ImportProblem> problems = recordProblems(b -> {
            ObjectNode copy = entryOf(b, "Account", 3).deepCopy();
            copy.put("id", id);
            ((ObjectNode) copy.at("/identifier/0")).put("value", "EXTRA");
            ((ArrayNode) b.get("entry")).addObject().put("fullUrl", "urn:uuid:" + id).set("resource", copy);
        });
        int last = records.toFhir(BudgetFixtures.record()).get("entry").size();
        assertThat(problems).containsExactly(new ImportProblem("$.entry[" + last + "].resource.partOf", "R14",
                "no budget Account of the Bundle names this line Account"));
    }

    @Test
    void accountStatusContradictingTheBudgetStatusIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> entryOf(b, "Account", 0).put("status", "on-hold"));
        assertThat(problems).extracting(ImportProblem::jsonPath).allSatisfy(p -> assertThat(p).endsWith(".status"));
        assertThat(problems).extracting(ImportProblem::rule).containsOnly("BUDGET");
    }

    @Test
    void budgetOfAnotherPatientIsRefused() {
        List<ImportProblem> problems = recordProblems(b -> ((ObjectNode) entryOf(b, "Account", 0).at("/subject/0"))
                .put("reference", "Patient/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        assertThat(problems).extracting(ImportProblem::rule).contains("ONE_PATIENT");
    }

    @Test
    void importedBudgetKeepsWhatTheExportCarries() {
        PersonalHealthBudget back = importer.read(FhirWriter.toJson(records.toFhir(BudgetFixtures.record())), records)
                .value().budgets().get(0);
        assertThat(back).isEqualTo(GeneratedBudgets.exported(BudgetFixtures.budget()));
        assertThat(back.nextReviewDue()).isEqualTo(BudgetFixtures.budget().nextReviewDue());
    }

    // --- foreign resources (the official examples hold no R4 or UK Core Account or ChargeItem) ---

    @Test
    void aForeignBillingAccountIsRefusedAsNotABudget() {
        String json = """
                {"resourceType": "Account", "id": "example", "status": "active",
                 "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "PBILLACCT"}]},
                 "name": "Billing account", "subject": [{"reference": "Patient/example"}],
                 "servicePeriod": {"start": "2016-01-01", "end": "2016-06-30"},
                 "owner": {"reference": "Organization/hl7"}, "description": "Funded billing"}
                """;
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> importer.read(json, accounts))
                .satisfies(e -> assertThat(e.problems()).containsExactly(new ImportProblem("$.type", "BUDGET",
                        "must be the SDK code personal-health-budget")));
    }

    @Test
    void aForeignChargeItemListsEveryMissingSdkElement() {
        String json = """
                {"resourceType": "ChargeItem", "id": "example", "status": "billable",
                 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "01510"}]},
                 "subject": {"reference": "Patient/example"},
                 "occurrencePeriod": {"start": "2017-01-25T08:00:00+01:00"},
                 "priceOverride": {"value": 40, "currency": "EUR"},
                 "enteredDate": "2017-01-25T23:55:04+01:00",
                 "account": [{"reference": "Account/example"}]}
                """;
        assertThatExceptionOfType(FhirImportException.class).isThrownBy(() -> importer.read(json, entries))
                .satisfies(e -> {
                    assertThat(e.problems()).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactly(
                            tuple("$.extension", "LEDGER_BUDGET"),
                            tuple("$.identifier", "IDEMPOTENCY"),
                            tuple("$.code.coding", "LEDGER"),
                            tuple("$.occurrenceDateTime", "LEDGER"),
                            tuple("$.priceOverride.currency", "R17"),
                            tuple("$.enterer", "LEDGER"),
                            tuple("$.account[0].identifier", "R15"));
                });
    }
}
