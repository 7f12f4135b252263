package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Export, import and export again gives the same JSON, byte for byte. */
class RoundTripPropertiesTest {
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    @Property(tries = 300)
    void patientExportImportExportIsIdentical(@ForAll("patients") Patient patient) {
        PatientMapper mapper = new PatientMapper();
        String first = FhirWriter.toJson(mapper.toFhir(patient));
        Patient back = importer.read(first, mapper).value();
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
    }

    @Property(tries = 300)
    void importedPatientEqualsTheExportedOneUnlessItsPracticeWasWithheld(@ForAll("patients") Patient patient) {
        PatientMapper mapper = new PatientMapper();
        Patient back = importer.read(FhirWriter.toJson(mapper.toFhir(patient)), mapper).value();
        Patient expected = patient.has(PatientFlag.SENSITIVE)
                ? new Patient(patient.id(), patient.nhsNumber(), patient.verification(), patient.name(),
                        patient.dateOfBirth(), patient.flags(), Optional.empty(), patient.dateOfDeath())
                : patient;
        assertThat(back).isEqualTo(expected);
    }

    @Property(tries = 200)
    void auditRecordExportImportExportIsIdenticalAndTheChainStillVerifies(@ForAll("records") PatientRecord record) {
        AuditEventMapper mapper = new AuditEventMapper();
        for (AuditRecord r : record.audit()) {
            String first = FhirWriter.toJson(mapper.toFhir(r));
            AuditRecord back = importer.read(first, mapper).value();
            assertThat(back).isEqualTo(r);
            assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
        }
    }

    @Property(tries = 100)
    void wholeRecordBundleExportImportExportIsIdentical(@ForAll("records") PatientRecord record) {
        PatientRecordMapper mapper = new PatientRecordMapper();
        String first = FhirWriter.toJson(mapper.toFhir(record));
        PatientRecord back = importer.read(first, mapper).value();
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(first);
        List<AuditRecord> chain = back.audit();
        assertThat(AuditChain.verify(back.patient().id().value().toString(), chain,
                Optional.of(chain.get(chain.size() - 1))).isIntact()).isTrue();
    }

    @Property(tries = 50)
    void transactionBundleImportsToTheSameRecordAsTheCollection(@ForAll("records") PatientRecord record) {
        PatientRecordMapper mapper = new PatientRecordMapper();
        PatientRecord fromTransaction = importer.read(FhirWriter.toJson(mapper.toTransaction(record)), mapper).value();
        PatientRecord fromCollection = importer.read(FhirWriter.toJson(mapper.toFhir(record)), mapper).value();
        assertThat(fromTransaction).isEqualTo(fromCollection);
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
