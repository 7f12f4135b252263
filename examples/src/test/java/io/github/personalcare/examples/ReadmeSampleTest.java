package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.fhir.FhirWriter;
import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.fhir.PatientRecordMapper;
import io.github.personalcare.fhir.PatientRecords;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.patient.PatientFlag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code sample in README.md, compiled and run here so it can never rot: the test fails if the
 * README's {@code java} block and the region between the markers below differ.
 */
class ReadmeSampleTest {
    private static final Path THIS_FILE =
            Path.of("src/test/java/io/github/personalcare/examples/ReadmeSampleTest.java");

    @Test
    void theReadmeSampleRuns() {
        // README:start
        PersonalCare care = PersonalCare.builder()
                .clock(Clock.systemUTC())                    // default; storage defaults to in-memory
                .build();
        AccessContext gp = AccessContext.of(Actor.professional(UserId.of("gp-1"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        PatientId amara = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Amara", "Okonkwo"),
                LocalDate.of(1958, 4, 2), Set.of(PatientFlag.COMPLEX_NEEDS), Optional.of(OdsCode.of("A81001")))
                .value().id();                               // every command returns Versioned<T>
        List<AccessLogEntry> whoLooked = care.audit().accessLog(AccessContext.patientSelf(amara), amara);

        // Her whole record as a FHIR R4 / UK Core Bundle (module personalcare-fhir); every read is audited.
        PatientRecord record = PatientRecords.read(care, gp, amara);
        String bundle = FhirWriter.toJson(new PatientRecordMapper().toFhir(record));
        // README:end

        assertThat(whoLooked).extracting(AccessLogEntry::action).contains("patient.register");
        assertThat(bundle).contains("Bundle").contains("9434765870");
    }

    @Test
    void theReadmeShowsExactlyTheCodeThisTestRuns() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has a java code block").isTrue();

        String test = Files.readString(THIS_FILE);
        String region = test.substring(test.indexOf("// README:start") + "// README:start".length(),
                test.indexOf("        // README:end"));

        assertThat(normalised(block.group(1))).isEqualTo(normalised(region));
    }

    private static String normalised(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
