package io.github.personalcare.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.feedback.Feedback;
import io.github.personalcare.feedback.FeedbackAnswers;
import io.github.personalcare.feedback.FeedbackId;
import io.github.personalcare.feedback.FeedbackSubject;
import io.github.personalcare.feedback.FeedbackTopic;
import io.github.personalcare.feedback.FftAnswer;
import io.github.personalcare.feedback.Involvement;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.referral.ReferralId;
import io.github.personalcare.referral.ServiceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Feedback} response as a UK Core QuestionnaireResponse to the SDK's feedback
 * questionnaire ({@link #QUESTIONNAIRE}).
 *
 * <ul>
 *   <li>{@code id}: the response's id; {@code status}: {@code completed}, or {@code stopped} once
 *       withdrawn, with the time in the {@code feedback-withdrawn-at} extension.</li>
 *   <li>{@code subject}: the Patient; {@code authored}: when it was given; who gave it (the
 *       patient or a carer, as the SDK's actor reference) in the {@code feedback-given-by} extension.</li>
 *   <li>{@code item}: {@code experience} (the Friends and Family Test answer), {@code involved}
 *       and {@code carers} (the involvement answers), each a Coding of an SDK code system with the
 *       question's display text; {@code topic} (Coding); {@code organisation} (Reference to the
 *       Organization by ODS code, the one it counts for); {@code service} (the directory service
 *       id, String) or {@code referral} (Reference to the ServiceRequest) when the subject names
 *       one; {@code comment} (String) when given.</li>
 * </ul>
 */
public final class FeedbackMapper implements FhirMapper<Feedback> {
    /** The canonical URL of the SDK's feedback questionnaire. */
    public static final String QUESTIONNAIRE = FhirSystems.SDK_BASE + "/Questionnaire/feedback";
    static final String GIVEN_BY = "feedback-given-by";
    static final String WITHDRAWN_AT = "feedback-withdrawn-at";

    /**
     * Every question by linkId with its text, in the order written; the published Questionnaire
     * ({@link SdkConformance}) is built from the same table, so the texts always match.
     */
    static final Map<String, String> QUESTIONS = questions();

    /**
     * The Questionnaire item type of every question by linkId ({@code choice}, {@code reference},
     * {@code string}, {@code text}); the published Questionnaire declares the same, and import
     * refuses an answer of another type ({@code ANSWER_TYPE}).
     */
    static final Map<String, String> ITEM_TYPES = Map.of(
            "experience", "choice", "involved", "choice", "carers", "choice", "topic", "choice",
            "organisation", "reference", "service", "string", "referral", "reference", "comment", "text");

    /** The answer {@code value[x]} element of each Questionnaire item type the feedback uses. */
    private static final Map<String, String> ANSWER_ELEMENT = Map.of(
            "choice", "valueCoding", "reference", "valueReference", "string", "valueString", "text", "valueString");

    private static Map<String, String> questions() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("experience", "Overall, how was your experience of our service?");
        q.put("involved", "Did you feel involved in decisions about your care?");
        q.put("carers", "Were your carers involved?");
        q.put("topic", "What is your feedback about?");
        q.put("organisation", "Which organisation?");
        q.put("service", "Which service?");
        q.put("referral", "Which referral?");
        q.put("comment", "Is there anything else you would like to tell us?");
        return Collections.unmodifiableMap(q);
    }

    /** A mapper; stateless and thread-safe. */
    public FeedbackMapper() {
    }

    @Override
    public String resourceType() {
        return "QuestionnaireResponse";
    }

    @Override
    public String profile() {
        return FhirSystems.UKCORE_QUESTIONNAIRE_RESPONSE;
    }

    @Override
    public ObjectNode toFhir(Feedback f) {
        ObjectNode r = Elements.resource("QuestionnaireResponse", f.id().value().toString(), profile());
        ArrayNode ext = r.putArray("extension");
        ext.add(PatientFacingFhir.stringExtension(GIVEN_BY, f.givenBy()));
        f.withdrawnAt().ifPresent(at -> ext.add(SdkExtensions.of(SdkExtensions.url(WITHDRAWN_AT), "DateTime",
                at.toString())));
        r.put("questionnaire", QUESTIONNAIRE);
        r.put("status", f.isActive() ? "completed" : "stopped");
        r.set("subject", Elements.reference("Patient", f.patient().value().toString()));
        r.put("authored", f.givenAt().toString());
        ArrayNode items = r.putArray("item");
        FeedbackAnswers a = f.answers();
        item(items, "experience")
                .set("valueCoding", Elements.coding(FhirSystems.SDK_CODES + "fft-answer", a.experience().name(),
                        a.experience().label()));
        item(items, "involved")
                .set("valueCoding", Elements.coding(FhirSystems.SDK_CODES + "involvement",
                        a.involvedInDecisions().name(), a.involvedInDecisions().label()));
        item(items, "carers")
                .set("valueCoding", Elements.coding(FhirSystems.SDK_CODES + "involvement", a.carersInvolved().name(),
                        a.carersInvolved().label()));
        item(items, "topic")
                .set("valueCoding", SdkExtensions.coding("feedback-topic", a.subject().topic()));
        item(items, "organisation")
                .set("valueReference", OrganizationMapper.referenceTo(f.organisation()));
        if (a.subject() instanceof FeedbackSubject.AboutService s && s.service().isPresent()) {
            item(items, "service").put("valueString", s.service().get().value());
        }
        if (a.subject() instanceof FeedbackSubject.AboutReferral ref) {
            item(items, "referral").set("valueReference",
                    Elements.reference("ServiceRequest", ref.referral().value().toString()));
        }
        a.comment().ifPresent(c -> item(items, "comment")
                .put("valueString", c));
        return r;
    }

    private static ObjectNode item(ArrayNode items, String linkId) {
        ObjectNode item = items.addObject();
        item.put("linkId", linkId);
        item.put("text", QUESTIONS.get(linkId));
        return item.putArray("answer").addObject();
    }

    @Override
    public Optional<Feedback> fromFhir(JsonNode json, ImportContext context) {
        PatientFacingFhir in = new PatientFacingFhir(context);
        try {
            if (!"QuestionnaireResponse".equals(json.path("resourceType").asText())) {
                throw in.problem("resourceType", "RESOURCE_TYPE", "must be QuestionnaireResponse");
            }
            if (!QUESTIONNAIRE.equals(json.path("questionnaire").asText())) {
                throw in.problem("questionnaire", "QUESTIONNAIRE", "must be " + QUESTIONNAIRE);
            }
            FeedbackId id = new FeedbackId(in.uuid(json.get("id"), "id"));
            PatientId patient = in.patient(json.get("subject"), "subject");
            Instant given = in.instant(json.get("authored"), "authored");
            String givenBy = in.stringExtension(json, GIVEN_BY)
                    .orElseThrow(() -> in.problem("extension", "REQUIRED", GIVEN_BY + " is required"));
            Optional<Instant> withdrawn = Optional.empty();
            for (JsonNode e : PatientFacingFhir.each(json.get("extension"))) {
                if (SdkExtensions.url(WITHDRAWN_AT).equals(e.path("url").asText())) {
                    withdrawn = Optional.of(in.instant(e.get("valueDateTime"), "extension(" + WITHDRAWN_AT + ")"));
                }
            }
            String status = in.text(json.get("status"), "status");
            if (!status.equals(withdrawn.isPresent() ? "stopped" : "completed")) {
                throw in.problem("status", "FEEDBACK_STATE", "must be completed, or stopped when withdrawn");
            }
            Map<String, JsonNode> answers = new HashMap<>();
            int i = 0;
            boolean typed = true;
            for (JsonNode item : PatientFacingFhir.each(json.get("item"))) {
                String linkId = in.text(item.get("linkId"), "item[" + i + "].linkId");
                if (answers.put(linkId, item.path("answer").path(0)) != null) {
                    throw in.problem("item[" + i + "]", "REPEATED", "answers " + linkId + " twice");
                }
                typed &= answerTypes(context, item, i, linkId);
                i++;
            }
            if (!typed) {
                return Optional.empty();
            }
            FftAnswer fft = in.code(required(in, answers, "experience").get("valueCoding"), "item(experience)",
                    "fft-answer", FftAnswer.class);
            Involvement involved = in.code(required(in, answers, "involved").get("valueCoding"), "item(involved)",
                    "involvement", Involvement.class);
            Involvement carers = in.code(required(in, answers, "carers").get("valueCoding"), "item(carers)",
                    "involvement", Involvement.class);
            FeedbackTopic topic = in.code(required(in, answers, "topic").get("valueCoding"), "item(topic)",
                    "feedback-topic", FeedbackTopic.class);
            OdsCode organisation = in.organisation(required(in, answers, "organisation").get("valueReference"),
                    "item(organisation)");
            FeedbackSubject subject = switch (topic) {
                case SERVICE -> new FeedbackSubject.AboutService(organisation, answers.containsKey("service")
                        ? Optional.of(in.domain("item(service)", () -> ServiceId.of(
                                in.text(answers.get("service").get("valueString"), "item(service)"))))
                        : Optional.empty());
                case CARE_PLANNING -> new FeedbackSubject.AboutCarePlanning(organisation);
                case REFERRAL -> new FeedbackSubject.AboutReferral(new ReferralId(java.util.UUID.fromString(
                        referralId(in, required(in, answers, "referral")))));
            };
            Optional<String> comment = answers.containsKey("comment")
                    ? Optional.of(in.text(answers.get("comment").get("valueString"), "item(comment)"))
                    : Optional.empty();
            Optional<Instant> withdrawnAt = withdrawn;
            return Optional.of(in.domain("QuestionnaireResponse", () -> new Feedback(id, patient, givenBy,
                    new FeedbackAnswers(subject, fft, involved, carers, comment), organisation, given, withdrawnAt)));
        } catch (PatientFacingFhir.Stop stop) {
            return Optional.empty();
        }
    }

    /**
     * Checks every answer of a known item has the one value of its item's type (a choice item a
     * {@code valueCoding}, a reference item a {@code valueReference}, a string or text item a
     * {@code valueString}): the validator does not flag a wrong type, so the importer does, with a
     * problem {@code ANSWER_TYPE} at the answer. Items the feedback does not ask are left to the
     * rest of the mapping.
     */
    private static boolean answerTypes(ImportContext context, JsonNode item, int index, String linkId) {
        String type = ITEM_TYPES.get(linkId);
        if (type == null) {
            return true;
        }
        String expected = ANSWER_ELEMENT.get(type);
        boolean ok = true;
        int j = 0;
        for (JsonNode answer : PatientFacingFhir.each(item.get("answer"))) {
            List<String> values = new ArrayList<>();
            answer.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("value")) {
                    values.add(name);
                }
            });
            if (!values.equals(List.of(expected))) {
                context.problem(context.basePath() + ".item[" + index + "].answer[" + j + "]", "ANSWER_TYPE",
                        "the answer to " + linkId + " (a " + type + " item) must be one " + expected);
                ok = false;
            }
            j++;
        }
        return ok;
    }

    private static JsonNode required(PatientFacingFhir in, Map<String, JsonNode> answers, String linkId) {
        JsonNode answer = answers.get(linkId);
        if (answer == null || answer.isMissingNode()) {
            throw in.problem("item(" + linkId + ")", "REQUIRED", "is required");
        }
        return answer;
    }

    private static String referralId(PatientFacingFhir in, JsonNode answer) {
        String ref = in.text(answer.path("valueReference").get("reference"), "item(referral).valueReference");
        if (!ref.startsWith("ServiceRequest/")) {
            throw in.problem("item(referral).valueReference", "REFERENCE", "must reference a ServiceRequest");
        }
        String id = ref.substring("ServiceRequest/".length());
        in.domain("item(referral)", () -> java.util.UUID.fromString(id));
        return id;
    }
}
