package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.careplan.PlanStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CarePlanChapterTest {

    @Test
    void theChapterAgreesVersionOneReviewsItIntoVersionTwoAndPrintsWhatChanged() {
        PersonalCare care = PersonalCare.builder()
                .clock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CarePlanChapter.Outcome outcome = CarePlanChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertThat(out).contains("members, lead professional appointed")
                .contains("Proposed for agreement: PROPOSED")
                .contains("Patient agreed; awaiting the lead professional: PROPOSED")
                .contains("version 1 agreed, status AGREED, next review 2027-05-23")
                .contains("Review complete: version 2 agreed")
                .contains("What changed since version 1:\n  GOALS: 1 added, 1 changed\n  REVIEW_ARRANGEMENTS: 1 changed\n");
        assertThat(out).doesNotContain("943 476 5870").doesNotContain("9434765870").doesNotContain("Lovelace");
        assertThat(outcome.agreedVersion()).isEqualTo(2);
        var plan = care.carePlans().get(outcome.patientSelf(), outcome.plan());
        assertThat(plan.value().status()).isEqualTo(PlanStatus.AGREED);
        assertThat(plan.version()).isEqualTo(outcome.planStorageVersion());
        assertThat(care.carePlans().currentAgreed(outcome.leadGp(), outcome.patient()).orElseThrow().number())
                .isEqualTo(2);
    }
}
