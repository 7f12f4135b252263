package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.messaging.MessageAttachment;
import io.github.personalcare.messaging.MessageId;
import io.github.personalcare.messaging.Participant;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A secure {@link Message} as a UK Core Communication.
 *
 * <ul>
 *   <li>{@code id}: the message id; {@code identifier}: {@code <conversation id>/<sequence>} of
 *       {@link FhirSystems#SDK_CONVERSATION_MESSAGE}, so a message keeps its place.</li>
 *   <li>The conversation that groups messages is the {@code message-conversation} extension (an
 *       Identifier of {@link FhirSystems#SDK_CONVERSATION_ID}): R4 Communication has no element for
 *       a thread ({@code partOf} is for the event a communication is part of, {@code inResponseTo}
 *       is a reply), and the SDK has no resource for the conversation itself.</li>
 *   <li>{@code status} is always {@code completed} (a stored message was sent); {@code subject} is
 *       the Patient; {@code sent} the time it was posted.</li>
 *   <li>{@code sender}: the Patient, the Practitioner (by user id) or, for a proxy, a RelatedPerson
 *       by user id; the exact participant reference is in the {@code message-sender} extension,
 *       which is what is read back.</li>
 *   <li>{@code payload[0].contentString}: the text. Each attachment is a further payload: an
 *       absolute URI as {@code contentAttachment} ({@code url}, {@code title}), a record reference
 *       such as {@code DocumentReference/123} as {@code contentReference} ({@code reference},
 *       {@code display}); its sensitivity labels (R41, R48) as {@code message-attachment-label}
 *       extensions on the content.</li>
 *   <li>A correction names the message it corrects in the {@code message-corrects} extension
 *       ({@code Communication/<id>}): a message is never edited.</li>
 * </ul>
 */
public final class CommunicationMapper implements FhirMapper<Message> {
    static final String CONVERSATION = FhirSystems.SDK_MESSAGE + "conversation";
    static final String SENDER = FhirSystems.SDK_MESSAGE + "sender";
    static final String CORRECTS = FhirSystems.SDK_MESSAGE + "corrects";
    static final String ATTACHMENT_LABEL = FhirSystems.SDK_MESSAGE + "attachment-label";
    private static final Set<String> READ = Set.of("resourceType", "id", "meta", "extension", "identifier", "status",
            "subject", "sent", "sender", "payload");

    /** A mapper; stateless and thread-safe. */
    public CommunicationMapper() {
    }

    @Override
    public String resourceType() {
        return "Communication";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_COMMUNICATION;
    }

    @Override
    public ObjectNode toFhir(Message m) {
        ObjectNode r = Elements.resource("Communication", m.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(SdkExtensions.of(CONVERSATION, "Identifier", Elements.identifier(FhirSystems.SDK_CONVERSATION_ID,
                m.conversation().value().toString())));
        ext.add(SdkExtensions.of(SENDER, "String", m.sender().reference()));
        m.corrects().ifPresent(c -> ext.add(SdkExtensions.of(CORRECTS, "Reference",
                Elements.reference("Communication", c.value().toString()))));
        r.putArray("identifier").add(Elements.identifier(FhirSystems.SDK_CONVERSATION_MESSAGE,
                m.conversation().value() + "/" + m.sequence()));
        r.put("status", "completed");
        r.set("subject", Elements.reference("Patient", m.patient().value().toString()));
        r.put("sent", m.sentAt().toString());
        r.set("sender", sender(m.sender()));
        ArrayNode payload = r.putArray("payload");
        payload.addObject().put("contentString", m.text());
        for (MessageAttachment a : m.attachments()) {
            ObjectNode content = Elements.object();
            if (!a.labels().isEmpty()) {
                ArrayNode labels = content.putArray("extension");
                EnumSet.copyOf(a.labels()).forEach(l -> labels.add(SdkExtensions.of(ATTACHMENT_LABEL, "Coding",
                        SdkExtensions.coding("sensitivity-label", l))));
            }
            if (isAbsoluteUri(a.reference())) {
                content.put("url", a.reference());
                content.put("title", a.title());
                payload.addObject().set("contentAttachment", content);
            } else {
                content.put("reference", a.reference());
                content.put("display", a.title());
                payload.addObject().set("contentReference", content);
            }
        }
        return r;
    }

    private static boolean isAbsoluteUri(String reference) {
        try {
            return new URI(reference).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static ObjectNode sender(Participant sender) {
        Optional<Actor> actor = Actor.fromReference(sender.reference());
        if (actor.isPresent() && actor.get() instanceof Actor.PatientActor p) {
            return Elements.reference("Patient", p.patient().value().toString());
        }
        if (actor.isPresent() && actor.get() instanceof Actor.Professional p) {
            return PractitionerMapper.referenceTo(p.user());
        }
        ObjectNode ref = Elements.object();
        if (actor.isPresent() && actor.get() instanceof Actor.Carer c) {
            ref.put("type", "RelatedPerson");
            ref.set("identifier", Elements.identifier(FhirSystems.SDK_USER_ID, c.user().value()));
        } else {
            ref.put("display", sender.reference());
        }
        return ref;
    }

    @Override
    public Optional<Message> fromFhir(JsonNode json, ImportContext context) {
        Optional<FhirElement> root = FhirElement.resource(json, context, resourceType());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        FhirElement r = root.get();
        int problemsBefore = context.problems().size();
        r.ignoreAllBut(READ);
        Optional<MessageId> id = r.requiredText("id", "REQUIRED").flatMap(v -> r.convert("id", () -> MessageId.parse(v)));
        Optional<String> key = r.objects("identifier").stream()
                .filter(i -> i.json().path("system").asText("").equals(FhirSystems.SDK_CONVERSATION_MESSAGE))
                .findFirst().flatMap(i -> i.requiredText("value", "IDENTIFIER"));
        Optional<ConversationId> conversation = Optional.empty();
        long sequence = 0;
        if (key.isEmpty()) {
            r.problem("identifier", "IDENTIFIER", "an identifier of the SDK's conversation-message system is required");
        } else {
            String[] parts = key.get().split("/", -1);
            try {
                if (parts.length == 2 && parts[1].matches("[1-9][0-9]{0,17}")) {
                    conversation = Optional.of(ConversationId.parse(parts[0]));
                    sequence = Long.parseLong(parts[1]);
                }
            } catch (InvalidInputException e) {
                conversation = Optional.empty();
            }
            if (conversation.isEmpty()) {
                r.problem("identifier", "IDENTIFIER", "must be <conversation id>/<sequence>");
            }
        }
        Optional<ConversationId> grouped = SdkExtensions.requiredExtension(r, CONVERSATION, "EXTENSION")
                .flatMap(e -> SdkExtensions.valueObject(e, "Identifier", "EXTENSION"))
                .flatMap(i -> i.requiredText("value", "EXTENSION"))
                .flatMap(v -> r.convert("extension", () -> ConversationId.parse(v)));
        if (grouped.isPresent() && conversation.isPresent() && !grouped.equals(conversation)) {
            r.problem("extension", "IDENTIFIER", "the conversation extension must agree with the identifier");
        }
        Optional<String> status = r.requiredText("status", "REQUIRED");
        if (status.isPresent() && !status.get().equals("completed")) {
            r.problem("status", "STATUS", "a stored message is completed");
        }
        Optional<PatientId> patient = CareTeamMapper.patient(r, "subject", context);
        Optional<Instant> sent = r.requiredText("sent", "REQUIRED").flatMap(v -> SdkExtensions.instant(r, "sent", v));
        Optional<Participant> sender = SdkExtensions.requiredExtension(r, SENDER, "EXTENSION")
                .flatMap(e -> SdkExtensions.valueText(e, "String", "EXTENSION")
                        .flatMap(v -> e.convert("valueString", () -> new Participant(v))));
        if (!r.has("sender")) {
            r.problem("sender", "REQUIRED", "is required");
        }
        Optional<MessageId> corrects = SdkExtensions.extension(r, CORRECTS)
                .flatMap(e -> SdkExtensions.valueObject(e, "Reference", "EXTENSION"))
                .flatMap(ref -> ref.requiredText("reference", "EXTENSION")
                        .flatMap(v -> References.logicalId(v, "Communication", context))
                        .or(() -> {
                            ref.problem("reference", "REFERENCE", "must reference a Communication");
                            return Optional.empty();
                        })
                        .flatMap(v -> ref.convert("reference", () -> MessageId.parse(v))));
        List<FhirElement> payload = r.objects("payload");
        Optional<String> text = Optional.empty();
        List<MessageAttachment> attachments = new ArrayList<>();
        if (payload.isEmpty()) {
            r.problem("payload", "REQUIRED", "the text is required as the first payload");
        } else {
            text = payload.get(0).requiredText("contentString", "REQUIRED");
            for (int i = 1; i < payload.size(); i++) {
                attachment(payload.get(i)).ifPresent(attachments::add);
            }
        }
        if (context.problems().size() > problemsBefore || id.isEmpty() || conversation.isEmpty() || patient.isEmpty()
                || sent.isEmpty() || sender.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        ConversationId c = conversation.get();
        long seq = sequence;
        Optional<String> t = text;
        return r.convert(null, () -> new Message(id.get(), c, patient.get(), seq, sender.get(), sent.get(), t.get(),
                attachments, corrects));
    }

    private static Optional<MessageAttachment> attachment(FhirElement p) {
        Optional<FhirElement> file = p.object("contentAttachment");
        Optional<FhirElement> record = p.object("contentReference");
        if (file.isEmpty() == record.isEmpty()) {
            p.problem(null, "STRUCTURE", "an attachment is a contentAttachment or a contentReference");
            return Optional.empty();
        }
        FhirElement content = file.isPresent() ? file.get() : record.get();
        Optional<String> reference = content.requiredText(file.isPresent() ? "url" : "reference", "REQUIRED");
        Optional<String> title = content.requiredText(file.isPresent() ? "title" : "display", "REQUIRED");
        Set<SensitivityLabel> labels = EnumSet.noneOf(SensitivityLabel.class);
        boolean labelsRead = true;
        for (FhirElement label : SdkExtensions.all(content, ATTACHMENT_LABEL)) {
            Optional<SensitivityLabel> l = SdkExtensions.decodeValue(label, "sensitivity-label", SensitivityLabel.class,
                    "CODE");
            l.ifPresent(labels::add);
            labelsRead &= l.isPresent();
        }
        if (reference.isEmpty() || title.isEmpty() || !labelsRead) {
            return Optional.empty();
        }
        return content.convert(null, () -> new MessageAttachment(title.get(), reference.get(), labels));
    }
}
