package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.fhir.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.Patient;
import io.github.personalcare.identity.PatientId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The FHIR chapter of the story: the patient's whole record (so far: demographics, the
 * professionals involved and the audit trail) written as a FHIR R4 / UK Core collection Bundle,
 * for the reader to open or to feed to any FHIR validator.
 */
public final class FhirChapter {
    private FhirChapter() {
    }

    /**
     * Reads the patient's record through the services (an audited access) and writes it as a
     * Bundle to {@code out}, creating its folder; prints the path.
     *
     * @return the file written
     * @throws IOException if the file cannot be written
     */
    public static Path exportRecord(PersonalCare care, AccessContext ctx, PatientId patientId, Path out,
            PrintStream print) throws IOException {
        Patient patient = care.patients().get(ctx, patientId);
        List<AuditRecord> audit = care.audit().records(ctx, patientId);
        PatientRecord record = PatientRecord.of(patient, audit);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            FhirWriter.write(new PatientRecordMapper().toFhir(record), file);
        }
        print.println("FHIR: wrote the patient's record (" + (audit.size() + 1) + "+ resources) as a Bundle to "
                + out.toAbsolutePath());
        return out;
    }
}
