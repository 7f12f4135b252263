package io.github.personalcare.patient;

import io.github.personalcare.identity.UserId;
import io.github.personalcare.internal.check.Require;

import java.time.LocalDate;

/**
 * A clinician's assessment of whether a child under 16 is Gillick competent for one kind of
 * decision (R46): a clinical judgement, recorded with who made it and when, which access decisions
 * cite. The latest assessment for a kind of decision is the one in force.
 *
 * @param decision   what the child was assessed for
 * @param competent  whether the child was found competent for it
 * @param assessedBy the professional who assessed
 * @param assessedOn the UK date of the assessment
 */
public record CompetenceAssessment(CompetenceDecision decision, boolean competent, UserId assessedBy,
        LocalDate assessedOn) {
    /**
     * Checks the assessment: the decision, the assessor and the date are required.
     *
     * @param decision   what the child was assessed for
     * @param competent  whether the child was found competent for it
     * @param assessedBy the professional who assessed
     * @param assessedOn the UK date of the assessment
     * @throws io.github.personalcare.lang.InvalidInputException naming the component that is missing
     */
    public CompetenceAssessment {
        Require.present("competence.decision", decision);
        Require.present("competence.assessedBy", assessedBy);
        Require.present("competence.assessedOn", assessedOn);
    }

    /** {@return how a decision cites it: "Gillick competence for SHARING_CONSENT assessed 2026-11-23 by U1"} */
    public String citation() {
        return "Gillick competence for " + decision + " assessed " + assessedOn + " by " + assessedBy.value();
    }
}
