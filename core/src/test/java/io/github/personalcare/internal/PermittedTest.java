package io.github.personalcare.internal;

import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.AccessDecision;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.Obligation;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.access.SensitivityLabel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PermittedTest {
    private static final AccessDecision.Permit WITHHOLDS_NOTHING = AccessDecision.permit("CUSTOM", "a custom policy");

    private static Permitted permitted(Actor actor, AccessDecision.Permit permit) {
        return new Permitted(null, Instant.EPOCH, permit, AccessContext.of(actor, Purpose.DIRECT_CARE), io.github.personalcare.audit.AuditKey.UNKEYED);
    }

    @Test
    @DisplayName("R48 the patient and carers never get third-party or serious-harm items, whatever the policy said")
    void thePatientAndCarersAlwaysHaveTheR48LabelsWithheld() {
        Set<SensitivityLabel> r48 = Set.of(SensitivityLabel.THIRD_PARTY, SensitivityLabel.SERIOUS_HARM);

        assertThat(permitted(Actor.patient(PatientId.random()), WITHHOLDS_NOTHING).withheld()).isEqualTo(r48);
        assertThat(permitted(Actor.carer(UserId.of("c-1")), WITHHOLDS_NOTHING).withheld()).isEqualTo(r48);
    }

    @Test
    @DisplayName("R41 a professional gets withheld exactly what the permit withholds")
    void aProfessionalHasWhatThePermitWithholds() {
        Actor gp = Actor.professional(UserId.of("gp-1"), ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001"));
        AccessDecision.Permit objection = new AccessDecision.Permit("R39", List.of("why"), Set.of(),
                Set.of(SensitivityLabel.SEXUAL_HEALTH));

        assertThat(permitted(gp, WITHHOLDS_NOTHING).withheld()).isEmpty();
        assertThat(permitted(gp, objection).withheld()).containsExactly(SensitivityLabel.SEXUAL_HEALTH);
        assertThat(objection.requires(Obligation.REDACT_WITHHELD)).isTrue();
        assertThat(objection.withholds(Set.of(SensitivityLabel.SEXUAL_HEALTH, SensitivityLabel.HIV))).isTrue();
    }
}
