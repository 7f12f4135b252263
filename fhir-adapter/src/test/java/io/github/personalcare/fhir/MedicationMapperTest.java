package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.prescription.DmdCode;
import io.github.personalcare.prescription.Medicine;
import io.github.personalcare.prescription.RepeatMedicine;
import io.github.personalcare.prescription.RepeatMedicineId;
import io.github.personalcare.prescription.RepeatStatus;
import io.github.personalcare.prescription.RepeatTerms;
import io.github.personalcare.prescription.SupplyQuantity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeat medicines as UK Core MedicationRequest (round trip) and MedicationStatement (export):
 * the documents validate against R4 and UK Core, read back to the same value, and bad content is
 * reported with its path and rule.
 */
class MedicationMapperTest {
    private static final LocalDate ON = LocalDate.of(2026, 3, 2);
    private static final Medicine PARACETAMOL = Medicine.of("42109611000001109", "Paracetamol 500mg tablets");
    private final MedicationRequestMapper requests = new MedicationRequestMapper();
    private final MedicationStatementMapper statements = new MedicationStatementMapper();

    static RepeatMedicine active() {
        return new RepeatMedicine(new RepeatMedicineId(UUID.fromString("6f1c2a52-52d4-4f7e-9a3b-0c4b3c1d2e10")),
                new PatientId(UUID.fromString("0b0c3f4e-1d2a-4c5b-8e6f-7a8b9c0d1e2f")), OdsCode.of("A81001"),
                new RepeatTerms(PARACETAMOL, "two tablets up to four times a day", SupplyQuantity.of(100, "tablet"), 28,
                        6, ON.plusDays(180)), 2, Optional.of(ON.plusDays(30)), RepeatStatus.ACTIVE, UserId.of("GP1"), ON,
                Optional.empty(), Optional.empty());
    }

    static RepeatMedicine stopped() {
        RepeatMedicine a = active();
        return new RepeatMedicine(a.id(), a.patient(), a.practice(), a.terms(), a.issuesUsed(), a.lastIssuedOn(),
                RepeatStatus.STOPPED, a.authorisedBy(), a.authorisedOn(), Optional.of(ON.plusDays(40)),
                Optional.of("Changed to another medicine"));
    }

    static RepeatMedicine fresh() {
        RepeatMedicine a = active();
        return new RepeatMedicine(a.id(), a.patient(), OdsCode.site("A81001001"), a.terms(), 0, Optional.empty(),
                RepeatStatus.ACTIVE, a.authorisedBy(), a.authorisedOn(), Optional.empty(), Optional.empty());
    }

    private Optional<RepeatMedicine> back(ObjectNode json, ImportContext context) {
        return requests.fromFhir(FhirJsonForTests.parse(FhirWriter.toJson(json)), context);
    }

    @Test
    void aRepeatIsAnOrderForContinuousTherapyCodedInDmd() {
        ObjectNode r = requests.toFhir(active());

        assertThat(r.path("intent").asText()).isEqualTo("order");
        assertThat(r.at("/courseOfTherapyType/coding/0/code").asText()).isEqualTo("continuous");
        assertThat(r.at("/medicationCodeableConcept/coding/0/system").asText()).isEqualTo("https://dmd.nhs.uk");
        assertThat(r.at("/medicationCodeableConcept/coding/0/code").asText()).isEqualTo("42109611000001109");
        assertThat(r.at("/dispenseRequest/numberOfRepeatsAllowed").asInt()).as("6 issues: the first and 5 repeats")
                .isEqualTo(5);
        assertThat(r.at("/dispenseRequest/expectedSupplyDuration/value").asInt()).isEqualTo(28);
        assertThat(r.at("/dispenseRequest/expectedSupplyDuration/code").asText()).isEqualTo("d");
        assertThat(r.at("/dispenseRequest/validityPeriod/end").asText()).isEqualTo("2026-08-29");
        assertThat(r.at("/dispenseRequest/quantity/value").asInt()).isEqualTo(100);
    }

    @Test
    void everyStateReadsBackToTheSameRepeatAndExportsIdentically() {
        for (RepeatMedicine m : List.of(active(), stopped(), fresh())) {
            ImportContext context = ImportContext.root();
            Optional<RepeatMedicine> read = back(requests.toFhir(m), context);

            assertThat(context.problems()).isEmpty();
            assertThat(read).contains(m);
            assertThat(FhirWriter.toJson(requests.toFhir(read.get()))).isEqualTo(FhirWriter.toJson(requests.toFhir(m)));
        }
    }

    @Test
    void bothResourcesValidateAgainstR4AndUkCoreInEveryState() {
        UkCoreValidator validator = UkCoreValidator.shared();
        for (RepeatMedicine m : List.of(active(), stopped(), fresh())) {
            assertThat(validator.errors(FhirWriter.toJson(requests.toFhir(m)))).as("MedicationRequest %s", m.status())
                    .isEmpty();
            assertThat(validator.errors(FhirWriter.toJson(statements.toFhir(m)))).as("MedicationStatement %s",
                    m.status()).isEmpty();
        }
    }

