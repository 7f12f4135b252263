package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.Storage;
import io.github.personalcare.spi.Transport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The story of one patient, told through the SDK's public API: registration, her care team and
 * personalised care and support plan, a personal health budget paying for it, a referral with the
 * 18-week clock, consent decisions, her access log, and her whole record written as FHIR.
 *
 * <p>Run it with {@code mvn -q -B -pl examples -am compile exec:java} (in-memory storage), or add
 * {@code -Dexec.args="--jdbc-url jdbc:h2:file:./target/demo/care;WRITE_DELAY=0"} (H2 file) or
 * {@code -Dexec.args="--jdbc-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres"};
 * {@code --fhir-out FILE} chooses where the FHIR Bundle goes; {@code --fhir-server URL} also pushes
 * the record to that FHIR server and reads it back, and {@code --fhir-relay} also sends the story's
 * events there as they happen, each as the write it implies.
 */
public final class Demo {
    /** When the story starts (a fixed time, so the output is the same every run). */
    public static final Instant START = Instant.parse("2026-01-12T09:30:00Z");

    private Demo() {
    }

    public static void main(String[] args) {
        run(System.out, args);
    }

    /** Tells the whole story to {@code out}, with the command-line options in {@code args}. */
    public static void run(PrintStream out, String... args) {
        DemoOptions options = DemoOptions.parse(args);
        StoryClock clock = new StoryClock(START, ZoneId.of("Europe/London"));
        try (Storage storage = DemoStorage.open(options.jdbcUrl())) {
            PrivacyOfficerInbox inbox = new PrivacyOfficerInbox();
            AtomicReference<PersonalCare> built = new AtomicReference<>();
            FhirChapter.EventsToFhir relay = options.fhirRelay()
                    ? FhirChapter.relayTo(options.fhirServer().orElseThrow(), inbox, built::get) : null;
            Transport transport = relay != null ? relay : inbox;
            PersonalCare care = PersonalCare.builder().clock(clock).storage(storage).transport(transport)
                    .serviceDirectory(ReferralChapter.directory()).build();
            built.set(care);
            tell(care, inbox, clock, options, out);
            if (relay != null) {
                relay.finish(care, out);
            }
        }
    }

    private static void tell(PersonalCare care, PrivacyOfficerInbox inbox, StoryClock clock, DemoOptions options, PrintStream out) {
        out.println("Personal Care SDK demo: the story of one patient (" + DemoStorage.describe(options.jdbcUrl()) + ")");
        out.println();

        Patient patient = PatientChapter.tell(care, out);
        out.println();
        CarePlanChapter.run(care, out, patient.id(), PatientChapter.GP);
        out.println();
        BudgetChapter.run(care, out, PatientChapter.GP, patient.id());
        out.println();
        ReferralChapter.run(care, out, clock::advance, patient.id(), PatientChapter.GP);
        out.println();
        MessagingChapter.run(care, out, clock::advance, patient.id(), PatientChapter.GP);
        out.println();
        AppointmentChapter.run(care, out, patient.id());
        out.println();
        ConsentChapter.run(care, inbox, patient, (Actor.Professional) PatientChapter.GP.actor(), out);
        out.println();
        PrescriptionChapter.run(care, out, clock::advance, patient.id(), PatientChapter.GP);
        out.println();
        EconsultFeedbackChapter.run(care, out, clock::advance, patient.id(), PatientChapter.GP, PatientChapter.PRACTICE);
        out.println();

        out.println("== Epilogue ==");
        int entries = care.audit().accessLog(AccessContext.patientSelf(patient.id()), patient.id()).size();
        out.println("Amara's access log now holds " + entries + " entries, each decided and audited.");
        var auditor = AccessContext.of(Actor.professional(UserId.of("privacy-officer-1"),
                ProfessionalRole.PRIVACY_OFFICER, PatientChapter.PRACTICE), Purpose.AUDIT);
        out.println("Audit trail verification: " + (care.audit().verify(auditor).isIntact() ? "intact" : "BROKEN"));
        out.println();
        try {
            FhirChapter.exportRecord(care, PatientChapter.GP, patient.id(), options.fhirOut(), out);
            if (options.fhirServer().isPresent()) {
                FhirChapter.pushRecord(care, PatientChapter.GP, patient.id(), options.fhirServer().get(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
