package io.github.personalcare.examples;

import io.github.personalcare.lang.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DemoTest {
    @TempDir
    Path dir;

    private String runDemo(String... args) {
        var bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWholeStoryIsToldOnTheInMemoryStorage() {
        Path bundle = dir.resolve("bundle.json");
        String out = runDemo("--fhir-out", bundle.toString());

        assertThat(out).contains("(in-memory storage)")
                .contains("registers Amara (NHS number *** *** 5870")
                .contains("is refused (R39)")
                .contains("Review complete: version 2 agreed and supersedes version 1")
                .contains("GOALS: 1 added, 1 changed")
                .contains("Spend on ALCOHOL refused: EXCLUDED_CATEGORY (R16)")
                .contains("closing balance £1223.50")
                .contains("Weeks waited: 9 (65 days; within 18 weeks: yes)")
                .contains("Her GP opens it two hours later: 1 unread")
                .contains("Amara's unread messages: 1")
                .contains("She reads the reply; unread messages now: 0")
                .contains("A locum outside her care team tries to read it: refused (MESSAGE_CARE_TEAM)")
                .contains("The practice publishes 3 GP slots for next week")
                .contains("Free slots in the next 4 weeks: 3")
                .contains("(UK time, in person, Room 3); free slots left: 2")
                .contains("researcher reads the record for research: denied by R42")
                .contains("breaks the glass with a reason: permitted")
                .contains("Amara reads the practice's answer: TRIAGED, outcome APPOINTMENT_OFFERED")
                .contains("Amara leaves feedback on her care planning: Very good")
                .contains("Audit trail verification: intact")
                .doesNotContain("UNEXPECTED")
                .doesNotContain("9434765870");
        assertThat(bundle).exists();
    }

    @Test
    void theStoryRunsOnAnH2File() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        String url = "jdbc:h2:file:" + dir.resolve("care").toAbsolutePath() + ";WRITE_DELAY=0";
        String out = runDemo("--jdbc-url", url, "--fhir-out", bundle.toString());

        assertThat(out).contains("(H2 storage)").contains("Audit trail verification: intact");
        assertThat(Files.size(bundle)).isPositive();
    }

    @Test
    void anUnknownOptionIsAConfigurationErrorNamingIt() {
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> runDemo("--colour"))
                .satisfies(e -> assertThat(e.option()).isEqualTo("--colour"));
        assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> runDemo("--jdbc-url", "jdbc:oracle:x"))
                .satisfies(e -> assertThat(e.option()).isEqualTo("--jdbc-url"));
    }
}