    @Test
    void theStatementIsBasedOnTheAuthorisation() {
        ObjectNode s = statements.toFhir(stopped());
        assertThat(s.at("/basedOn/0/reference").asText()).isEqualTo("MedicationRequest/" + active().id().value());
        assertThat(s.path("status").asText()).isEqualTo("stopped");
        assertThat(s.at("/effectivePeriod/end").asText()).isEqualTo("2026-04-11");
        assertThat(s.at("/medicationCodeableConcept/coding/0/display").asText()).isEqualTo("Paracetamol 500mg tablets");
    }

    @Test
    void badContentIsReportedWithItsRuleAndNothingIsRead() {
        ObjectNode noDmd = requests.toFhir(active());
        ((ObjectNode) noDmd.at("/medicationCodeableConcept/coding/0")).put("system", "http://snomed.info/sct");
        ObjectNode badCheckDigit = requests.toFhir(active());
        ((ObjectNode) badCheckDigit.at("/medicationCodeableConcept/coding/0")).put("code", "42109611000001108");
        ObjectNode plan = requests.toFhir(active());
        plan.put("intent", "plan");
        ObjectNode noDispense = requests.toFhir(active());
        noDispense.remove("dispenseRequest");
        ObjectNode overIssued = requests.toFhir(active());
        ((ObjectNode) overIssued.path("dispenseRequest")).put("numberOfRepeatsAllowed", 0);

        for (var c : List.of(List.of(noDmd, "DMD"), List.of(badCheckDigit, "DMD"), List.of(plan, "INTENT"),
                List.of(noDispense, "REQUIRED"), List.of(overIssued, "REPEAT"))) {
            ImportContext context = ImportContext.root();
            assertThat(back((ObjectNode) c.get(0), context)).isEmpty();
            assertThat(context.problems()).extracting(ImportProblem::rule).contains((String) c.get(1));
        }
    }

    @Provide
    Arbitrary<RepeatMedicine> repeats() {
        Arbitrary<Medicine> medicine = Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(13)
                .filter(s -> s.charAt(0) != '0')
                .map(s -> s + "10")
                .map(s -> s + checkDigit(s))
                .flatMap(code -> Arbitraries.strings().alpha().numeric().withChars(' ', '-', '%', '/').ofMinLength(1)
                        .ofMaxLength(60).filter(n -> !n.isBlank()).map(name -> new Medicine(DmdCode.of(code), name)));
        Arbitrary<RepeatTerms> terms = Combinators.combine(medicine,
                Arbitraries.strings().alpha().withChars(' ').ofMinLength(1).ofMaxLength(80).filter(d -> !d.isBlank()),
                Arbitraries.integers().between(1, SupplyQuantity.MAX_AMOUNT), Arbitraries.of("tablet", "capsule", "ml"),
                Arbitraries.integers().between(1, RepeatTerms.MAX_INTERVAL_DAYS),
                Arbitraries.integers().between(1, RepeatTerms.MAX_ISSUES),
                Arbitraries.integers().between(0, 700))
                .as((m, dose, amount, unit, interval, issues, review) -> new RepeatTerms(m, dose,
                        SupplyQuantity.of(amount, unit), interval, issues, ON.plusDays(review)));
        return Combinators.combine(terms, Arbitraries.integers().between(0, 99), Arbitraries.of(RepeatStatus.class),
                Arbitraries.of(OdsCode.of("A81001"), OdsCode.site("A81001001"), OdsCode.of("Y01234")))
                .as((t, used, status, practice) -> {
                    int u = Math.min(used, t.issuesAuthorised());
                    boolean stopped = status == RepeatStatus.STOPPED;
                    return new RepeatMedicine(RepeatMedicineId.random(), PatientId.random(), practice, t, u,
                            u == 0 ? Optional.empty() : Optional.of(ON.plusDays(u)), status, UserId.of("GP" + u), ON,
                            stopped ? Optional.of(ON.plusDays(200)) : Optional.empty(),
                            stopped ? Optional.of("Stopped at review") : Optional.empty());
                });
    }

    private static int checkDigit(String payload) {
        for (int d = 0; d < 10; d++) {
            try {
                DmdCode.of(payload + d);
                return d;
            } catch (io.github.personalcare.lang.InvalidInputException e) {
                // try the next digit
            }
        }
        throw new IllegalStateException("no check digit");
    }

    @Property(tries = 200)
    void everyGeneratedRepeatRoundTrips(@ForAll("repeats") RepeatMedicine m) {
        ImportContext context = ImportContext.root();
        assertThat(back(requests.toFhir(m), context)).contains(m);
        assertThat(context.problems()).isEmpty();
    }

    @Property(tries = 10)
    void everyGeneratedRepeatValidates(@ForAll("repeats") RepeatMedicine m) {
        UkCoreValidator validator = UkCoreValidator.shared();
        assertThat(validator.errors(FhirWriter.toJson(requests.toFhir(m)))).isEmpty();
        assertThat(validator.errors(FhirWriter.toJson(statements.toFhir(m)))).isEmpty();
    }
}
