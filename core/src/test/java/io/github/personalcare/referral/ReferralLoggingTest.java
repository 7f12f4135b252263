package io.github.personalcare.referral;

import ch.qos.logback.classic.Logger;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.report.RttStandard;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.personalcare.support.CapturedLogs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every referral command, refusals and denials included, with a known NHS number and known
 * clinical free text, and proves that no captured log event (message, arguments or exception)
 * holds any of them.
 */
class ReferralLoggingTest {
    private static final String ADVICE = "Consider bisoprolol 2.5mg and repeat ECG";
    private static final String COMMENT = "Patient anxious about travel to Leeds";
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();



    @Test
    void noNhsNumberNameOrClinicalFreeTextIsLogged() {
        ReferralWorld world = new ReferralWorld();
        ReferralService referrals = world.referrals();
        Versioned<Referral> r = world.acceptedAtLeeds();
        world.advance(Duration.ofDays(20));
        r = referrals.stopClock(world.leedsConsultant, r.value().id(),
                StopReason.FIRST_DEFINITIVE_TREATMENT, r.version());
        referrals.complete(world.gp, r.value().id(), r.version());

        Versioned<Referral> booked = world.bookedAtLeeds();
        Versioned<Referral> rejected = referrals.reject(world.leedsConsultant, booked.value().id(),
                ReasonCode.of("NOT_CLINICALLY_APPROPRIATE"), Optional.of(COMMENT), booked.version());
        referrals.cancel(world.gp, booked.value().id(), ReasonCode.of("NO_LONGER_REQUIRED"),
                Optional.of(COMMENT), rejected.version());

        Versioned<Referral> asked = world.adviceRequested();
        Versioned<Referral> answered = referrals.respondWithAdvice(world.leedsConsultant,
                asked.value().id(), ADVICE, asked.version());
        referrals.convertToReferral(world.leedsConsultant, asked.value().id(), answered.version());

        // refusals, a denial and bad input are logged too: they must be as clean
        Versioned<Referral> sent = world.notBooked();
        assertThatThrownBy(() -> referrals.accept(world.leedsConsultant, sent.value().id(), sent.version()))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> referrals.get(world.yorkConsultant, sent.value().id()))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> referrals.draft(world.gp, NewReferral.appointment(world.patient, Priority.ROUTINE,
                ReferralWorld.CARDIOLOGY, ReferralWorld.CLINICAL_REASON + "\u0007")))
                .isInstanceOf(PersonalCareException.class);
        world.care.reports().rtt(AccessContext.of(Actor.professional(UserId.of("COM1"), ProfessionalRole.COMMISSIONER,
                OdsCode.of("QWO")), Purpose.PLANNING), LocalDate.of(2026, 6, 30), RttStandard.NATIONAL);

        assertThat(logs.events()).as("the services log their outcomes").isNotEmpty();
        List<String> forbidden = List.of(ReferralWorld.NHS_NUMBER.value(), ReferralWorld.NHS_NUMBER.formatted(),
                "Lovelace", ReferralWorld.CLINICAL_REASON, "chest tightness", ADVICE, "bisoprolol", COMMENT);
        for (String text : logs.rendered()) {
            for (String secret : forbidden) {
                assertThat(text).as("log line").doesNotContain(secret);
            }
        }
    }
}
