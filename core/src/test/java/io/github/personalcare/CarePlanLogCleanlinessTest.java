package io.github.personalcare;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.PersonalCareException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.careplan.CareWorld;
import io.github.personalcare.careplan.ReviewArrangements;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.personalcare.support.CapturedLogs;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the care team, care plan and report services with a known NHS number, name and free text,
 * at DEBUG, and checks that no captured log line (message, arguments or exception) contains any of
 * them (house style §6, R50).
 */
class CarePlanLogCleanlinessTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();



    @Test
    void noLogLineHoldsTheNhsNumberTheNameOrThePersonsWords() {
        CareWorld w = new CareWorld();
        var agreed = w.agreedPlan(w.today().plusMonths(6));
        var id = agreed.value().id();
        var v = w.care.carePlans().startReview(w.gp, id, agreed.version());
        v = w.care.carePlans().edit(w.carer, id, v.value().content()
                .withReview(ReviewArrangements.on(w.today().plusMonths(9))), v.version());
        try {
            w.care.carePlans().edit(w.self, id, v.value().content()
                    .withReview(ReviewArrangements.on(w.today().minusDays(1))), v.version());
        } catch (InvalidInputException expected) {
            // refused, and the refusal is logged
        }
        try {
            w.care.carePlans().get(w.stranger, id);
        } catch (PersonalCareException expected) {
            // denied, and the denial is logged
        }
        v = w.care.carePlans().propose(w.self, id, v.version());
        v = w.care.carePlans().agree(w.self, id, v.version());
        w.care.carePlans().coSign(w.gp, id, v.version());
        w.care.carePlans().changesSince(w.self, id, 1);
        w.care.carePlans().dueForReview(w.gp, w.today().plusYears(1));
        w.care.reports().carePlanCoverage(AccessContext.of(Actor.professional(UserId.of("ICB-1"),
                ProfessionalRole.COMMISSIONER, OdsCode.of("QWE")), Purpose.PLANNING), w.today());

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : logs.events()) {
            lines.add(e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object a : e.getArgumentArray()) {
                    lines.add(String.valueOf(a));
                }
            }
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage());
            }
        }
        assertThat(logs.events()).as("the services did log").hasSizeGreaterThan(20);
        List<String> forbidden = List.of(CareWorld.NHS_NUMBER, "943 476 5870", "476 5870", CareWorld.GIVEN,
                CareWorld.FAMILY, "Staying in my own home", "Walk to the shops", "daughter", "Breathless");
        for (String line : lines) {
            for (String f : forbidden) {
                assertThat(line).as("log line").doesNotContain(f);
            }
        }
    }
}
