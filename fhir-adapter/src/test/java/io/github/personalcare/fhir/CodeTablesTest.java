package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.careplan.CarePlan;
import io.github.personalcare.careplan.EndReason;
import io.github.personalcare.careplan.PlanStatus;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.ReferralState;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code table of the module is written once and reads back what it writes. */
class CodeTablesTest {
    private enum Colour { RED, GREEN }

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("AccessCodes.PURPOSE", AccessCodes.PURPOSE, true),
                Arguments.of("AccessCodes.ACTION", AccessCodes.ACTION, true),
                Arguments.of("ConsentCodes.STATUS", ConsentCodes.STATUS, true),
                Arguments.of("ConsentCodes.SCOPE", ConsentCodes.SCOPE, true),
                Arguments.of("ConsentCodes.CATEGORY", ConsentCodes.CATEGORY, true),
                Arguments.of("ConsentCodes.BASE_POLICY", ConsentCodes.BASE_POLICY, true),
                Arguments.of("ConsentCodes.PROVISION_TYPE", ConsentCodes.PROVISION_TYPE, true),
                Arguments.of("PatientCodes.VERIFICATION", PatientCodes.VERIFICATION, true),
                Arguments.of("PatientCodes.VERIFICATION_DISPLAY", PatientCodes.VERIFICATION_DISPLAY, true),
                Arguments.of("CarePlanCodes.RESOURCE_STATUS", CarePlanCodes.RESOURCE_STATUS, true),
                Arguments.of("CarePlanCodes.INTENT", CarePlanCodes.INTENT, true),
                Arguments.of("CarePlanCodes.GOAL_LIFECYCLE", CarePlanCodes.GOAL_LIFECYCLE, true),
                Arguments.of("CarePlanCodes.GOAL_ACHIEVEMENT", CarePlanCodes.GOAL_ACHIEVEMENT, false),
                Arguments.of("ReferralCodes.ERS_STATE", ReferralCodes.ERS_STATE, false),
                Arguments.of("ReferralCodes.STATUS", ReferralCodes.STATUS, true),
                Arguments.of("ReferralCodes.PRIORITY", ReferralCodes.PRIORITY, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    @DisplayName("each constant with its own code reads back as itself; a total table codes every constant")
    <E extends Enum<E>> void everyOwnCodeRoundTrips(String name, CodeTable<E> table, boolean total) {
        for (E constant : table.type().getEnumConstants()) {
            if (total) {
                assertThat(table.codeIfAny(constant)).as("%s code of %s", name, constant).isPresent();
            }
            if (table.codeIfAny(constant).isPresent() && !table.writeOnly().contains(constant)) {
                assertThat(table.fromCode(table.code(constant))).as("%s reads %s", name, constant).contains(constant);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    @DisplayName("no two constants with their own code share it")
    <E extends Enum<E>> void ownCodesAreDistinct(String name, CodeTable<E> table, boolean total) {
        Set<String> seen = new HashSet<>();
        for (E constant : table.type().getEnumConstants()) {
            if (!table.writeOnly().contains(constant)) {
                table.codeIfAny(constant).ifPresent(code -> assertThat(seen.add(code)).as("%s %s", name, code).isTrue());
            }
        }
    }

    @Test
    void aTableMissingAConstantIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CodeTable.of(Colour.class, Map.of(Colour.RED, "red")))
                .withMessageContaining("GREEN");
    }

    @Test
    void aCodeUsedTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CodeTable.of(Colour.class,
                Map.of(Colour.RED, "c", Colour.GREEN, "c")));
    }

