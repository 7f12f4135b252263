package io.github.personalcare.prescription;

import io.github.personalcare.access.AccessAction;
import io.github.personalcare.access.DataClass;
import io.github.personalcare.lang.PersonalCareException;
import io.github.personalcare.lang.Versioned;
import io.github.personalcare.support.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every prescription command, refusals and denials included, with a known NHS number,
 * medicine name, dose and free-text reasons, and proves no captured log event holds any of them.
 */
class PrescriptionLoggingTest {
    private static final String REJECTION = "Please see the nurse about your blood pressure first";
    private static final String STOP = "Stopped after a fall at home";
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void noNhsNumberNameMedicineDoseOrReasonIsLogged() {
        PrescriptionWorld w = new PrescriptionWorld();
        PrescriptionService rx = w.prescriptions();
        Versioned<RepeatMedicine> m = w.onRepeat(2);
        w.grantDaughter(Set.of(DataClass.PRESCRIPTION), AccessAction.ACCESS, AccessAction.COLLECT);
        Versioned<PrescriptionRequest> r = rx.request(w.daughter, w.patient, List.of(m.value().id()));
        rx.reject(w.gp, r.value().id(), REJECTION, r.version());
        w.issued(m.value().id());
        assertThatThrownBy(() -> rx.request(w.self, w.patient, List.of(m.value().id())))
                .isInstanceOf(PrescriptionRefusedException.class);
        assertThatThrownBy(() -> rx.addRepeat(w.gp, w.patient, new RepeatTerms(PrescriptionWorld.PARACETAMOL,
                PrescriptionWorld.DOSE, SupplyQuantity.of(100, "tablet"), 28, 2, w.today().minusDays(1))))
                .isInstanceOf(PersonalCareException.class);
        assertThatThrownBy(() -> rx.approve(w.admin, r.value().id(), r.version())).isInstanceOf(PersonalCareException.class);
        Versioned<RepeatMedicine> current = rx.getRepeat(w.gp, m.value().id());
        rx.changeRepeat(w.gp, m.value().id(), w.terms(3), current.version());
        rx.stopRepeat(w.gp, m.value().id(), STOP, current.version() + 1);
        rx.reviewsDueForPractice(w.gp, PrescriptionWorld.PRACTICE);

        assertThat(logs.events()).as("the service logs its outcomes").isNotEmpty();
        List<String> forbidden = List.of(PrescriptionWorld.NHS_NUMBER.value(), PrescriptionWorld.NHS_NUMBER.formatted(),
                "Lovelace", "Paracetamol", PrescriptionWorld.DOSE, REJECTION, STOP, "blood pressure");
        for (String text : logs.rendered()) {
            for (String secret : forbidden) {
                assertThat(text).as("log line").doesNotContain(secret);
            }
        }
    }
}
