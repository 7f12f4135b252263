package io.github.personalcare.audit;

import io.github.personalcare.access.Purpose;
import io.github.personalcare.identity.PatientId;
import io.github.personalcare.lang.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R50 keyed audit chain: every field sealed, HMAC keys with ids, signed checkpoints")
class KeyedAuditChainTest {
    private static final AuditKey KEY = AuditKey.of("s".repeat(32).getBytes(StandardCharsets.US_ASCII), "k1");
    private final PatientId patient = PatientId.random();
    private final String chain = patient.value().toString();
    private final AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.parse("2026-03-01T09:00:00Z"),
            "professional:U1@A81001/NURSE", Purpose.DIRECT_CARE, "careplan.read", Optional.of(patient),
            Optional.of("CarePlan/1"), AuditOutcome.DENY, "R39", Optional.of("reason"), "corr");

    private String hash(AuditEvent e) {
        return AuditChain.hash(KEY, chain, 2, AuditChain.GENESIS, e);
    }

    private AuditEvent with(UnaryOperator<AuditEvent> change) {
        return change.apply(event);
    }

    @Test
    @DisplayName("R50: changing any one field of the event changes the hash, outcome and action included")
    void everyEventFieldIsSealed() {
        List<AuditEvent> edited = List.of(
                with(e -> new AuditEvent(UUID.randomUUID(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at().plusNanos(1), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), "system:other", e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), Purpose.AUDIT, e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), "careplan.agree", e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), Optional.empty(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        Optional.of("CarePlan/2"), e.outcome(), e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), AuditOutcome.PERMIT, e.rule(), e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), "R40", e.reason(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), Optional.empty(), e.correlationId())),
                with(e -> new AuditEvent(e.id(), e.at(), e.actor(), e.purpose(), e.action(), e.patient(),
                        e.subject(), e.outcome(), e.rule(), e.reason(), "corr2")));
        String original = hash(event);
        assertThat(edited).allSatisfy(e -> assertThat(hash(e)).isNotEqualTo(original));
        assertThat(edited.stream().map(this::hash).distinct()).hasSize(edited.size());
    }

    @Test
    @DisplayName("R50: the chain, sequence, previous hash and key are sealed too; an absent field differs from an empty one")
    void recordFieldsAreSealedAndAbsentDiffersFromEmpty() {
        String original = AuditChain.hash(KEY, chain, 2, AuditChain.GENESIS, event);
        assertThat(AuditChain.hash(KEY, "system", 2, AuditChain.GENESIS, event)).isNotEqualTo(original);
        assertThat(AuditChain.hash(KEY, chain, 3, AuditChain.GENESIS, event)).isNotEqualTo(original);
        assertThat(AuditChain.hash(KEY, chain, 2, "1".repeat(64), event)).isNotEqualTo(original);
        assertThat(AuditChain.hash(AuditKey.UNKEYED, chain, 2, AuditChain.GENESIS, event)).isNotEqualTo(original);
        AuditEvent absent = new AuditEvent(event.id(), event.at(), event.actor(), event.purpose(), event.action(),
                event.patient(), Optional.empty(), event.outcome(), event.rule(), event.reason(), event.correlationId());
        AuditEvent empty = new AuditEvent(event.id(), event.at(), event.actor(), event.purpose(), event.action(),
                event.patient(), Optional.of(""), event.outcome(), event.rule(), event.reason(), event.correlationId());
        assertThat(hash(absent)).isNotEqualTo(hash(empty));
    }

    @Test
    @DisplayName("R50: a record written before keyed chains (key id sha256-v1, first encoding) still verifies unkeyed")
    void legacyRecordsStillVerify() {
        String legacyHash = AuditChain.hash(AuditChain.GENESIS, 1, event);
        AuditRecord legacy = new AuditRecord(chain, 1, event, AuditChain.GENESIS, legacyHash, AuditKey.LEGACY_ID);
        AuditRecord next = AuditChain.link(Optional.of(legacy), event, AuditKey.UNKEYED);
        assertThat(AuditChain.verify(chain, List.of(legacy, next), Optional.of(next), AuditKeys.unkeyed()))
                .isEqualTo(new AuditVerification.Intact(2));
        assertThat(AuditChain.verify(chain, List.of(legacy, next), Optional.of(next), AuditKeys.of(KEY)))
                .isEqualTo(new AuditVerification.Broken(chain, 1, "record sealed with a key that is not accepted"));
        assertThat(AuditChain.verify(chain, List.of(legacy, next), Optional.of(next),
                AuditKeys.of(KEY).acceptingUnkeyed()).isIntact()).isTrue();
    }

    @Test
    @DisplayName("R50: keys need 32 bytes and a well-formed, unreserved id; their secret is never shown")
    void keysAreChecked() {
        assertThatThrownBy(() -> AuditKey.of(new byte[31], "k")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AuditKey.of(new byte[32], "sha256")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AuditKey.of(new byte[32], "a b")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AuditKeys.of(KEY, AuditKey.of(new byte[32], "k1")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AuditKeys.of(AuditKey.UNKEYED)).isInstanceOf(ConfigurationException.class);
        assertThat(KEY.toString()).isEqualTo("AuditKey[k1]");
        assertThatThrownBy(() -> AuditChain.link(Optional.empty(), event, AuditKey.LEGACY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R50: a checkpoint signed with ECDSA verifies with the public key only, and not once altered")
    void checkpointsSignWithEcdsaAndRefuseOtherKeys() throws GeneralSecurityException {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        AuditCheckpoint cp = AuditCheckpoint.sign(Instant.EPOCH,
                List.of(new AuditCheckpoint.Head(chain, 3, "a".repeat(64))), ec.getPrivate());
        assertThat(cp.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(cp.verifySignature(ec.getPublic())).isTrue();
        AuditCheckpoint moved = new AuditCheckpoint(cp.at(), List.of(new AuditCheckpoint.Head(chain, 2, "a".repeat(64))),
                cp.algorithm(), cp.signature());
        assertThat(moved.verifySignature(ec.getPublic())).isFalse();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThat(cp.verifySignature(rsa.getPublic())).isFalse();
        assertThatThrownBy(() -> AuditCheckpoint.requireSigningPair(rsa)).isInstanceOf(ConfigurationException.class);
    }
}