    @Test
    void aConstantWithTwoCodesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CodeTable.of(Colour.class,
                Map.of(Colour.RED, "red", Colour.GREEN, "green"), Map.of(Colour.GREEN, "red")));
    }

    @Test
    void anAliasThatIsAlreadyACodeIsRefused() {
        CodeTable<Colour> table = CodeTable.of(Colour.class, Map.of(Colour.RED, "red", Colour.GREEN, "green"));
        assertThatIllegalArgumentException().isThrownBy(() -> table.readingAlso(Map.of("red", Colour.GREEN)));
    }

    // ---- moved from core: CarePlan.fhirStatus()/fhirIntent() (CarePlanTest.r13FhirMapping)

    @Test
    @DisplayName("R13 plan status maps to FHIR CarePlan.status and intent")
    void r13PlanStatusAndIntent() {
        CarePlan draft = CareFixtures.draft();
        CarePlan agreed = CareFixtures.agreed();
        assertThat(List.of(status(draft), intent(draft))).containsExactly("draft", "proposal");
        assertThat(List.of(status(agreed), intent(agreed))).containsExactly("active", "plan");
        assertThat(status(CareFixtures.underReview())).isEqualTo("active");
        assertThat(status(agreed.end(EndReason.COMPLETED, CareFixtures.T0.plus(1, ChronoUnit.DAYS))))
                .isEqualTo("completed");
        assertThat(status(CareFixtures.withdrawnDraft())).isEqualTo("revoked");
        assertThat(status(CareFixtures.enteredInError())).isEqualTo("entered-in-error");
    }

    @ParameterizedTest
    @CsvSource({"draft, DRAFT", "active, AGREED", "completed, ENDED", "revoked, ENDED",
            "entered-in-error, ENTERED_IN_ERROR"})
    @DisplayName("R13 another system's plan status is inferred from its FHIR status")
    void r13StatusIsInferred(String code, PlanStatus status) {
        assertThat(CarePlanCodes.inferred(code)).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on-hold", "unknown", ""})
    void r13OnHoldAndUnknownPlansHaveNoStatus(String code) {
        assertThat(CarePlanCodes.inferred(code)).isEmpty();
    }

    private static String status(CarePlan plan) {
        return CarePlanCodes.RESOURCE_STATUS.code(CarePlanCodes.status(plan));
    }

    private static String intent(CarePlan plan) {
        return CarePlanCodes.INTENT.code(CarePlanCodes.intent(plan));
    }

    // ---- moved from core: ReferralState.ersCode()/ofErsCode() (ReferralStateTest)

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
        assertThat(ReferralCodes.ERS_STATE.fromCode(code)).contains(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASSESSMENT_RESULT", "ACCEPTED", "DRAFT", "booked", ""})
    @DisplayName("R30 codes outside the modelled e-RS states are refused")
    void otherErsCodesAreRefused(String code) {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> ReferralCodes.ERS_STATE.read(code, "referralState", "R30", "unknown"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R30"));
    }

    @Test
    void acceptedIsBookedToErsAndSdkStatesHaveNoCode() {
        assertThat(ReferralCodes.ERS_STATE.codeIfAny(ReferralState.ACCEPTED)).contains("BOOKED");
        for (ReferralState s : EnumSet.of(ReferralState.DRAFT, ReferralState.COMPLETED,
                ReferralState.ADVICE_REQUESTED, ReferralState.ADVICE_GIVEN)) {
            assertThat(ReferralCodes.ERS_STATE.codeIfAny(s)).as("%s", s).isEmpty();
        }
    }

    @Test
    @DisplayName("R52 two-week wait is written urgent, and urgent reads as URGENT")
    void twoWeekWaitIsWrittenUrgent() {
        assertThat(ReferralCodes.PRIORITY.code(Priority.TWO_WEEK_WAIT)).isEqualTo("urgent");
        assertThat(ReferralCodes.PRIORITY.fromCode("urgent")).contains(Priority.URGENT);
        assertThat(ReferralCodes.STATUS.fromCode("active")).isEmpty();
    }

    // ---- moved from core: NhsNumberVerification.ofCode (IdentifiersTest.verificationCodes)

    @Test
    @DisplayName("R3 verification status accepts UK Core England codes 01-08 only")
    void verificationCodes() {
        assertThat(PatientCodes.VERIFICATION.fromCode("01"))
                .contains(io.github.personalcare.identity.NhsNumberVerification.VERIFIED);
        assertThat(PatientCodes.VERIFICATION.fromCode("08"))
                .contains(io.github.personalcare.identity.NhsNumberVerification.TRACE_POSTPONED);
        assertThat(PatientCodes.VERIFICATION.fromCode("09")).isEmpty();
    }

    // ---- moved from core: ConsentCodes (ConsentRecordValidationTest)

    @Test
    void unknownActionScopeStatusAndPurposeCodesAreNotRead() {
        assertThat(AccessCodes.ACTION.fromCode("delete")).isEmpty();
        assertThat(ConsentCodes.SCOPE.fromCode("marketing")).isEmpty();
        assertThat(ConsentCodes.STATUS.fromCode("revoked")).isEmpty();
        assertThat(AccessCodes.PURPOSE.fromCode("MARKETING")).isEmpty();
        assertThat(AccessCodes.PURPOSE.fromCode("HRESCH")).contains(io.github.personalcare.access.Purpose.RESEARCH);
    }
}
