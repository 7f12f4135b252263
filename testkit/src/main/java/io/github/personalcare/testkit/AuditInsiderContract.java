package io.github.personalcare.testkit;

import io.github.personalcare.PersonalCare;
import io.github.personalcare.access.AccessContext;
import io.github.personalcare.access.Actor;
import io.github.personalcare.access.ProfessionalRole;
import io.github.personalcare.access.Purpose;
import io.github.personalcare.audit.AccessLogEntry;
import io.github.personalcare.audit.AuditChain;
import io.github.personalcare.audit.AuditCheckpoint;
import io.github.personalcare.audit.AuditEvent;
import io.github.personalcare.audit.AuditKey;
import io.github.personalcare.audit.AuditKeys;
import io.github.personalcare.audit.AuditOutcome;
import io.github.personalcare.audit.AuditRecord;
import io.github.personalcare.audit.AuditVerification;
import io.github.personalcare.identity.NhsNumber;
import io.github.personalcare.identity.NhsNumberVerification;
import io.github.personalcare.identity.OdsCode;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.identity.PersonName;
import io.github.personalcare.identity.UserId;
import io.github.personalcare.spi.Storage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An insider who can write the audit tables but does not hold the audit key cannot rewrite the
 * trail unseen; keys rotate; signed checkpoints held by a third party detect rewriting and
 * truncation even by someone who holds the key (R50, issue 15 item 6). The adapter's subclass
 * plays the insider: it writes stored rows directly, bypassing the SDK.
 */
public abstract class AuditInsiderContract extends StorageContract {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.of("A81001");
    private static final AuditKey K1 = AuditKey.of(secret('1'), "k1");
    private static final AuditKey K2 = AuditKey.of(secret('2'), "k2");

    /** For the adapter's subclass, which supplies the storage under test and the insider's writes. */
    protected AuditInsiderContract() {
    }

    /**
     * As an insider with write access to the storage: replaces the stored record at the record's
     * chain and sequence with every field of {@code forged} (event, previous hash, hash, key id),
     * and when that sequence is the chain's head, the head's hash too.
     *
     * @param storage the storage under test
     * @param forged  the record to store in place of the original
     */
    protected abstract void overwrite(Storage storage, AuditRecord forged);

    /**
     * As an insider: deletes the chain's records after {@code keepThrough} and moves the head back
     * to the record at {@code keepThrough}, so the chain alone looks whole.
     *
     * @param storage     the storage under test
     * @param chain       the chain
     * @param keepThrough the last sequence kept
     */
    protected abstract void truncate(Storage storage, String chain, long keepThrough);

    @Test
    @DisplayName("R50: an insider who edits a record and recomputes the chain with the public hash but without the key is detected, naming the record")
    void insiderWithoutTheKeyIsDetected() {
        PatientId patient = PatientId.random();
        String chain = patient.value().toString();
        appendAll(patient, K1, 4);
        List<AuditRecord> stored = storage.inTransaction(tx -> tx.audit().chain(chain));

        // Downgrade: rewrite from record 2 on as plain SHA-256, which anyone can compute.
        rewriteFrom(stored, 1, AuditKey.UNKEYED);
        assertThat(verify(AuditKeys.of(K1)))
                .isEqualTo(new AuditVerification.Broken(chain, 2, "record sealed with a key that is not accepted"));

        // Guessed key under the right key id.
        rewriteFrom(stored, 1, AuditKey.of(secret('x'), "k1"));
        assertThat(verify(AuditKeys.of(K1)))
                .isEqualTo(new AuditVerification.Broken(chain, 2, "record content does not match its hash"));
    }

    @Test
    @DisplayName("R50: without a key the chain is plain SHA-256, which the same insider can recompute unseen")
    void unkeyedChainsDoNotStopAnInsider() {
        PatientId patient = PatientId.random();
        appendAll(patient, AuditKey.UNKEYED, 3);
        List<AuditRecord> stored = storage.inTransaction(tx -> tx.audit().forPatient(patient));
        rewriteFrom(stored, 1, AuditKey.UNKEYED);
        assertThat(verify(AuditKeys.unkeyed()).isIntact()).isTrue();
        assertThat(storage.inTransaction(tx -> tx.audit().forPatient(patient)).get(1).event().outcome())
                .isEqualTo(AuditOutcome.PERMIT);
    }

    @Test
    @DisplayName("R50: keys rotate; records keep verifying under the key that sealed them, and fail once it is dropped")
    void keysRotate() {
        PatientId patient = PatientId.random();
        String chain = patient.value().toString();
        appendAll(patient, K1, 2);
        appendAll(patient, K2, 2);
        List<AuditRecord> stored = storage.inTransaction(tx -> tx.audit().chain(chain));
        assertThat(stored).extracting(AuditRecord::keyId).containsExactly("k1", "k1", "k2", "k2");
        assertThat(verify(AuditKeys.of(K2, K1)))
                .isEqualTo(new AuditVerification.Intact(4));
        assertThat(verify(AuditKeys.of(K2)))
                .isEqualTo(new AuditVerification.Broken(chain, 1, "record sealed with a key that is not accepted"));
    }

