package io.github.personalcare.feedback;

import io.github.personalcare.internal.check.Require;
import io.github.personalcare.lang.InvalidInputException;

import java.util.Optional;

/**
 * What the patient or carer answers: the Friends and Family Test answer, the two involvement
 * answers, and an optional comment (free text: stored once, in this record, never logged, never
 * in events or aggregates).
 *
 * @param subject             what the feedback is about
 * @param experience          the Friends and Family Test answer
 * @param involvedInDecisions "did you feel involved in decisions about your care"
 * @param carersInvolved      "were your carers involved"
 * @param comment             the free-text comment, if any, at most {@link Require#LONG_TEXT} characters
 */
public record FeedbackAnswers(FeedbackSubject subject, FftAnswer experience, Involvement involvedInDecisions,
        Involvement carersInvolved, Optional<String> comment) {
    /**
     * Checks every answer is given and the comment, if any, is text within the limit.
     *
     * @param subject             what the feedback is about
     * @param experience          the Friends and Family Test answer
     * @param involvedInDecisions the first involvement answer
     * @param carersInvolved      the second involvement answer
     * @param comment             the comment, if any
     * @throws InvalidInputException naming the field if an answer is missing or the comment is blank,
     *                               too long or holds control characters
     */
    public FeedbackAnswers {
        Require.present("subject", subject);
        Require.present("experience", experience);
        Require.present("involvedInDecisions", involvedInDecisions);
        Require.present("carersInvolved", carersInvolved);
        comment = Require.optionalText("comment", comment == null ? Optional.empty() : comment, Require.LONG_TEXT);
    }

    @Override
    public String toString() {
        return "FeedbackAnswers[" + subject.topic() + " " + experience + " " + involvedInDecisions + " "
                + carersInvolved + (comment.isPresent() ? " with comment" : "") + "]";
    }
}
