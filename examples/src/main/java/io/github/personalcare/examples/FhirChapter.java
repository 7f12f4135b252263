package io.github.personalcare.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.fhir.rest.FhirEventRenderer;
import io.github.personalcare.fhir.rest.OkHttpFhirTransport;
import io.github.personalcare.fhir.rest.RecordReader;
import io.github.personalcare.spi.Transport;
import io.github.personalcare.spi.TransportException;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.fhir.FhirBundles;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.SupplierCodes;
import io.github.personalcare.budget.SpendCategory;
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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The FHIR chapter of the story: the patient's whole record (demographics, the professionals
 * involved, care team, care plans, budgets and ledger, referrals, consents and the audit trail)
 * written as a FHIR R4 / UK Core collection Bundle, for the reader to open or to feed to any FHIR
 * validator.
 */
public final class FhirChapter {
    /**
     * Who the FHIR relay reads the record as: the GP, as the export does, audited like any reader.
     * A system actor could read everything but the messages, which the messaging service shows to
     * their participants only ({@code MESSAGE_PARTICIPANT}).
     */
    static final AccessContext RELAY = PatientChapter.GP;

    /**
     * The demo supplier's own code lists: the specialty and spend categories its records use. A
     * supplier publishes them with {@code SdkConformance.bundle(SUPPLIER_CODES)} so that a validator
     * resolves them (the SDK alone can only publish these lists as fragments).
     */
    static final SupplierCodes SUPPLIER_CODES = SupplierCodes.builder()
            .add(SupplierCodes.CodeList.SPECIALTY, ReferralChapter.CARDIOLOGY.code(), "Cardiology")
            .add(SupplierCodes.CodeList.SPEND_CATEGORY, SpendCategory.PERSONAL_ASSISTANT.code(), "Personal assistant")
            .add(SupplierCodes.CodeList.SPEND_CATEGORY, SpendCategory.THERAPY.code(), "Therapy")
            .add(SupplierCodes.CodeList.SPEND_CATEGORY, SpendCategory.TRANSPORT.code(), "Transport")
            .add(SupplierCodes.CodeList.SPEND_CATEGORY, SpendCategory.ALCOHOL.code(), "Alcohol")
            .build();

    private FhirChapter() {
    }

    /**
     * The demo's transport with {@code --fhir-relay}: each event goes to the privacy officer's
     * inbox, then to the FHIR server as the write it implies, reading only what the event names
     * through the SDK's services as {@link #RELAY}.
     *
     * @param baseUrl the FHIR server's base URL
     * @param inbox   the privacy officer's inbox
     * @param care    the SDK, once built (it is built after its transport)
     * @return the transport
     */
    public static EventsToFhir relayTo(String baseUrl, Transport inbox, Supplier<PersonalCare> care) {
        OkHttpFhirTransport fhir = OkHttpFhirTransport.builder(baseUrl)
                .renderer(FhirEventRenderer.eventWrites(RecordReader.through(care, RELAY))).build();
        return new EventsToFhir(baseUrl, inbox, fhir);
    }

    /** Hands each event to the inbox, then to the FHIR server; counts what was sent and refused. */
    public static final class EventsToFhir implements Transport {
        private final String baseUrl;
        private final Transport inbox;
        private final OkHttpFhirTransport fhir;
        private final AtomicInteger sent = new AtomicInteger();
        private final Map<String, Integer> refused = new ConcurrentSkipListMap<>();

        private EventsToFhir(String baseUrl, Transport inbox, OkHttpFhirTransport fhir) {
            this.baseUrl = baseUrl;
            this.inbox = inbox;
            this.fhir = fhir;
        }

        @Override
        public void deliver(DomainEvent event) {
            inbox.deliver(event);    // the inbox ignores an event it has seen, so a redelivery is harmless
            try {
                fhir.deliver(event);
            } catch (TransportException e) {
                refused.merge(e.rule(), 1, Integer::sum);
                throw e;
            }
            sent.incrementAndGet();
        }

        /** {@return events the FHIR server accepted} */
        public int sent() {
            return sent.get();
        }

        /** {@return failed deliveries by rule, such as {@code VALIDATION_FAILED_HTTP_422}} */
        public Map<String, Integer> refused() {
            return Map.copyOf(refused);
        }

        /**
         * Relays what is still in the outbox and prints how many events went to the server.
         *
         * @param care  the SDK
         * @param print where to print
         */
        public void finish(PersonalCare care, PrintStream print) {
            care.outboxRelay().orElseThrow(() -> new IllegalStateException("the demo needs a transport")).relay();
            print.println("FHIR: the outbox relay sent " + sent() + " of the story's events to " + baseUrl
                    + ", each as the write it implies" + (refused.isEmpty() ? "" : "; refused: " + new TreeMap<>(refused)));
        }
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
