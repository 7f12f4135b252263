package io.github.personalcare.consent;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.access.AccessAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsentPolicyTest {

    @Test
    void nhsEnglandDefaultsAreTheDocumentedValues() {
        ConsentPolicy p = ConsentPolicy.nhsEnglandDefaults();

        assertThat(p.proxyRestrictionAge()).isEqualTo(11);
        assertThat(p.adultProxyAge()).isEqualTo(16);
        assertThat(p.presumedCompetenceAge()).isEqualTo(16);
        assertThat(p.patientOnlineAccessAge()).isEqualTo(16);
        assertThat(p.breakGlassValidity()).isEqualTo(Duration.ofHours(8));
        assertThat(p.breakGlassActions()).containsExactly(AccessAction.ACCESS);
        assertThat(p.directCareRequiresClinicalRole()).isTrue();
        assertThat(p.breakGlassRequiresClinicalRole()).isTrue();
        assertThat(p.zone().getId()).isEqualTo("Europe/London");
        assertThat(p.lawOverrides()).isEmpty();
    }

    @Test
    void overridingTheAgeOfPresumedCompetenceIsReportedAsALawOverride() {
        ConsentPolicy p = ConsentPolicy.builder().presumedCompetenceAge(15).build();

        assertThat(p.lawOverrides()).containsExactly("presumedCompetenceAge");
    }

    @Test
    void aProxyRestrictionAgeAboveTheAdultProxyAgeIsRejected() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ConsentPolicy.builder().proxyRestrictionAge(17).build())
                .withMessageContaining("proxyRestrictionAge");
    }

    @Test
    void aBreakGlassWindowMustBePositiveAndAtMostADay() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ConsentPolicy.builder().breakGlassValidity(Duration.ZERO).build());
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ConsentPolicy.builder().breakGlassValidity(Duration.ofHours(25)).build());
    }

    @Test
    void anAgeOutOfRangeIsRejected() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> ConsentPolicy.builder().patientOnlineAccessAge(-1).build())
                .withMessageContaining("patientOnlineAccessAge");
    }
}