    @Test
    @DisplayName("R50: a signed checkpoint detects a rewrite by someone holding the key, and truncation after it")
    void checkpointsDetectRewritesAndTruncation() throws GeneralSecurityException {
        KeyPair signer = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .auditKeys(AuditKeys.of(K1)).auditCheckpointKey(signer).build();
        PatientId patient = register(care);
        String chain = patient.value().toString();
        care.patients().get(gp(), patient);
        AuditCheckpoint checkpoint = care.audit().checkpoint(auditor());
        assertThat(checkpoint.verifySignature(signer.getPublic())).isTrue();
        care.patients().get(gp(), patient);
        assertThat(care.audit().verify(auditor(), checkpoint).isIntact()).isTrue();

        // A third party's copy that was altered no longer verifies.
        AuditCheckpoint altered = new AuditCheckpoint(checkpoint.at().plusSeconds(1), checkpoint.heads(),
                checkpoint.algorithm(), checkpoint.signature());
        assertThat(altered.verifySignature(signer.getPublic())).isFalse();
        assertThat(care.audit().verify(auditor(), altered))
                .isEqualTo(new AuditVerification.Broken("checkpoint", 0, "checkpoint signature does not verify"));

        // Someone holding the key rewrites the whole chain consistently: only the checkpoint shows it.
        List<AuditRecord> stored = storage.inTransaction(tx -> tx.audit().chain(chain));
        rewriteFrom(stored, 0, K1);
        assertThat(care.audit().verify(auditor()).isIntact()).isTrue();
        assertThat(care.audit().verify(auditor(), checkpoint))
                .isEqualTo(new AuditVerification.Broken(chain, 2, "record does not match the checkpoint"));

        // Truncation back before the checkpoint, with a consistent head.
        PatientId other = register(care, "9434765919");
        AuditCheckpoint second = care.audit().checkpoint(auditor());
        truncate(storage, other.value().toString(), 0);
        assertThat(care.audit().verify(auditor(), second))
                .isEqualTo(new AuditVerification.Broken(other.value().toString(), 1, "chain is shorter than the checkpoint"));
    }

    @Test
    @DisplayName("R50: the access log says when the patient's chain does not verify")
    void accessLogFlagsABrokenChain() {
        PersonalCare care = PersonalCare.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .auditKeys(AuditKeys.of(K1)).build();
        PatientId patient = register(care);
        AccessContext self = AccessContext.patientSelf(patient);
        assertThat(care.audit().accessLog(self, patient)).allMatch(AccessLogEntry::chainVerified);
        List<AuditRecord> stored = storage.inTransaction(tx -> tx.audit().forPatient(patient));
        rewriteFrom(stored, 0, AuditKey.UNKEYED);
        List<AccessLogEntry> log = care.audit().accessLog(self, patient);
        assertThat(log).isNotEmpty().noneMatch(AccessLogEntry::chainVerified);
    }

    /** Appends {@code n} events to the patient's chain, sealed with {@code key}; every second one a DENY. */
    private void appendAll(PatientId patient, AuditKey key, int n) {
        for (int i = 0; i < n; i++) {
            AuditOutcome outcome = i % 2 == 1 ? AuditOutcome.DENY : AuditOutcome.PERMIT;
            storage.inTransaction(tx -> tx.audit().append(new AuditEvent(java.util.UUID.randomUUID(), T0,
                    "system:contract", Purpose.DIRECT_CARE, "contract.read", Optional.of(patient), Optional.empty(),
                    outcome, "R39", Optional.empty(), "corr-1"), key));
        }
    }

    /**
     * The insider's rewrite: from index {@code from} on, every DENY becomes a PERMIT, the actor
     * becomes someone else, and each record is re-linked and re-hashed with {@code key} through the
     * public hash function.
     */
    private void rewriteFrom(List<AuditRecord> stored, int from, AuditKey key) {
        Optional<AuditRecord> previous = from == 0 ? Optional.empty() : Optional.of(stored.get(from - 1));
        List<AuditRecord> forged = new ArrayList<>();
        for (AuditRecord r : stored.subList(from, stored.size())) {
            AuditEvent e = r.event();
            AuditOutcome outcome = e.outcome() == AuditOutcome.DENY ? AuditOutcome.PERMIT : e.outcome();
            AuditEvent edited = new AuditEvent(e.id(), e.at(), "system:insider", e.purpose(), e.action(), e.patient(),
                    e.subject(), outcome, e.rule(), e.reason(), e.correlationId());
            AuditRecord f = AuditChain.link(previous, edited, key);
            forged.add(f);
            previous = Optional.of(f);
        }
        forged.forEach(f -> overwrite(storage, f));
    }

    private static byte[] secret(char c) {
        return String.valueOf(c).repeat(32).getBytes(StandardCharsets.US_ASCII);
    }

    private static AccessContext gp() {
        return AccessContext.of(Actor.professional(UserId.of("GP1"), ProfessionalRole.GENERAL_PRACTITIONER,
                PRACTICE), Purpose.DIRECT_CARE);
    }

    private static AccessContext auditor() {
        return AccessContext.of(Actor.professional(UserId.of("privacy-officer-1"), ProfessionalRole.PRIVACY_OFFICER,
                PRACTICE), Purpose.AUDIT);
    }

    private static PatientId register(PersonalCare care) {
        return register(care, "9434765870");
    }

    private static PatientId register(PersonalCare care, String nhsNumber) {
        return care.patients().register(gp(), NhsNumber.parse(nhsNumber), NhsNumberVerification.VERIFIED,
                new PersonName("Ada", "Lovelace"), LocalDate.of(1950, 12, 10), Set.of(),
                Optional.of(PRACTICE)).value().id();
    }

    /**
     * Verifies every chain of the storage under test.
     *
     * @param keys the keys records may be sealed with
     * @return the verification
     */
    protected final AuditVerification verify(AuditKeys keys) {
        return storage.inTransaction(tx -> tx.audit().verify(keys));
    }
}
