package io.github.personalcare.fhir;

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

    /** {@code CareTeam.status}: a team is active for as long as the SDK holds it. */
    static final String STATUS = "active";

    private CareTeamCodes() {
    }
}
