package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.patient.Patient;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated patients and whole records validate with 0 errors (few tries: the validator is slow). */
class ConformancePropertiesTest {
    private final UkCoreValidator validator = UkCoreValidator.shared();

    @Property(tries = 25)
    void everyGeneratedPatientValidatesAgainstUkCore(@ForAll("patients") Patient patient) {
        assertThat(validator.errors(FhirWriter.toJson(new PatientMapper().toFhir(patient)))).isEmpty();
    }

    @Property(tries = 10)
    void everyGeneratedRecordBundleValidates(@ForAll("records") PatientRecord record) {
        assertThat(validator.errors(FhirWriter.toJson(new PatientRecordMapper().toFhir(record)))).isEmpty();
    }

    @Provide
    Arbitrary<Patient> patients() {
        return GeneratedRecords.patients();
    }

    @Provide
    Arbitrary<PatientRecord> records() {
        return GeneratedRecords.records();
    }
}
