package io.github.personalcare;

import io.github.personalcare.lang.ConfigurationException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.spi.OutboxRelay;
import io.github.personalcare.spi.Transport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PersonalCareTest {

    @Test
    void buildsOnDefaults() {
        var care = PersonalCare.builder().build();
        assertThat(care.outboxRelay()).as("no transport, no relay").isEmpty();
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

    private static final AccessContext GP = AccessContext.of(Actor.professional(UserId.of("gp-1"),
            ProfessionalRole.GENERAL_PRACTITIONER, OdsCode.of("A81001")), Purpose.DIRECT_CARE);

    private static Patient register(PersonalCare care) {
        return care.patients().register(GP, NhsNumber.parse("943 476 5870"), NhsNumberVerification.VERIFIED,
                new PersonName("Amara", "Okonkwo"), LocalDate.of(1958, 4, 2), Set.of(), Optional.of(OdsCode.of("A81001"))).value();
    }

    @Test
    void aDateOfBirthOutsideTheCalendarLimitsIsATypedErrorAndNothingIsStored() {
        var storage = new io.github.personalcare.store.memory.InMemoryStorage();
        PersonalCare care = PersonalCare.builder().storage(storage).build();
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> care.patients().register(GP, NhsNumber.parse("943 476 5870"),
                        NhsNumberVerification.VERIFIED, new PersonName("Amara", "Okonkwo"), LocalDate.of(1, 4, 2),
                        Set.of(), Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("dateOfBirth"))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("DATE"));
        List<String> chains = storage.inTransaction(tx -> tx.audit().chains());
        assertThat(chains).isEmpty();
        assertThatExceptionOfType(io.github.personalcare.lang.InvalidInputException.class)
                .isThrownBy(() -> new io.github.personalcare.careplan.ReviewArrangements(LocalDate.MAX, Optional.empty(),
                        Optional.empty()))
                .satisfies(e -> assertThat(e.field()).isEqualTo("review.nextReviewDue"));
    }

    @Test
    void theTransportReceivesCommittedEventsThroughTheOutboxRelay() {
        List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
        Transport transport = delivered::add;
        try (PersonalCare care = PersonalCare.builder().transport(transport).build()) {
            Patient amara = register(care);
            OutboxRelay.Result round = care.outboxRelay().orElseThrow().relay();

            assertThat(round.delivered()).isEqualTo(1);
            assertThat(delivered).singleElement().isInstanceOf(PatientEvent.class)
                    .satisfies(e -> assertThat(e.patient()).isEqualTo(amara.id()));
            assertThat(care.outboxRelay().orElseThrow().relay().delivered()).as("delivered once").isZero();
        }
    }

    @Test
    void relayEveryRunsTheRelayInTheBackgroundUntilClose() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        PersonalCare care = PersonalCare.builder().transport(event -> delivered.countDown())
                .relayEvery(Duration.ofMillis(10)).build();
        register(care);
        boolean arrived = delivered.await(60, TimeUnit.SECONDS);
        care.close();
        care.close();

        assertThat(arrived).as("the background relay delivered the event").isTrue();
    }

    @Test
    void relayOptionsWithoutATransportAreAConfigurationError() {
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PersonalCare.builder().relayEvery(Duration.ofSeconds(1)).build())
                .satisfies(e -> assertThat(e.option()).isEqualTo("relayEvery"));
        assertThatExceptionOfType(ConfigurationException.class)
                .isThrownBy(() -> PersonalCare.builder().relayEvery(Duration.ZERO))
                .satisfies(e -> assertThat(e.option()).isEqualTo("relayEvery"));
    }
}
