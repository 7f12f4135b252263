package io.github.personalcare.fhir;

import io.github.personalcare.record.PatientRecord;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.CorrelationId;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of patients, actors and audit chains, valid by construction. */
final class GeneratedRecords {
    private GeneratedRecords() {
    }

    static Arbitrary<NhsNumber> nhsNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(nine -> NhsNumber.checkDigitFor(nine) >= 0)
                .map(nine -> new NhsNumber(nine + NhsNumber.checkDigitFor(nine)));
    }

    static Arbitrary<OdsCode> odsCodes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(3).ofMaxLength(9)
                .map(OdsCode::of);
    }

    /** Name parts as people have them: letters (some accented), inner spaces, hyphens, apostrophes. */
    static Arbitrary<String> nameParts() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'ñ', 'ø', 'ŵ', 'Ó')
                .ofMinLength(1).ofMaxLength(12).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1));
        return word.list().ofMinSize(1).ofMaxSize(3)
                .flatMap(words -> Arbitraries.of(" ", "-", "'").map(sep -> String.join(sep, words)));
    }

    static Arbitrary<Patient> patients() {
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 45_000).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<Optional<Integer>> deathAfter = Arbitraries.integers().between(0, 30_000).optional(0.3);
        return Combinators.combine(Arbitraries.create(UUID::randomUUID), nhsNumbers(),
                        Arbitraries.of(NhsNumberVerification.class), nameParts(), nameParts(), births,
                        Arbitraries.subsetOf(PatientFlag.values()), odsCodes().optional(0.7))
                .flatAs((id, nhs, verification, given, family, born, flags, practice) -> deathAfter.map(after ->
                        new Patient(new PatientId(id), nhs, verification, new PersonName(given, family), born, flags,
                                practice, after.map(born::plusDays))));
    }

    static Arbitrary<UserId> userIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.', '_', '-', ':')
                .ofMinLength(1).ofMaxLength(64).map(UserId::of);
    }

    static Arbitrary<Actor.Professional> professionals() {
        return Combinators.combine(userIds(), Arbitraries.of(ProfessionalRole.class), odsCodes())
                .as(Actor::professional);
    }

    static Arbitrary<Actor> actors(PatientId patient) {
        return Arbitraries.oneOf(
                Arbitraries.just(Actor.patient(patient)),
                professionals().map(Actor.class::cast),
                userIds().map(Actor::carer),
                Arbitraries.of("outbox-relay", "review-scheduler").map(Actor::system));
    }

    /** Free text as a person types it, including line breaks and non-ASCII letters. */
    static Arbitrary<String> reasons() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '£', '€').ofMinLength(1)
                .ofMaxLength(200).filter(s -> !s.isBlank() && s.strip().equals(s));
    }

    static Arbitrary<AuditEvent> events(PatientId patient) {
        Arbitrary<Instant> times = Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L)
                .map(Instant::ofEpochMilli);
        Arbitrary<String> correlation = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(100);
        return Combinators.combine(times, actors(patient), Arbitraries.of(Purpose.class),
                        Arbitraries.of("patient.read", "patient.register", "careplan.agree", "audit.accessLog"),
                        Arbitraries.of(AuditOutcome.class), Arbitraries.of("", "R39", "R40", "SELF", "FAIL_CLOSED"),
                        reasons().optional(0.3), correlation)
                .as((at, actor, purpose, action, outcome, rule, reason, corr) -> AuditEvent.of(
                        new AccessContext(actor, purpose, reason, new CorrelationId(corr)), at, action, patient,
                        "Patient/" + patient, outcome, rule));
    }

    static Arbitrary<List<AuditRecord>> auditChains(PatientId patient) {
        return events(patient).list().ofMinSize(1).ofMaxSize(6).map(Fixtures::chain);
    }

    static Arbitrary<PatientRecord> records() {
        return patients().flatMap(p -> Combinators.combine(auditChains(p.id()),
                        GeneratedReferrals.referrals(p.id()).list().ofMaxSize(2),
                        GeneratedConsents.consents(p.id()).list().ofMaxSize(2))
                .as((audit, referrals, consents) -> PatientRecord.builder(p).audit(audit).referrals(referrals)
                        .consents(consents).build()))
                .flatMap(GeneratedBudgets::withBudgets)
                .flatMap(GeneratedCarePlans::withCare)
                .map(GeneratedRecords::exportable);
    }

    /**
     * The record, or, when it is a restricted patient's whose practice shows elsewhere (which the
     * export refuses, R49: generated ODS codes do collide, edge cases above all), the same record
     * with the patient's S flag removed. A map, not a filter: filters after flatMap make jqwik slow.
     */
    static PatientRecord exportable(PatientRecord record) {
        Patient p = record.patient();
        if (!p.has(PatientFlag.SENSITIVE) || p.registeredPractice().isEmpty()) {
            return record;
        }
        try {
            new PatientRecordMapper().resources(record);
            return record;
        } catch (io.github.personalcare.lang.RuleViolationException e) {
            java.util.Set<PatientFlag> flags = java.util.EnumSet.noneOf(PatientFlag.class);
            flags.addAll(p.flags());
            flags.remove(PatientFlag.SENSITIVE);
            return new PatientRecord(p.withFlags(flags), record.professionals(), record.careTeams(),
                    record.carePlans(), record.budgets(), record.ledger(), record.referrals(), record.consents(),
                    record.audit());
        }
    }
}
