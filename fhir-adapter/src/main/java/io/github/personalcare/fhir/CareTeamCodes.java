package io.github.personalcare.fhir;

import io.github.personalcare.careteam.CarerRole;
import java.util.Map;

/**
 * The FHIR R4 codes of a care team, written and read back by {@link CareTeamMapper}. The roles
 * themselves are the names of {@code ProfessionalRole} and {@code CarerRole}; which of the two a
 * participant's role is, and so whether the member is a professional or a carer, is said by the
 * role's code system.
 */
final class CareTeamCodes {
    /** The two kinds of care team member (R12). */
    enum Member {
        /** A professional, referenced through their PractitionerRole. */
        PROFESSIONAL,
        /** A carer, referenced as a RelatedPerson. */
        CARER
    }

    /** The code system of a participant's role, by kind of member. */
    static final CodeTable<Member> ROLE_SYSTEM = CodeTable.of(Member.class, Map.of(
            Member.PROFESSIONAL, FhirSystems.SDK_PROFESSIONAL_ROLE,
            Member.CARER, FhirSystems.SDK_CARER_ROLE));

    /** UK Core's additional person relationship roles, in its PersonRelationshipType value set. */
    static final String RELATIONSHIP_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole";

    /**
     * {@code RelatedPerson.relationship} coding of a carer, by role, written beside the relationship
     * in words and never read (the role is read from the care team): an advocate is the patient's
     * agent, and so is a legal representative; everyone else on the team in a carer's role is a
     * carer, paid or not.
     */
    static final CodeTable<CarerRole> RELATIONSHIP = CodeTable.of(CarerRole.class, Map.of(), Map.of(
                    CarerRole.ADVOCATE, "Agent",
                    CarerRole.REPRESENTATIVE, "Agent",
                    CarerRole.UNPAID_CARER, "Carer",
                    CarerRole.FAMILY_MEMBER, "Carer",
                    CarerRole.PAID_CARER, "Carer"));

    /** The code system's display of each {@link #RELATIONSHIP} code. */
    static final Map<String, String> RELATIONSHIP_DISPLAY = Map.of("Agent", "Agent of patient",
            "Carer", "Carer of patient");

    /** {@code CareTeam.status}: a team is active for as long as the SDK holds it. */
    static final String STATUS = "active";

    private CareTeamCodes() {
    }
}
