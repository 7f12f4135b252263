package io.github.personalcare;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PersonalCareTest {

    @Test
    void buildsOnDefaults() {
        var care = PersonalCare.builder().build();
        assertThat(care.storage()).isInstanceOf(InMemoryStorage.class);
        assertThat(care.clock()).isEqualTo(Clock.systemUTC());
        assertThat(care.patients()).isNotNull();
        assertThat(care.audit()).isNotNull();
    }

    @Test
    void anOptionSetTwiceIsAConfigurationErrorNamingIt() {
        var builder = PersonalCare.builder().clock(Clock.systemUTC());
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> builder.clock(Clock.systemUTC()))
                .satisfies(e -> assertThat(e.option()).isEqualTo("clock"));
    }

    @Test
    void aNullOptionIsAConfigurationErrorNamingIt() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PersonalCare.builder().storage(null))
                .satisfies(e -> assertThat(e.option()).isEqualTo("storage"));
    }
}
