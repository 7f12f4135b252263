package io.github.personalcare.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.identity.PatientId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FHIR chapter of the story: the patient's whole record (demographics, the professionals
 * involved, care team, care plans, budgets and ledger, referrals, consents and the audit trail)
 * written as a FHIR R4 / UK Core collection Bundle, for the reader to open or to feed to any FHIR
 * validator.
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
        PatientRecord record = PatientRecords.read(care, ctx, patientId);
        ObjectNode bundle = new PatientRecordMapper().toFhir(record);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            FhirWriter.write(bundle, file);
        }
        Map<String, Integer> counts = new TreeMap<>();
        bundle.path("entry").forEach(e -> counts.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum));
        print.println("FHIR: wrote the patient's whole record as a Bundle of " + bundle.path("entry").size()
                + " resources " + counts + " to " + out.toAbsolutePath());
        return out;
    }
}
