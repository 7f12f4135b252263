package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.SensitivityLabel;
import io.github.personalcare.fhir.conformance.UkCoreValidator;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.messaging.ConversationId;
import io.github.personalcare.messaging.Message;
import io.github.personalcare.messaging.MessageAttachment;
import io.github.personalcare.messaging.MessageId;
import io.github.personalcare.messaging.Participant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Secure messages as UK Core Communications: round trip, the documented elements, R4 + UK Core validation. */
class CommunicationMapperTest {
    private static final PatientId PATIENT = new PatientId(UUID.fromString("6d1c2a0e-4f7b-4c1e-9d3b-2a5e8f1c0b77"));
    private static final ConversationId CONVERSATION =
            new ConversationId(UUID.fromString("0b5c1f8e-2d3a-4e6f-8a9b-1c2d3e4f5a6b"));
    private static final Instant SENT = Instant.parse("2026-11-23T10:15:30Z");
    private static final Participant SELF = Participant.of(Actor.patient(PATIENT));
    private static final Participant GP = Participant.of(Actor.professional(UserId.of("GP-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")));
    private static final Participant CARER = Participant.of(Actor.carer(UserId.of("CARER-1")));

    private final CommunicationMapper mapper = new CommunicationMapper();
    private final FhirImporter importer = new FhirImporter(FhirLimits.DEFAULT);

    private static Message question() {
        return new Message(new MessageId(UUID.fromString("11111111-2222-4333-8444-555555555555")), CONVERSATION,
                PATIENT, 1, SELF, SENT, "Can I take the new inhaler twice a day?\n\tThanks", List.of(),
                Optional.empty());
    }

    private static Message answerWithAttachments() {
        return new Message(new MessageId(UUID.fromString("21111111-2222-4333-8444-555555555555")), CONVERSATION,
                PATIENT, 2, GP, SENT.plusSeconds(3600), "Yes: morning and evening. Leaflet and letter attached.",
                List.of(new MessageAttachment("Inhaler leaflet", "https://www.nhs.uk/medicines/salbutamol-inhaler/"),
                        new MessageAttachment("Letter from a relative", "DocumentReference/letter-1")
                                .labelled(SensitivityLabel.THIRD_PARTY, SensitivityLabel.MENTAL_HEALTH)),
                Optional.empty());
    }

    private static Message correction() {
        return new Message(MessageId.random(), CONVERSATION, PATIENT, 3, GP, SENT.plusSeconds(3700),
                "Sorry: morning only.", List.of(), Optional.of(answerWithAttachments().id()));
    }

    private Message roundTrip(JsonNode json) {
        return importer.read(FhirWriter.toJson(json), mapper).value();
    }

