package io.github.personalcare.jdbc;

import io.github.personalcare.lang.InvalidInputException;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.event.DomainEvent;
import io.github.personalcare.patient.PatientEvent;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.patient.Patient;
import io.github.personalcare.patient.PatientFlag;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.StorageException;
import io.github.personalcare.testkit.SampleEntry;
import io.github.personalcare.testkit.SampleRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonDocumentsTest {
    private final JsonDocuments json = new JsonDocuments();

    private <T> T roundTrip(Class<T> type, T value) {
        return json.read(type, json.write(type, value, "test"), "test");
    }

    /** Free text as the domain allows it: any Unicode code points but control characters, not blank. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> base = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00A0', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD')
                .withChars('\n', '\t')
                .ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> astral = Arbitraries.of("", "\uD83D\uDE00", "\uD834\uDD1E");
        return Combinators.combine(base, astral).as((b, a) -> b + a).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Provide
    Arbitrary<NhsNumber> nhsNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(nine -> NhsNumber.checkDigitFor(nine) >= 0)
                .map(nine -> new NhsNumber(nine + NhsNumber.checkDigitFor(nine)));
    }

    @Provide
    Arbitrary<Patient> patients() {
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
        return Combinators.combine(nhsNumbers(), Arbitraries.of(NhsNumberVerification.class), text(), text(), births,
                Arbitraries.subsetOf(PatientFlag.values()), Arbitraries.of("A81001", "RH8", "Y01234").optional())
                .as((nhs, verification, given, family, born, flags, practice) -> new Patient(PatientId.random(), nhs,
                        verification, new PersonName(given, family), born,
                        flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags), practice.map(OdsCode::of), Optional.empty()));
    }

    @Provide
    Arbitrary<SampleRecord> sampleRecords() {
        Arbitrary<Optional<LocalDate>> due = Arbitraries.integers().between(-100_000, 100_000)
                .map(d -> LocalDate.of(2026, 1, 1).plusDays(d)).optional();
        return Combinators.combine(text(), due, Arbitraries.longs(), Arbitraries.of(true, false), text())
                .as((status, date, amount, flagged, body) -> new SampleRecord(SampleRecord.Id.random(), PatientId.random(),
                        status, date, amount, flagged, body));
    }

    @Property
    void patientsRoundTrip(@ForAll("patients") Patient patient) {
        assertThat(roundTrip(Patient.class, patient)).isEqualTo(patient);
    }

    @Property
    void sampleRecordsRoundTrip(@ForAll("sampleRecords") SampleRecord record) {
        assertThat(roundTrip(SampleRecord.class, record)).isEqualTo(record);
    }

    @Property
    void sampleEntriesRoundTrip(@ForAll("text") String key, @ForAll long amount) {
        var entry = new SampleEntry(SampleRecord.Id.random(), PatientId.random(), key, amount);
        assertThat(roundTrip(SampleEntry.class, entry)).isEqualTo(entry);
    }

    @Property
    void auditEventsRoundTripToTheNanosecond(@ForAll("instants") Instant at, @ForAll("text") String reason,
            @ForAll boolean withPatient) {
        var event = new AuditEvent(UUID.randomUUID(), at, "professional:U1@A81001/GP", Purpose.DIRECT_CARE,
                "careplan.agree", withPatient ? Optional.of(PatientId.random()) : Optional.empty(),
                Optional.of("CarePlan/" + UUID.randomUUID()), AuditOutcome.SUCCESS, "R7", Optional.of(reason), "corr-1");
        assertThat(roundTrip(AuditEvent.class, event)).isEqualTo(event);
    }

    @Property
    void domainEventsRoundTripThroughTheirSealedType(@ForAll("instants") Instant at, @ForAll boolean registered) {
        DomainEvent event = registered
                ? new PatientEvent.Registered(UUID.randomUUID(), at, PatientId.random())
                : new PatientEvent.Updated(UUID.randomUUID(), at, PatientId.random());
        assertThat(json.readEvent(json.writeEvent(event))).isEqualTo(event);
    }

    @Property
    void accessContextsRoundTripWithEveryKindOfActor(@ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll("text") String reason) {
        Actor actor = switch (kind) {
            case 0 -> Actor.patient(PatientId.random());
            case 1 -> Actor.professional(UserId.of("U123"), ProfessionalRole.values()[0], OdsCode.of("A81001"));
            case 2 -> Actor.carer(UserId.of("carer-9"));
            default -> Actor.system("outbox-relay");
        };
        var ctx = AccessContext.of(actor, Purpose.EMERGENCY, reason);
        assertThat(roundTrip(AccessContext.class, ctx)).isEqualTo(ctx);
    }

    @Test
    void aDocumentReadAgainWithTheSameTextGivesTheValueParsedBeforeAndAChangedTextIsParsedAnew() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        String doc = json.write(SampleRecord.class, record, "sample_record");
        SampleRecord first = json.readAggregate(SampleRecord.class, doc, "sample_record");
        assertThat(first).isEqualTo(record);
        assertThat(json.readAggregate(SampleRecord.class, new String(doc.toCharArray()), "sample_record"))
                .isSameAs(first);
        String changed = json.write(SampleRecord.class, record.withText("changed"), "sample_record");
        assertThat(json.readAggregate(SampleRecord.class, changed, "sample_record"))
                .isNotSameAs(first).isEqualTo(record.withText("changed"));
    }

    @Test
    void aRememberedDocumentAnswersTheValueWrittenAndAnUnreadableOneIsNeverKept() {
        var record = SampleRecord.of(PatientId.random(), "OPEN");
        String normalised = " " + json.write(SampleRecord.class, record, "sample_record");
        json.remember(SampleRecord.class, normalised, record);
        assertThat(json.readAggregate(SampleRecord.class, normalised, "sample_record")).isSameAs(record);
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(StorageException.class)
                    .isThrownBy(() -> json.readAggregate(SampleRecord.class, "{not json", "sample_record"));
        }
    }

    @Test
    void theMemoOfParsedDocumentsIsBounded() {
        SampleRecord first = null;
        String firstDoc = null;
        for (int i = 0; i <= JsonDocuments.MAX_PARSED; i++) {
            var record = SampleRecord.of(PatientId.random(), "OPEN");
            String doc = json.write(SampleRecord.class, record, "sample_record");
            SampleRecord read = json.readAggregate(SampleRecord.class, doc, "sample_record");
            if (i == 0) {
                first = read;
                firstDoc = doc;
            }
        }
        // the memo was emptied when it reached its bound: the first document is parsed anew
        assertThat(json.readAggregate(SampleRecord.class, firstDoc, "sample_record")).isNotSameAs(first)
                .isEqualTo(first);
    }

    @Test
    void sealedValuesCarryTheirClassAsTypeId() {
        String doc = json.writeEvent(new PatientEvent.Registered(UUID.randomUUID(), Instant.EPOCH, PatientId.random()));
        assertThat(doc).contains("\"@type\":\"io.github.personalcare.patient.PatientEvent$Registered\"");
    }

    @Test
    void aTypeIdOutsideTheSdkIsRefusedOnRead() {
        String hostile = "{\"@type\":\"java.lang.ProcessBuilder\",\"command\":[\"rm\"]}";
        assertThatExceptionOfType(StorageException.class)
                .isThrownBy(() -> json.readEvent(hostile))
                .satisfies(e -> assertThat(e.rule()).isEqualTo("DOCUMENT"))
                .withNoCause();
    }

    @Test
    void textWithANulCharacterIsRefusedNamingTheTypeNotTheValue() {
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText("before\u0000after secret");
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> json.write(SampleRecord.class, record, "sample_record"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("sample_record");
                    assertThat(e.rule()).isEqualTo("TEXT");
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText("broken \uD83D here");
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> json.write(SampleRecord.class, record, "sample_record"));
    }

    @Test
    void aBackslashFollowedByU0000IsTextNotANul() {
        var record = SampleRecord.of(PatientId.random(), "OPEN").withText("C:\\u0000 is a path");
        assertThat(roundTrip(SampleRecord.class, record)).isEqualTo(record);
    }
}
