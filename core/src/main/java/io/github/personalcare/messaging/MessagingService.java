package io.github.personalcare.messaging;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.careteam.CareTeamStores;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.internal.AccessGuard;
import io.github.personalcare.internal.GuardedAggregates;
import io.github.personalcare.internal.GuardedCall;
import io.github.personalcare.internal.Permitted;
import io.github.personalcare.internal.ServiceWiring;
import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.NotFoundException;
import io.github.personalcare.lang.RuleViolationException;
import io.github.personalcare.lang.VersionConflictException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.spi.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Secure messaging between a patient (or a proxy acting within the scope the patient granted, data
 * class {@link DataClass#MESSAGE}) and the professionals of their care team. Every method runs
 * through the access guard: the consent engine decides (a professional needs a legitimate
 * relationship, a proxy a consent granting messages; denials are audited), and the service then
 * refuses, audited as rejected, a professional who is not a member of the patient's care team in
 * force ({@code MESSAGE_CARE_TEAM}) and any actor who is neither the patient, a proxy nor a
 * professional ({@code MESSAGE_PARTICIPANT}). A change, its audit record and its outbox event
 * commit together; a refused command stores nothing.
 *
 * <p>Closing and reopening take the version the caller read, as every change does. Posting and
 * read receipts do not: like ledger commands on a budget, two participants may post at once, so
 * the service runs the post on the latest version and, should it lose the race for the
 * conversation's version, runs it again ({@value #ATTEMPTS} times at most); no message is lost and
 * no poster is told to retry. A message is never edited: {@link #correct} posts a new message that
 * names the one it corrects.
 *
 * <pre>{@code
 * Versioned<Conversation> c = care.messaging().open(self, patientId, "My new inhaler");
 * care.messaging().post(self, c.value().id(), "Is it fine to use it twice a day?", List.of());
 * ConversationThread thread = care.messaging().get(gp, c.value().id());
 * care.messaging().markRead(gp, c.value().id(), thread.conversation().value().messageCount());
 * }</pre>
 *
 * <p>Thread-safe. Logs internal ids and sequences only, never subjects, texts or attachment titles.
 */
public final class MessagingService {
    private static final Logger log = LoggerFactory.getLogger(MessagingService.class);
    /** How many times a post or read receipt is run when it loses a race for the conversation's version. */
    public static final int ATTEMPTS = 8;

    private final AccessGuard guard;
    private final GuardedAggregates<ConversationId, Conversation> conversations;

    static {
        ServiceWiring.register(MessagingService.class, w -> new MessagingService(w.guard()));
    }

    /** Created by the entry point through {@link ServiceWiring}; suppliers use {@code PersonalCare}. */
    MessagingService(AccessGuard guard) {
        this.guard = Require.present("guard", guard);
        this.conversations = new GuardedAggregates<>(guard, MessagingStores.CONVERSATIONS, DataClass.MESSAGE,
                "Conversation");
    }

    /**
     * Opens a conversation about a subject, without messages yet.
     *
     * @param ctx     who asks: the patient, a proxy with message scope, or a professional of the care team
     * @param patient whose conversation it is
     * @param subject what it is about, at most 200 characters; never logged
     * @return the open conversation at version 1
     * @throws InvalidInputException naming {@code patient} or {@code subject} if missing or malformed (nothing audited)
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not message about the patient
     *                                                             (audited)
     */
    public Versioned<Conversation> open(AccessContext ctx, PatientId patient, String subject) {
        Require.present("patient", patient);
        Require.text("subject", subject, Require.SHORT_TEXT);
        ConversationId id = ConversationId.random();
        Versioned<Conversation> saved = guard.run(GuardedCall.on(ctx, patient, AccessAction.COLLECT, DataClass.MESSAGE,
                "message.open", "Conversation/" + id), p -> {
                    Participant by = requireParticipant(p, patient);
                    Conversation c = Conversation.open(id, patient, subject, by, p.now());
                    long version = p.tx().aggregates(MessagingStores.CONVERSATIONS).insert(c);
                    p.tx().outbox().publish(new MessagingEvent.ConversationChanged(UUID.randomUUID(), p.now(), patient,
                            id, MessagingEvent.Change.OPENED));
                    return new Versioned<>(c, version);
                });
        log.info("conversation {} opened", id);
        return saved;
    }

    /**
     * Posts a message to an open conversation, as the calling participant, at the clock's time.
     *
     * @param ctx          who posts: the patient, a proxy with message scope, or a professional of the care team
     * @param conversation the conversation's id
     * @param text         what is said: at most {@value Message#MAX_TEXT_LENGTH} characters, no control characters
     *                     but line feed and tab; never logged
     * @param attachments  documents sent with it, by reference, at most {@value Message#MAX_ATTACHMENTS}
     * @return the message as the caller may see it, with the conversation's version after the post
     * @throws InvalidInputException naming {@code conversation}, {@code text} or {@code attachments} if missing or
     *                               malformed (nothing audited, nothing stored)
     * @throws io.github.personalcare.lang.IllegalTransitionException with {@code CONVERSATION_CLOSED} if it is closed
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws VersionConflictException if the post lost the race for the conversation {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not message about the patient
     *                                                             (audited)
     */
    public Versioned<Message> post(AccessContext ctx, ConversationId conversation, String text,
            List<MessageAttachment> attachments) {
        return post(ctx, conversation, text, attachments, Optional.empty(), "message.post");
    }

    /**
     * Corrects an earlier message of the caller's by posting a new message that names it; the
     * earlier message stays as it was.
     *
     * @param ctx          who corrects: the sender of the message corrected
     * @param conversation the conversation's id
     * @param corrects     the message corrected
     * @param text         the corrected text, as for {@link #post}
     * @param attachments  documents sent with the correction, by reference
     * @return the correction as the caller may see it, with the conversation's version after the post
     * @throws InvalidInputException naming the field if an argument is missing or malformed (nothing audited), or
     *                               naming {@code corrects} with rule {@code MESSAGE_UNKNOWN} if the conversation
     *                               holds no such message (audited as rejected)
     * @throws RuleViolationException with {@code MESSAGE_CORRECTION} if the message was posted by someone else
     * @throws io.github.personalcare.lang.IllegalTransitionException with {@code CONVERSATION_CLOSED} if it is closed
     * @throws VersionConflictException if the post lost the race for the conversation {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not message about the patient
     *                                                             (audited)
     */
    public Versioned<Message> correct(AccessContext ctx, ConversationId conversation, MessageId corrects, String text,
            List<MessageAttachment> attachments) {
        Require.present("corrects", corrects);
        return post(ctx, conversation, text, attachments, Optional.of(corrects), "message.correct");
    }

    private Versioned<Message> post(AccessContext ctx, ConversationId id, String text,
            List<MessageAttachment> attachments, Optional<MessageId> corrects, String auditAction) {
        Require.present("conversation", id);
        Message.checkText(text);
        List<MessageAttachment> attached = Require.list("attachments", attachments, Message.MAX_ATTACHMENTS);
        Versioned<Message> saved = retrying(id, () -> conversations.run(ctx, id, AccessAction.COLLECT, auditAction,
                (p, current) -> {
                    Conversation c = current.value();
                    Participant sender = requireParticipant(p, c.patient());
                    corrects.ifPresent(earlier -> requireOwnMessage(p, c, earlier, sender));
                    Conversation next = c.withMessage(p.now());
                    Message m = new Message(MessageId.random(), c.id(), c.patient(), c.nextSequence(), sender, p.now(),
                            text, attached, corrects);
                    p.tx().entries(MessagingStores.MESSAGES).append(m);
                    long version = p.tx().aggregates(MessagingStores.CONVERSATIONS).update(next, current.version());
                    p.tx().outbox().publish(new MessagingEvent.MessagePosted(UUID.randomUUID(), p.now(), c.patient(),
                            c.id(), m.id(), m.sequence(), corrects));
                    return new Versioned<>(m.withoutAttachmentsLabelled(p.withheld()), version);
                }));
        log.info("conversation {}: message {} posted as #{}", id, saved.value().id(), saved.value().sequence());
        return saved;
    }

    private static void requireOwnMessage(Permitted p, Conversation c, MessageId earlier, Participant sender) {
        Message found = p.tx().entries(MessagingStores.MESSAGES).byOwner(c.id()).stream()
                .filter(m -> m.id().equals(earlier)).findFirst()
                .orElseThrow(() -> new InvalidInputException("corrects", "MESSAGE_UNKNOWN",
                        "names no message of this conversation"));
        if (!found.sender().equals(sender)) {
            throw new RuleViolationException("MESSAGE_CORRECTION", "a message is corrected by its own sender");
        }
    }

    /**
     * Records that the caller has read the conversation up to and including message {@code upTo}.
     * Receipts only move forward; an earlier {@code upTo} than already recorded changes nothing.
     *
     * @param ctx          who read: a participant
     * @param conversation the conversation's id
     * @param upTo         the sequence of the last message read, from 1 to the conversation's message count
     * @return the conversation at its (possibly unchanged) version
     * @throws InvalidInputException naming {@code conversation} if missing (nothing audited), or {@code upTo} if it
     *                               is not a message of the conversation
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws VersionConflictException if the receipt lost the race for the conversation {@value #ATTEMPTS} times
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's messages
     *                                                             (audited)
     */
    public Versioned<Conversation> markRead(AccessContext ctx, ConversationId conversation, long upTo) {
        Require.present("conversation", conversation);
        if (upTo < 1) {
            throw new InvalidInputException("upTo", "RANGE", "must be at least 1");
        }
        return retrying(conversation, () -> conversations.run(ctx, conversation, AccessAction.COLLECT,
                "message.markRead", (p, current) -> {
                    Participant who = requireParticipant(p, current.value().patient());
                    Conversation next = current.value().read(who, upTo, p.now());
                    if (next == current.value()) {
                        return current;
                    }
                    long version = p.tx().aggregates(MessagingStores.CONVERSATIONS).update(next, current.version());
                    return new Versioned<>(next, version);
                }));
    }

    /**
     * Closes the conversation: no new message until it is reopened.
     *
     * @param ctx             who asks: a participant
     * @param conversation    the conversation's id
     * @param expectedVersion the version read
     * @return the closed conversation at its new version
     * @throws InvalidInputException naming {@code conversation} if missing (nothing audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException with {@code CONVERSATION_CLOSED} if it is closed
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws VersionConflictException if the conversation is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the conversation
     *                                                             (audited)
     */
    public Versioned<Conversation> close(AccessContext ctx, ConversationId conversation, long expectedVersion) {
        Require.present("conversation", conversation);
        Versioned<Conversation> saved = conversations.change(ctx, conversation, expectedVersion, AccessAction.CORRECT,
                "message.close", (p, c) -> {
                    requireParticipant(p, c.patient());
                    Conversation next = c.close(p.now());
                    p.tx().outbox().publish(new MessagingEvent.ConversationChanged(UUID.randomUUID(), p.now(),
                            c.patient(), c.id(), MessagingEvent.Change.CLOSED));
                    return next;
                });
        log.info("conversation {} closed at version {}", conversation, saved.version());
        return saved;
    }

    /**
     * Reopens a closed conversation.
     *
     * @param ctx             who asks: a participant
     * @param conversation    the conversation's id
     * @param expectedVersion the version read
     * @return the open conversation at its new version
     * @throws InvalidInputException naming {@code conversation} if missing (nothing audited)
     * @throws io.github.personalcare.lang.IllegalTransitionException with {@code CONVERSATION_OPEN} if it is open
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws VersionConflictException if the conversation is no longer at {@code expectedVersion}
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not change the conversation
     *                                                             (audited)
     */
    public Versioned<Conversation> reopen(AccessContext ctx, ConversationId conversation, long expectedVersion) {
        Require.present("conversation", conversation);
        Versioned<Conversation> saved = conversations.change(ctx, conversation, expectedVersion, AccessAction.CORRECT,
                "message.reopen", (p, c) -> {
                    requireParticipant(p, c.patient());
                    Conversation next = c.reopen();
                    p.tx().outbox().publish(new MessagingEvent.ConversationChanged(UUID.randomUUID(), p.now(),
                            c.patient(), c.id(), MessagingEvent.Change.REOPENED));
                    return next;
                });
        log.info("conversation {} reopened at version {}", conversation, saved.version());
        return saved;
    }

    /**
     * The conversation with its messages, oldest first, without the attachments withheld from the
     * caller (R41, R48), and unread counts.
     *
     * @param ctx          who reads: a participant
     * @param conversation the conversation's id
     * @return the conversation as the caller may see it
     * @throws InvalidInputException naming {@code conversation} if missing (nothing audited)
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws NotFoundException if the caller may ask and there is no such conversation (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's messages
     *                                                             (audited)
     */
    public ConversationThread get(AccessContext ctx, ConversationId conversation) {
        Require.present("conversation", conversation);
        return conversations.read(ctx, conversation, "message.read", (p, v) -> {
            Participant who = requireParticipant(p, v.value().patient());
            List<Message> messages = p.tx().entries(MessagingStores.MESSAGES).byOwner(conversation).stream()
                    .map(m -> m.withoutAttachmentsLabelled(p.withheld())).toList();
            return new ConversationThread(v, messages, v.value().unread(who, messages),
                    v.value().unreadCounts(who, messages));
        });
    }

    /**
     * The patient's conversations, most recently active first, with the caller's unread count of each.
     *
     * @param ctx     who reads: a participant
     * @param patient the patient
     * @return one line per conversation
     * @throws InvalidInputException naming {@code patient} if missing (nothing audited)
     * @throws RuleViolationException with {@code MESSAGE_CARE_TEAM} or {@code MESSAGE_PARTICIPANT} if the caller may
     *                                not take part (audited)
     * @throws io.github.personalcare.access.AccessDeniedException if the caller may not read the patient's messages
     *                                                             (audited)
     */
    public List<ConversationSummary> forPatient(AccessContext ctx, PatientId patient) {
        Require.present("patient", patient);
        return guard.run(GuardedCall.on(ctx, patient, AccessAction.ACCESS, DataClass.MESSAGE, "message.list",
                "Patient/" + patient), p -> {
                    Participant who = requireParticipant(p, patient);
                    var messages = p.tx().entries(MessagingStores.MESSAGES);
                    return p.tx().aggregates(MessagingStores.CONVERSATIONS).findByPatient(patient).stream()
                            .sorted(Comparator.comparing((Versioned<Conversation> v) -> v.value().lastMessageAt()
                                    .orElse(v.value().openedAt())).reversed()
                                    .thenComparing(v -> v.value().id().value()))
                            // a conversation read to its last message has nothing unread: its
                            // messages are read only when some may be unread (one statement each)
                            .map(v -> new ConversationSummary(v,
                                    v.value().readUpTo(who) >= v.value().messageCount() ? 0
                                            : v.value().unread(who, messages.byOwner(v.value().id()))))
                            .toList();
                });
    }

    /**
     * The caller as a participant in the patient's conversations, once the consent engine has
     * permitted the call: the patient, a proxy (the engine checked the scope the patient granted),
     * or a professional who is a member of the patient's care team now.
     */
    private static Participant requireParticipant(Permitted p, PatientId patient) {
        Actor actor = p.context().actor();
        if (actor instanceof Actor.PatientActor self && self.patient().equals(patient) || actor instanceof Actor.Carer) {
            return Participant.of(actor);
        }
        if (actor instanceof Actor.Professional professional) {
            boolean member = CareTeamStores.forPatient(p.tx(), patient)
                    .flatMap(team -> team.value().professional(professional.user(), p.now())).isPresent();
            if (!member) {
                throw new RuleViolationException("MESSAGE_CARE_TEAM",
                        "only professionals of the patient's care team take part in their conversations");
            }
            return Participant.of(actor);
        }
        throw new RuleViolationException("MESSAGE_PARTICIPANT",
                "conversations are between the patient, their proxies and their care team");
    }

    private static <T> T retrying(ConversationId id, Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (VersionConflictException | DuplicateKeyException e) {
                // The conversation's version is the lock: another post committed first. Run the
                // command again on the new state; its checks run afresh.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("conversation {} command lost a race (attempt {}), running it again", id, attempt);
            }
        }
    }
}
