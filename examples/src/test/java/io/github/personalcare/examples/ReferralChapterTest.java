package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralChapterTest {

    /** A fixed clock the test moves through the chapter's advance hook. */
    private static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theChapterRefersBooksTreatsAndPrintsTheWeeksWaited() {
        // 23:30 UTC on 5 January is still 5 January in the UK (GMT)
        StepClock clock = new StepClock(Instant.parse("2026-01-05T23:30:00Z"));
        PersonalCare care = PersonalCare.builder().clock(clock).serviceDirectory(ReferralChapter.directory()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReferralChapter.Outcome outcome = ReferralChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::advance);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[0]).isEqualTo("== Referral and the 18-week clock ==");
        assertThat(lines[1]).matches("GP drafts a ROUTINE referral to CARDIOLOGY, UBRN \\d{4} \\d{4} \\d{4}");
        assertThat(lines).containsSubsequence(
                "Services near LS6: 3",
                "  1. Headingley Cardiology Service (XHC02, LS6)",
                "  2. Aire Valley Heart Clinic (XAV01, LS19)",
                "  3. Leeds City Heart Centre (XLC03, LS1)",
                "Shortlist of 3 offered, choice recorded: NOT_BOOKED",
                "Patient chooses Leeds City Heart Centre and books for 2026-01-26: BOOKED",
                "RTT clock started 2026-01-05 (UK date) on UBRN_CONVERSION, 18-week breach date 2026-05-11",
                "Provider XLC03 accepts the referral: ACCEPTED",
                "First definitive treatment on 2026-03-11: clock STOPPED",
                "Weeks waited: 9 (65 days; within 18 weeks: yes)",
                "Referral COMPLETED");
        assertThat(outcome.weeksWaited()).isEqualTo(9);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("9434765870", "943 476 5870", "Lovelace",
                "chest tightness");
    }
}
