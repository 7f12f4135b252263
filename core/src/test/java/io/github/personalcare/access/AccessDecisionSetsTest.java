package io.github.personalcare.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AccessDecisionSetsTest {

    @Property
    void aPermitAlwaysAuditsRedactsWhatItWithholdsAndHoldsNothingElse(@ForAll Set<Obligation> given,
            @ForAll Set<SensitivityLabel> withheld) {
        AccessDecision.Permit permit = new AccessDecision.Permit("R39", List.of("why"), new HashSet<>(given), withheld);
        Set<Obligation> expected = EnumSet.of(Obligation.AUDIT);
        expected.addAll(given);
        if (!withheld.isEmpty()) {
            expected.add(Obligation.REDACT_WITHHELD);
        }
        assertThat(permit.obligations()).isEqualTo(expected).containsExactlyElementsOf(expected);
        assertThat(permit.withheld()).isEqualTo(withheld);
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> permit.obligations().add(Obligation.NOTIFY_PATIENT));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> permit.withheld().add(SensitivityLabel.HIV));
    }

    @Test
    void equalSetsAreSharedNotCopied() {
        AccessDecision.Permit a = new AccessDecision.Permit("R47", List.of("why"),
                EnumSet.of(Obligation.AUDIT, Obligation.REDACT_WITHHELD), EnumSet.of(SensitivityLabel.THIRD_PARTY));
        AccessDecision.Permit b = new AccessDecision.Permit("R47", List.of("why"),
                Set.of(Obligation.REDACT_WITHHELD), Set.of(SensitivityLabel.THIRD_PARTY));
        assertThat(a.obligations()).isSameAs(b.obligations());
        assertThat(a.withheld()).isSameAs(b.withheld());
        assertThat(a).isEqualTo(b);
        assertThat(new AccessDecision.Permit("R39", List.of("why"), Set.of(), null).withheld()).isEmpty();
    }
}
