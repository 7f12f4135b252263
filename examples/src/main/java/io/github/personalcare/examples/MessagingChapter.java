package io.github.personalcare.examples;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.messaging.Conversation;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.messaging.ConversationThread;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.messaging.MessagingService;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The messaging chapter of the demo: the patient writes to her lead professional, who reads it
 * and replies two hours later; she reads the reply and her unread count goes to 0. A professional
 * who is not on her care team is refused. Output carries counts, sequences and rule codes, never
 * the subject or the text.
 */
public final class MessagingChapter {
    private MessagingChapter() {
    }

    /**
     * Runs the chapter.
     *
     * @param care         the SDK, whose clock {@code advanceClock} moves
     * @param out          where the story is told
     * @param advanceClock moves the clock of {@code care}
     * @param patient      the patient, whose care team has {@code lead} as its lead professional
     * @param lead         the lead professional
     * @return the conversation's id
     */
    public static ConversationId run(PersonalCare care, PrintStream out, Consumer<Duration> advanceClock,
            PatientId patient, AccessContext lead) {
        MessagingService messaging = care.messaging();
        AccessContext me = AccessContext.patientSelf(patient);
        out.println("== Messaging the care team ==");

        Versioned<Conversation> c = messaging.open(me, patient, "Breathless on the stairs again");
        ConversationId id = c.value().id();
        Versioned<Message> question = messaging.post(me, id,
                "Since Monday I get breathless halfway up the stairs. Should I change my inhaler?", List.of());
        out.println("Amara opens a conversation and writes to her lead professional: message #"
                + question.value().sequence());

        advanceClock.accept(Duration.ofHours(2));
        ConversationThread gpView = messaging.get(lead, id);
        out.println("Her GP opens it two hours later: " + gpView.unread() + " unread");
        messaging.markRead(lead, id, gpView.conversation().value().messageCount());
        Versioned<Message> reply = messaging.post(lead, id,
                "Please use the blue inhaler before climbing and book a review with the nurse this week.", List.of());
        out.println("The GP replies: message #" + reply.value().sequence() + ", sent at " + reply.value().sentAt());

        ConversationThread mine = messaging.get(me, id);
        out.println("Amara's unread messages: " + mine.unread());
        messaging.markRead(me, id, reply.value().sequence());
        out.println("She reads the reply; unread messages now: " + messaging.get(me, id).unread());

        AccessContext outsider = AccessContext.of(Actor.professional(UserId.of("locum-9"),
                ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);
        try {
            messaging.get(outsider, id);
            out.println("A locum outside her care team reads the conversation: UNEXPECTED");
        } catch (PersonalCareException e) {
            out.println("A locum outside her care team tries to read it: refused (" + e.rule() + ")");
        }
        return id;
    }
}
