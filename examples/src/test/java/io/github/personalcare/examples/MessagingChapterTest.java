package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.messaging.ConversationId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingChapterTest {

    @Test
    void thePatientMessagesHerLeadProfessionalWhoRepliesAndSheReadsIt() {
        StoryClock clock = new StoryClock(Demo.START, ZoneId.of("Europe/London"));
        PersonalCare care = PersonalCare.builder().clock(clock).build();
        AccessContext gp = PatientChapter.GP;
        Actor.Professional g = (Actor.Professional) gp.actor();
        PatientId patient = care.patients().register(gp, NhsNumber.parse("943 476 5870"),
                NhsNumberVerification.VERIFIED, new PersonName("Amara", "Example"), LocalDate.of(1961, 4, 2), Set.of(),
                Optional.of(PatientChapter.PRACTICE)).value().id();
        var team = care.careTeams().establish(gp, patient);
        team = care.careTeams().addProfessional(gp, team.value().id(), g.user(), g.role(), g.organisation(),
                team.version());
        care.careTeams().appointLead(gp, team.value().id(), team.value().professionals().get(0).id(), team.version());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ConversationId id = MessagingChapter.run(care, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::advance, patient, gp);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\\R")).containsExactly(
                "== Messaging the care team ==",
                "Amara opens a conversation and writes to her lead professional: message #1",
                "Her GP opens it two hours later: 1 unread",
                "The GP replies: message #2, sent at " + Demo.START.plusSeconds(7200),
                "Amara's unread messages: 1",
                "She reads the reply; unread messages now: 0",
                "A locum outside her care team tries to read it: refused (MESSAGE_CARE_TEAM)");
        assertThat(out).doesNotContain("breathless").doesNotContain("inhaler");
        assertThat(care.messaging().get(AccessContext.patientSelf(patient), id).messages()).hasSize(2);
    }
}
