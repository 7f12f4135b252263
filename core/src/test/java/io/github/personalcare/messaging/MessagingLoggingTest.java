package io.github.personalcare.messaging;

import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.support.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every messaging command, refusals and denials included, with a known subject, message text
 * and attachment title, and proves no captured log event holds any of them or the patient's
 * NHS number or name.
 */
class MessagingLoggingTest {
    private static final String SUBJECT = "Worried about my chest pain";
    private static final String TEXT = "The pain wakes me at night since Tuesday";
    private static final String TITLE = "Photo of the rash";
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void noSubjectTextAttachmentTitleOrIdentityIsLogged() {
        MessagingWorld world = new MessagingWorld();
        MessagingService messaging = world.messaging();
        var c = messaging.open(world.w.self, world.w.patient, SUBJECT);
        ConversationId id = c.value().id();
        var posted = messaging.post(world.w.self, id, TEXT,
                List.of(new MessageAttachment(TITLE, "https://photos.example.org/1")));
        messaging.correct(world.w.self, id, posted.value().id(), TEXT + " (and Wednesday)", List.of());
        messaging.markRead(world.w.gp, id, 2);
        messaging.get(world.w.gp, id);
        messaging.forPatient(world.w.self, world.w.patient);
        var closed = messaging.close(world.w.gp, id, messaging.get(world.w.gp, id).conversation().version());
        messaging.reopen(world.w.self, id, closed.version());
        assertThatThrownBy(() -> messaging.post(world.w.stranger, id, TEXT, List.of()))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> messaging.post(world.otherGp, id, TEXT, List.of()))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> messaging.post(world.w.self, id, TEXT + "\u0007", List.of()))
                .isInstanceOf(PersonalCareException.class);

        assertThat(logs.events()).as("the service logs its outcomes").isNotEmpty();
        List<String> forbidden = List.of(SUBJECT, TEXT, "wakes me", TITLE, CareWorld.NHS_NUMBER, CareWorld.FAMILY);
        for (String line : logs.rendered()) {
            for (String secret : forbidden) {
                assertThat(line).doesNotContain(secret);
            }
        }
    }
}
