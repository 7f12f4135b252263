package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The state table (R30, domain notes §3.2); the e-RS codes are the FHIR module's. */
class ReferralStateTest {

    @ParameterizedTest
    @EnumSource(ReferralState.class)
    @DisplayName("R30 exactly COMPLETED and CANCELLED_REFERRAL are terminal; every other state can be cancelled")
    void onlyCompletedAndCancelledAreTerminal(ReferralState state) {
        boolean terminal = state == ReferralState.COMPLETED || state == ReferralState.CANCELLED_REFERRAL;
        assertThat(state.isTerminal()).isEqualTo(terminal);
        assertThat(state.accepts().contains(ReferralCommand.Type.CANCEL)).isEqualTo(!terminal);
    }
}
