package io.github.personalcare.audit;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.PatientId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R50 the audit hash chain detects any edited, removed, inserted or reordered record")
class AuditChainTest {
    private final PatientId patient = PatientId.random();
    private final String chain = patient.value().toString();

    private AuditEvent event(String action, String reason) {
        return new AuditEvent(UUID.randomUUID(), Instant.parse("2026-03-01T09:00:00Z"), "professional:U1@A81001/NURSE",
                Purpose.DIRECT_CARE, action, Optional.of(patient), Optional.of("CarePlan/1"), AuditOutcome.PERMIT,
                "CARE_TEAM", Optional.ofNullable(reason), "corr");
    }

    private List<AuditRecord> chainOf(int n) {
        List<AuditRecord> records = new ArrayList<>();
        Optional<AuditRecord> head = Optional.empty();
        for (int i = 0; i < n; i++) {
            AuditRecord r = AuditChain.link(head, event("action" + i, null));
            records.add(r);
            head = Optional.of(r);
        }
        return records;
    }

    private Optional<AuditRecord> headOf(List<AuditRecord> records) {
        return Optional.of(records.get(records.size() - 1));
    }

    @Test
    void anUntouchedChainVerifies() {
        var records = chainOf(5);
        assertThat(AuditChain.verify(chain, records, headOf(records))).isEqualTo(new AuditVerification.Intact(5));
    }

    @Test
    void anEmptyChainWithoutHeadVerifies() {
        assertThat(AuditChain.verify(chain, List.of(), Optional.empty()).isIntact()).isTrue();
    }

    @Test
    void anEditedRecordIsDetected() {
        var records = new ArrayList<>(chainOf(5));
        AuditRecord original = records.get(2);
        AuditEvent e = original.event();
        AuditEvent edited = new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(), e.subject(),
                AuditOutcome.DENY, e.rule(), e.reason(), e.correlationId());
        records.set(2, new AuditRecord(original.chain(), original.sequence(), edited, original.previousHash(), original.hash()));

        assertThat(AuditChain.verify(chain, records, headOf(records)))
                .isEqualTo(new AuditVerification.Broken(chain, 3, "record content does not match its hash"));
    }

    @Test
    void anEditedRecordWithARecomputedHashBreaksTheNextLink() {
        var records = new ArrayList<>(chainOf(5));
        AuditRecord original = records.get(2);
        AuditEvent e = event("forged", null);
        String forgedHash = AuditChain.hash(AuditKey.UNKEYED, chain, original.sequence(), original.previousHash(), e);
        records.set(2, new AuditRecord(original.chain(), original.sequence(), e, original.previousHash(), forgedHash));

        assertThat(AuditChain.verify(chain, records, headOf(records)))
                .isEqualTo(new AuditVerification.Broken(chain, 4, "previous hash does not match"));
    }

    @Test
    void aRemovedRecordIsDetected() {
        var records = new ArrayList<>(chainOf(5));
        records.remove(1);
        assertThat(AuditChain.verify(chain, records, headOf(records)).isIntact()).isFalse();
    }

    @Test
    void removingTheNewestRecordsIsDetectedThroughTheHead() {
        var all = chainOf(5);
        var truncated = all.subList(0, 3);
        assertThat(AuditChain.verify(chain, truncated, headOf(all)))
                .isEqualTo(new AuditVerification.Broken(chain, 4, "records after the last one are missing"));
    }

    @Test
    void reorderedRecordsAreDetected() {
        var records = new ArrayList<>(chainOf(5));
        AuditRecord two = records.get(1);
        records.set(1, records.get(2));
        records.set(2, two);
        assertThat(AuditChain.verify(chain, records, headOf(records)).isIntact()).isFalse();
    }

    @Test
    void aRecordMovedFromAnotherChainIsDetected() {
        var records = new ArrayList<>(chainOf(2));
        AuditRecord foreign = AuditChain.link(Optional.of(records.get(1)), new AuditEvent(UUID.randomUUID(),
                Instant.EPOCH, "system:x", Purpose.AUDIT, "x", Optional.of(PatientId.random()), Optional.empty(),
                AuditOutcome.PERMIT, "", Optional.empty(), "c"));
        records.add(foreign);
        assertThat(AuditChain.verify(chain, records, Optional.of(foreign)).isIntact()).isFalse();
    }

    @Test
    void theReasonIsPartOfTheHash() {
        AuditEvent a = event("read", "reason one");
        AuditEvent b = new AuditEvent(a.id(), a.at(), a.actor(), a.purpose(), a.action(), a.patient(), a.subject(),
                a.outcome(), a.rule(), Optional.of("reason two"), a.correlationId());
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, b));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        AuditEvent a = new AuditEvent(UUID.randomUUID(), Instant.EPOCH, "ab", Purpose.AUDIT, "c", Optional.empty(),
                Optional.empty(), AuditOutcome.PERMIT, "", Optional.empty(), "x");
        AuditEvent b = new AuditEvent(a.id(), Instant.EPOCH, "a", Purpose.AUDIT, "bc", Optional.empty(),
                Optional.empty(), AuditOutcome.PERMIT, "", Optional.empty(), "x");
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, b));
    }
}