    @Test
    void messagesSurviveExportAndImportIdentically() {
        for (Message m : List.of(question(), answerWithAttachments(), correction(),
                new Message(MessageId.random(), CONVERSATION, PATIENT, 4, CARER, SENT, "From the carer", List.of(),
                        Optional.empty()))) {
            ObjectNode json = mapper.toFhir(m);
            Message back = roundTrip(json);
            assertThat(back).isEqualTo(m);
            assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(json));
        }
    }

    @Test
    void elementsAreMappedAsDocumented() {
        JsonNode json = mapper.toFhir(answerWithAttachments());
        assertThat(json.at("/meta/profile/0").asText())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Communication");
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.at("/identifier/0/value").asText()).isEqualTo(CONVERSATION + "/2");
        assertThat(json.at("/subject/reference").asText()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(json.get("sent").asText()).isEqualTo("2026-11-23T11:15:30Z");
        assertThat(json.at("/sender/reference").asText()).startsWith("Practitioner/");
        assertThat(json.at("/sender/identifier/value").asText()).isEqualTo("GP-1");
        assertThat(json.at("/payload/0/contentString").asText()).startsWith("Yes: morning");
        assertThat(json.at("/payload/1/contentAttachment/url").asText()).startsWith("https://www.nhs.uk/");
        assertThat(json.at("/payload/2/contentReference/reference").asText()).isEqualTo("DocumentReference/letter-1");
        assertThat(json.at("/payload/2/contentReference/extension/0/valueCoding/code").asText())
                .isEqualTo("MENTAL_HEALTH");
        assertThat(json.at("/extension/0/valueIdentifier/value").asText()).isEqualTo(CONVERSATION.toString());
        assertThat(mapper.toFhir(correction()).at("/extension/2/valueReference/reference").asText())
                .isEqualTo("Communication/" + answerWithAttachments().id());
        assertThat(mapper.toFhir(question()).at("/sender/reference").asText()).isEqualTo("Patient/" + PATIENT.value());
    }

    @Test
    void aMessageThatIsNotCompletedOrHasNoTextIsRefusedWithItsPath() {
        ObjectNode json = mapper.toFhir(question());
        json.put("status", "in-progress");
        ((ObjectNode) json.get("payload").get(0)).remove("contentString");
        json.put("sent", "yesterday");

        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::jsonPath)
                .contains("$.status", "$.payload[0].contentString", "$.sent");
    }

    @Test
    void textTheSdkWouldRefuseIsAProblemNotAnException() {
        ObjectNode json = mapper.toFhir(question());
        ((ObjectNode) json.get("payload").get(0)).put("contentString", "bell \u0007");

        assertThat(FhirJsonForTests.problems(json, mapper)).extracting(ImportProblem::rule).contains("TEXT");
    }

    @Test
    void exportedCommunicationsHaveNoValidationErrorsAgainstR4AndUkCore() {
        UkCoreValidator validator = UkCoreValidator.shared();
        for (Message m : List.of(question(), answerWithAttachments(), correction(),
                new Message(MessageId.random(), CONVERSATION, PATIENT, 4, CARER, SENT, "From the carer", List.of(),
                        Optional.empty()))) {
            assertThat(validator.errors(FhirWriter.toJson(mapper.toFhir(m)))).as("message %s", m.sequence()).isEmpty();
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Participant> senders = Arbitraries.of(SELF, GP, CARER);
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u00e9', '\u2014')
                .ofMinLength(1).ofMaxLength(300).filter(s -> !s.isBlank());
        Arbitrary<MessageAttachment> attachments = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("https://records.example.nhs.uk/docs/1", "DocumentReference/abc-1", "Binary/42",
                        "urn:uuid:0b5c1f8e-2d3a-4e6f-8a9b-1c2d3e4f5a6b"),
                Arbitraries.subsetOf(SensitivityLabel.values())).as(MessageAttachment::new);
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), senders, texts,
                attachments.list().ofMaxSize(3), Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 10_000_000L))
                .as((seq, sender, text, attached, correcting, offset) -> new Message(MessageId.random(),
                        ConversationId.random(), PatientId.random(), seq, sender, SENT.plusMillis(offset), text,
                        attached, correcting ? Optional.of(MessageId.random()) : Optional.empty()));
    }

    @Property(tries = 300)
    void anyMessageExportImportExportIsIdentical(@ForAll("messages") Message m) {
        ObjectNode json = mapper.toFhir(m);
        Message back = roundTrip(json);
        assertThat(back).isEqualTo(m);
        assertThat(FhirWriter.toJson(mapper.toFhir(back))).isEqualTo(FhirWriter.toJson(json));
    }

    @Property(tries = 10)
    void generatedMessagesValidate(@ForAll("messages") Message m) {
        assertThat(UkCoreValidator.shared().errors(FhirWriter.toJson(mapper.toFhir(m)))).isEmpty();
    }

    @Test
    void labelsAreKept() {
        Set<SensitivityLabel> labels = roundTrip(mapper.toFhir(answerWithAttachments())).attachments().get(1).labels();
        assertThat(labels).containsExactlyInAnyOrder(SensitivityLabel.THIRD_PARTY, SensitivityLabel.MENTAL_HEALTH);
    }
}
