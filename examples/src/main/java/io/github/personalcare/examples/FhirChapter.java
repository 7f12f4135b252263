package io.github.personalcare.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.fhir.FhirBundles;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.fhir.rest.FhirClient;
import io.github.personalcare.fhir.rest.WriteResult;
import io.github.personalcare.identity.PatientId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        // Pretty: a file people open and read.
        try (OutputStream file = Files.newOutputStream(out)) {
            FhirWriter.write(bundle, file, FhirWriter.Style.PRETTY);
        }
        Map<String, Integer> counts = new TreeMap<>();
        bundle.path("entry").forEach(e -> counts.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum));
        print.println("FHIR: wrote the patient's whole record as a Bundle of " + bundle.path("entry").size()
                + " resources " + counts + " to " + out.toAbsolutePath());
        return out;
    }

    /**
     * Reads the patient's record through the services and pushes it to a FHIR server, each
     * resource once and after those it references ({@link FhirClient#push}), then reads every
     * resource back and imports them; prints whether the same record came back.
     *
     * @return whether the record read back equals the one pushed
     * @throws io.github.personalcare.fhir.rest.FhirServerException if the server refuses or cannot
     *                                                               be reached
     */
    public static boolean pushRecord(PersonalCare care, AccessContext ctx, PatientId patientId, String baseUrl,
            PrintStream print) {
        PatientRecord record = PatientRecords.read(care, ctx, patientId);
        PatientRecordMapper mapper = new PatientRecordMapper();
        FhirClient fhir = FhirClient.builder(baseUrl).build();
        List<WriteResult> written = fhir.push(mapper.resources(record));
        List<ObjectNode> readBack = new ArrayList<>();
        for (WriteResult w : written) {
            readBack.add(fhir.read(w.resourceType(), w.id()));
        }
        boolean same = FhirImporter.map(FhirBundles.collection(readBack), mapper).value().equals(record);
        print.println("FHIR: pushed " + written.size() + " resources to " + baseUrl
                + " in dependency order and read them back: " + (same ? "the same record" : "A DIFFERENT RECORD"));
        return same;
    }
}
