package io.github.personalcare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.fhir.FhirImporter;
import io.github.personalcare.fhir.FhirLimits;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirChapterTest {
    @Test
    void theChapterWritesABundleThatImportsBackToThePatient(@TempDir Path dir) throws Exception {
        PersonalCare care = PersonalCare.builder().build();
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("U100001"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        Patient ada = care.patients().register(gp, NhsNumber.parse("943 476 5870"), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(PatientFlag.COMPLEX_NEEDS),
                Optional.of(OdsCode.of("A81001"))).value();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Path file = FhirChapter.exportRecord(care, gp, ada.id(), dir.resolve("demo/patient-bundle.json"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("patient-bundle.json");
        try (InputStream in = Files.newInputStream(file)) {
            PatientRecord back = new FhirImporter(FhirLimits.DEFAULT).read(in, new PatientRecordMapper()).value();
            assertThat(back.patient()).isEqualTo(ada);
            assertThat(back.audit()).isNotEmpty();
        }
    }
}
