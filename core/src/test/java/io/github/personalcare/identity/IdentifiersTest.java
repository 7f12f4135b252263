package io.github.personalcare.identity;

import io.github.personalcare.patient.Patient;
import io.github.personalcare.lang.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"A81001", "RH8", "RH802", "TAK01", "000AA", "X1601", "Q3001"})
    @DisplayName("R5 ODS codes seen in ODS coding frames are accepted")
    void odsCodesAreAccepted(String code) {
        assertThat(OdsCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a81001", "A8", "A81001XXXX", "A81 001", "A81-001"})
    @DisplayName("R5 blank, lowercase, too short or long, or punctuated ODS codes are rejected")
    void badOdsCodesAreRejected(String code) {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> OdsCode.of(code))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R5"));
    }

    @Test
    @DisplayName("R5 an ODS code is an organisation code unless read as a site code, which it stays")
    void r5SiteCodesKeepTheirKind() {
        assertThat(OdsCode.of("RH8").kind()).isEqualTo(OdsCode.Kind.ORGANISATION);
        assertThat(new OdsCode("RH8").kind()).isEqualTo(OdsCode.Kind.ORGANISATION);
        assertThat(OdsCode.site("RH802").kind()).isEqualTo(OdsCode.Kind.SITE);
        assertThat(new OdsCode("RH802", null).kind()).isEqualTo(OdsCode.Kind.ORGANISATION);
    }

    @Test
    @DisplayName("R5 ODS codes are equal when their values are, whatever their kind")
    void odsCodesAreEqualByValue() {
        assertThat(OdsCode.site("A81001")).isEqualTo(OdsCode.of("A81001")).hasSameHashCodeAs(OdsCode.of("A81001"));
        assertThat(OdsCode.site("A81001")).isNotEqualTo(OdsCode.site("A81002"));
        assertThat(OdsCode.site("RH802")).hasToString("RH802");
    }

    @Test
    @DisplayName("R5 a site code follows the same rules as an organisation code")
    void badSiteCodesAreRejected() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> OdsCode.site("rh802"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R5"));
    }

    @Test
    @DisplayName("R4 a UBRN is exactly twelve digits; spaces are ignored")
    void ubrnIsTwelveDigits() {
        assertThat(Ubrn.parse("0000 4000 0001").value()).isEqualTo("000040000001");
        assertThat(Ubrn.tryParse("12345678901")).isEmpty();
        assertThat(Ubrn.tryParse("12345678901a")).isEmpty();
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Ubrn.parse("1234567890123"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("R4"));
    }

    @Test
    void generatedUbrnsAreValid() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertThat(Ubrn.generate(random).value()).hasSize(12).containsOnlyDigits();
        }
    }

    @Test
    void userIdsAreNonPersonalTokens() {
        assertThat(UserId.of("sds:123456789012").value()).isEqualTo("sds:123456789012");
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> UserId.of("Ada Lovelace"));
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> UserId.of(""));
    }

    @Test
    void patientIdsParseOnlyCanonicalUuids() {
        PatientId id = PatientId.random();
        assertThat(PatientId.parse(id.toString())).isEqualTo(id);
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> PatientId.parse("1-2-3-4-5"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("patientId"));
    }

    @Test
    void aPatientCannotDieBeforeBeingBorn() {
        assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new Patient(PatientId.random(),
                NhsNumber.parse("9434765870"), NhsNumberVerification.VERIFIED, new PersonName("A", "B"),
                java.time.LocalDate.of(2000, 1, 1), null, null, java.util.Optional.of(java.time.LocalDate.of(1999, 1, 1))))
                .satisfies(e -> assertThat(e.field()).isEqualTo("dateOfDeath"));
    }
}
