package io.github.personalcare.prescription;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.lang.Versioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input for every command: a typed error naming the field and the rule, and nothing stored. */
class PrescriptionBadInputTest {
    private final PrescriptionWorld w = new PrescriptionWorld();
    private final PrescriptionService rx = w.prescriptions();
    private final Versioned<RepeatMedicine> medicine = w.onRepeat(6);
    private final Versioned<PrescriptionRequest> request = rx.request(w.self, w.patient, List.of(medicine.value().id()));

    private void rejects(String field, String rule, Executable command) {
        PrescriptionWorld.Snapshot before = w.snapshot();
        InvalidInputException e = assertThrows(InvalidInputException.class, command);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rule()).isEqualTo(rule);
        assertThat(w.snapshot()).as("nothing stored").isEqualTo(before);
    }

    private RepeatTerms terms(LocalDate reviewOn) {
        return new RepeatTerms(PrescriptionWorld.PARACETAMOL, PrescriptionWorld.DOSE, SupplyQuantity.of(100, "tablet"),
                28, 6, reviewOn);
    }

    @Test
    void addRepeat() {
        rejects("patient", "REQUIRED", () -> rx.addRepeat(w.gp, null, w.terms(6)));
        rejects("terms", "REQUIRED", () -> rx.addRepeat(w.gp, w.patient, null));
        rejects("reviewOn", "REVIEW_DATE", () -> rx.addRepeat(w.gp, w.patient, terms(w.today().minusDays(1))));
    }

    @Test
    void theTermsOfARepeat() {
        Medicine m = PrescriptionWorld.PARACETAMOL;
        SupplyQuantity q = SupplyQuantity.of(100, "tablet");
        LocalDate review = w.today().plusDays(90);
        rejects("medicine", "REQUIRED", () -> new RepeatTerms(null, "dose", q, 28, 6, review));
        rejects("dose", "REQUIRED", () -> new RepeatTerms(m, " ", q, 28, 6, review));
        rejects("dose", "TEXT", () -> new RepeatTerms(m, "x".repeat(201), q, 28, 6, review));
        rejects("dose", "TEXT", () -> new RepeatTerms(m, "one\u0000tablet", q, 28, 6, review));
        rejects("quantity", "REQUIRED", () -> new RepeatTerms(m, "dose", null, 28, 6, review));
        rejects("intervalDays", "RANGE", () -> new RepeatTerms(m, "dose", q, 0, 6, review));
        rejects("intervalDays", "RANGE", () -> new RepeatTerms(m, "dose", q, 367, 6, review));
        rejects("issuesAuthorised", "RANGE", () -> new RepeatTerms(m, "dose", q, 28, 0, review));
        rejects("issuesAuthorised", "RANGE", () -> new RepeatTerms(m, "dose", q, 28, 100, review));
        rejects("reviewOn", "REQUIRED", () -> new RepeatTerms(m, "dose", q, 28, 6, null));
        rejects("reviewOn", "DATE", () -> new RepeatTerms(m, "dose", q, 28, 6, LocalDate.MAX));
        rejects("quantity.amount", "RANGE", () -> SupplyQuantity.of(0, "tablet"));
        rejects("quantity.amount", "RANGE", () -> SupplyQuantity.of(100_001, "tablet"));
        rejects("quantity.unit", "REQUIRED", () -> SupplyQuantity.of(1, ""));
        rejects("medicine.name", "REQUIRED", () -> Medicine.of("42109611000001109", null));
        rejects("medicine.code", "REQUIRED", () -> new Medicine(null, "Paracetamol"));
        rejects("dmdCode", "DMD", () -> Medicine.of("42109611000001108", "Paracetamol"));
    }

    @Test
    void changeRepeat() {
        long v = medicine.version();
        RepeatMedicineId id = medicine.value().id();
        rejects("terms", "REQUIRED", () -> rx.changeRepeat(w.gp, id, null, v));
        rejects("id", "REQUIRED", () -> rx.changeRepeat(w.gp, null, w.terms(6), v));
        rejects("reviewOn", "REVIEW_DATE", () -> rx.changeRepeat(w.gp, id, terms(w.today().minusDays(1)), v));
        rejects("medicine.code", "SAME_MEDICINE", () -> rx.changeRepeat(w.gp, id, new RepeatTerms(
                PrescriptionWorld.SECOND, "one daily", SupplyQuantity.of(28, "capsule"), 28, 6, w.today()), v));
    }

    @Test
    void changeRepeatBelowTheIssuesUsed() {
        rx.approve(w.gp, request.value().id(), request.version());
        rx.issue(w.gp, request.value().id(), request.version() + 1);
        w.advanceDays(21);
        w.issued(medicine.value().id());
        Versioned<RepeatMedicine> m = rx.getRepeat(w.gp, medicine.value().id());
        assertThat(m.value().issuesUsed()).isEqualTo(2);
        rejects("issuesAuthorised", "ISSUES_USED", () -> rx.changeRepeat(w.gp, m.value().id(), new RepeatTerms(
                PrescriptionWorld.PARACETAMOL, "dose", SupplyQuantity.of(1, "tablet"), 28, 1, w.today()),
                m.version()));
    }

    @Test
    void stopRepeat() {
        long v = medicine.version();
        rejects("reason", "REQUIRED", () -> rx.stopRepeat(w.gp, medicine.value().id(), null, v));
        rejects("reason", "REQUIRED", () -> rx.stopRepeat(w.gp, medicine.value().id(), "", v));
        rejects("reason", "TEXT", () -> rx.stopRepeat(w.gp, medicine.value().id(), "x".repeat(201), v));
        rejects("id", "REQUIRED", () -> rx.stopRepeat(w.gp, null, "reason", v));
    }

    @Test
    void requestARepeat() {
        RepeatMedicineId id = medicine.value().id();
        rejects("patient", "REQUIRED", () -> rx.request(w.self, null, List.of(id)));
        rejects("items", "REQUIRED", () -> rx.request(w.self, w.patient, null));
        rejects("items", "REQUIRED", () -> rx.request(w.self, w.patient, List.of()));
        rejects("items", "REQUIRED", () -> rx.request(w.self, w.patient, Arrays.asList(id, null)));
        rejects("items", "DUPLICATE", () -> rx.request(w.self, w.patient, List.of(id, id)));
        List<RepeatMedicineId> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(RepeatMedicineId.random());
        }
        rejects("items", "SIZE", () -> rx.request(w.self, w.patient, many));
    }

    @Test
    void approveRejectIssue() {
        PrescriptionRequestId id = request.value().id();
        long v = request.version();
        rejects("id", "REQUIRED", () -> rx.approve(w.gp, null, v));
        rejects("reason", "REQUIRED", () -> rx.reject(w.gp, id, null, v));
        rejects("reason", "REQUIRED", () -> rx.reject(w.gp, id, "  ", v));
        rejects("reason", "TEXT", () -> rx.reject(w.gp, id, "no\u0007", v));
        rejects("id", "REQUIRED", () -> rx.issue(w.gp, null, v));
    }

    @Test
    void queries() {
        rejects("patient", "REQUIRED", () -> rx.repeats(w.self, null));
        rejects("patient", "REQUIRED", () -> rx.requests(w.self, null));
        rejects("patient", "REQUIRED", () -> rx.reviewsDue(w.self, null));
        rejects("practice", "REQUIRED", () -> rx.reviewsDueForPractice(w.gp, null));
        rejects("id", "REQUIRED", () -> rx.getRequest(w.gp, null));
        rejects("id", "REQUIRED", () -> rx.getRepeat(w.gp, null));
    }
}
