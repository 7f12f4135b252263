package io.github.personalcare.referral;

import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The state table and the e-RS state codes (R30, domain notes §3.2). */
class ReferralStateTest {

    @ParameterizedTest
    @CsvSource({
            "NOT_BOOKED, NOT_BOOKED",
            "BOOKED, BOOKED",
            "DEFERRED_TO_PROVIDER, DEFERRED_TO_PROVIDER",
            "AWAITING_TRIAGE, AWAITING_TRIAGE",
            "TRIAGED_PROVIDER_TO_ACTION, TRIAGED_PROVIDER_TO_ACTION",
            "TRIAGE_RESPONSE, TRIAGE_RESPONSE",
            "REJECTED, REJECTED",
            "CANCELLED_REFERRAL, CANCELLED_REFERRAL",
            "DID_NOT_ATTEND, DID_NOT_ATTEND",
            "APPT_CANCELLED_BY_PATIENT, APPT_CANCELLED_BY_PATIENT",
            "APP_CANCELLED_BY_PATIENT, APPT_CANCELLED_BY_PATIENT",
            "APPT_CANCELLED_BY_PROVIDER, APPT_CANCELLED_BY_PROVIDER",
            "APP_CANCELLED_BY_PROVIDER, APPT_CANCELLED_BY_PROVIDER",
    })
    @DisplayName("R30 e-RS state codes are read on import, worklist spellings included")
    void ersCodesAreRead(String code, ReferralState state) {
        assertThat(ReferralState.ofErsCode(code)).isEqualTo(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASSESSMENT_RESULT", "ACCEPTED", "DRAFT", "booked", ""})
    @DisplayName("R30 codes outside the modelled e-RS states are refused")
    void otherCodesAreRefused(String code) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> ReferralState.ofErsCode(code))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R30"));
    }

    @Test
    void acceptedIsBookedToErsAndSdkStatesHaveNoCode() {
        assertThat(ReferralState.ACCEPTED.ersCode()).contains("BOOKED");
        assertThat(ReferralState.DRAFT.ersCode()).isEmpty();
        assertThat(ReferralState.COMPLETED.ersCode()).isEmpty();
        assertThat(ReferralState.ADVICE_REQUESTED.ersCode()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReferralState.class)
    @DisplayName("R30 exactly COMPLETED and CANCELLED_REFERRAL are terminal; every other state can be cancelled")
    void onlyCompletedAndCancelledAreTerminal(ReferralState state) {
        boolean terminal = state == ReferralState.COMPLETED || state == ReferralState.CANCELLED_REFERRAL;
        assertThat(state.isTerminal()).isEqualTo(terminal);
        assertThat(state.accepts().contains(ReferralCommand.Type.CANCEL)).isEqualTo(!terminal);
    }
}
