package io.github.personalcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.budget.BudgetStatus;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.referral.Priority;
import io.github.personalcare.referral.RequestType;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code tables each resource's mapper and reader share (beside those {@link CodeTablesTest}
 * covers): each reads back what it writes, and where FHIR is coarser the reader reads nothing.
 */
class ResourceCodeTablesTest {
    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("BudgetCodes.ACCOUNT_STATUS", BudgetCodes.ACCOUNT_STATUS, true),
                Arguments.of("ReferralCodes.ERS_PRIORITY", ReferralCodes.ERS_PRIORITY, true),
                Arguments.of("ReferralCodes.REQUEST_TYPE", ReferralCodes.REQUEST_TYPE, false),
                Arguments.of("ReferralCodes.REQUEST_TYPE_DISPLAY", ReferralCodes.REQUEST_TYPE_DISPLAY, false),
                Arguments.of("AuditCodes.OUTCOME", AuditCodes.OUTCOME, true),
                Arguments.of("AuditCodes.ENTITY_TYPE", AuditCodes.ENTITY_TYPE, true),
                Arguments.of("AuditCodes.ENTITY_TYPE_DISPLAY", AuditCodes.ENTITY_TYPE_DISPLAY, true),
                Arguments.of("AuditCodes.ENTITY_ROLE", AuditCodes.ENTITY_ROLE, false),
                Arguments.of("AuditCodes.ENTITY_ROLE_DISPLAY", AuditCodes.ENTITY_ROLE_DISPLAY, false),
                Arguments.of("PatientCodes.CONFIDENTIALITY", PatientCodes.CONFIDENTIALITY, false),
                Arguments.of("PatientCodes.CONFIDENTIALITY_DISPLAY", PatientCodes.CONFIDENTIALITY_DISPLAY, false),
                Arguments.of("CareTeamCodes.ROLE_SYSTEM", CareTeamCodes.ROLE_SYSTEM, true),
                Arguments.of("OrganizationCodes.ODS_SYSTEM", OrganizationCodes.ODS_SYSTEM, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    @DisplayName("each constant with its own code reads back as itself; a total table codes every constant")
    <E extends Enum<E>> void everyOwnCodeRoundTrips(String name, CodeTable<E> table, boolean total) {
        Set<String> seen = new HashSet<>();
        for (E constant : table.type().getEnumConstants()) {
            if (total) {
                assertThat(table.codeIfAny(constant)).as("%s code of %s", name, constant).isPresent();
            }
            if (table.codeIfAny(constant).isPresent() && !table.writeOnly().contains(constant)) {
                assertThat(table.fromCode(table.code(constant))).as("%s reads %s", name, constant).contains(constant);
                assertThat(seen.add(table.code(constant))).as("%s code of %s is its own", name, constant).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BudgetStatus.class)
    @DisplayName("a budget's Account status reads back as its status, or as none where FHIR has only inactive")
    void accountStatusReadsBackAsItselfOrAsNone(BudgetStatus status) {
        Optional<BudgetStatus> back = BudgetCodes.ACCOUNT_STATUS.fromCode(BudgetCodes.ACCOUNT_STATUS.code(status));
        if (status == BudgetStatus.PROPOSED || status == BudgetStatus.ENDED) {
            assertThat(back).isEmpty();
        } else {
            assertThat(back).contains(status);
        }
    }

    @Test
    @DisplayName("R28 the e-RS priority codes are the three e-RS codes")
    void ersPriorityCodes() {
        assertThat(ReferralCodes.ERS_PRIORITY.fromCode("TWO_WEEK_WAIT")).contains(Priority.TWO_WEEK_WAIT);
        assertThat(ReferralCodes.ERS_PRIORITY.fromCode("urgent")).isEmpty();
    }

    @Test
    @DisplayName("R52 only advice and guidance has a request code")
    void onlyAdviceAndGuidanceHasARequestCode() {
        assertThat(ReferralCodes.REQUEST_TYPE.codeIfAny(RequestType.APPOINTMENT)).isEmpty();
        assertThat(ReferralCodes.REQUEST_TYPE.fromCode("advice-and-guidance")).contains(RequestType.ADVICE_AND_GUIDANCE);
    }

    @Test
    @DisplayName("R50 the FHIR audit outcome is written for every domain outcome and read as none")
    void auditOutcomeIsWrittenOnly() {
        assertThat(AuditCodes.OUTCOME.code(AuditOutcome.NOT_FOUND)).isEqualTo("4");
        assertThat(AuditCodes.OUTCOME.fromCode("0")).isEmpty();
    }

    @Test
    @DisplayName("R49 restricted and very restricted both read as S-flagged; restricted is written")
    void confidentialityCodes() {
        assertThat(PatientCodes.CONFIDENTIALITY.code(PatientFlag.SENSITIVE)).isEqualTo("R");
        assertThat(PatientCodes.CONFIDENTIALITY.fromCode("V")).contains(PatientFlag.SENSITIVE);
        assertThat(PatientCodes.CONFIDENTIALITY.codeIfAny(PatientFlag.COMPLEX_NEEDS)).isEmpty();
    }
}
