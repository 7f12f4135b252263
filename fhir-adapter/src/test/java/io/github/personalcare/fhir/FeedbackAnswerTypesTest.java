package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.personalcare.feedback.Feedback;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The importer checks each feedback answer has the value type of its item (choice: valueCoding,
 * reference: valueReference, string and text: valueString), since the validator does not flag a
 * wrong type: refused with {@code ANSWER_TYPE} at the answer's path, nothing imported.
 */
class FeedbackAnswerTypesTest {
    private final FeedbackMapper mapper = new FeedbackMapper();

    private static int itemIndex(JsonNode json, String linkId) {
        for (int i = 0; i < json.path("item").size(); i++) {
            if (linkId.equals(json.path("item").get(i).path("linkId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no item " + linkId);
    }

    private ObjectNode withComment() {
        for (Feedback f : PatientFacingMappersTest.everyKindOfFeedback()) {
            ObjectNode json = mapper.toFhir(f);
            if (json.toString().contains("\"comment\"")) {
                return json;
            }
        }
        throw new AssertionError("no feedback fixture with a comment");
    }

    @Test
    @DisplayName("every kind of feedback the SDK writes has answers of its items' types and reads back")
    void theSdksOwnAnswersAreTyped() {
        for (Feedback f : PatientFacingMappersTest.everyKindOfFeedback()) {
            assertThat(new FhirImporter(FhirLimits.DEFAULT).read(FhirWriter.toJson(mapper.toFhir(f)), mapper).value())
                    .isEqualTo(f);
        }
    }

    @Test
    @DisplayName("a choice answered with a string, a text answered with a coding, and an answer with two values are "
            + "refused with ANSWER_TYPE at each answer")
    void wrongTypesAreRefusedAtTheirPaths() {
        ObjectNode json = withComment();
        int experience = itemIndex(json, "experience");
        int comment = itemIndex(json, "comment");
        int organisation = itemIndex(json, "organisation");
        ObjectNode fft = (ObjectNode) json.path("item").get(experience).path("answer").get(0);
        fft.remove("valueCoding");
        fft.put("valueString", "Very good");
        ObjectNode text = (ObjectNode) json.path("item").get(comment).path("answer").get(0);
        text.remove("valueString");
        text.putObject("valueCoding").put("code", "x");
        ObjectNode org = (ObjectNode) json.path("item").get(organisation).path("answer").get(0);
        org.put("valueString", "A81001");

        List<ImportProblem> problems = FhirJsonForTests.problems(json, mapper);

        assertThat(problems).extracting(ImportProblem::jsonPath, ImportProblem::rule).containsExactlyInAnyOrder(
                tuple("$.item[" + experience + "].answer[0]", "ANSWER_TYPE"),
                tuple("$.item[" + comment + "].answer[0]", "ANSWER_TYPE"),
                tuple("$.item[" + organisation + "].answer[0]", "ANSWER_TYPE"));
    }

    @Test
    @DisplayName("the published Questionnaire declares the item types the importer checks")
    void theQuestionnaireDeclaresTheSameTypes() {
        for (JsonNode item : SdkConformance.feedbackQuestionnaire().path("item")) {
            assertThat(item.path("type").asText()).isEqualTo(FeedbackMapper.ITEM_TYPES.get(item.path("linkId").asText()));
        }
    }
}
