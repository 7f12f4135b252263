package io.github.personalcare.audit;

import io.github.personalcare.lang.ConfigurationException;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The heads of every audit chain at one moment, signed with the supplier's private key (Ed25519
 * or ECDSA, from the JDK). Hand it to a third party (a regulator, an auditor, a notary service):
 * anyone with the public key can check the signature with {@link #verifySignature(PublicKey)}
 * without any secret, and {@code care.audit().verify(ctx, checkpoint)} later checks that the
 * current chains still extend it, so records up to the checkpoint cannot be rewritten or removed
 * unseen, even by someone who holds the chain's {@link AuditKey}.
 *
 * @param at        when the checkpoint was taken
 * @param heads     the head of each chain, ordered by chain
 * @param algorithm the signature algorithm, {@code "Ed25519"} or {@code "SHA256withECDSA"}
 * @param signature the signature over {@link #signedBytes()}, Base64
 */
public record AuditCheckpoint(Instant at, List<Head> heads, String algorithm, String signature) {

    /**
     * One chain's head in a checkpoint.
     *
     * @param chain    the chain: a patient id, or {@link AuditChain#SYSTEM_CHAIN}
     * @param sequence the last record's sequence
     * @param hash     the last record's hash
     */
    public record Head(String chain, long sequence, String hash) {
        /**
         * Checks every component is present and the sequence is at least 1.
         *
         * @param chain    the chain
         * @param sequence the last record's sequence
         * @param hash     the last record's hash
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code sequence} is below 1
         */
        public Head {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(hash, "hash");
            if (sequence < 1) {
                throw new IllegalArgumentException("sequence must be >= 1");
            }
        }
    }

    /**
     * Checks every component is present; the heads are copied and ordered by chain.
     *
     * @param at        when the checkpoint was taken
     * @param heads     the head of each chain
     * @param algorithm the signature algorithm
     * @param signature the signature, Base64
     * @throws NullPointerException if a component is null
     */
    public AuditCheckpoint {
        Objects.requireNonNull(at, "at");
        heads = heads.stream().sorted(Comparator.comparing(Head::chain)).toList();
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Signs the heads.
     *
     * @param at    when the checkpoint is taken
     * @param heads the head of each chain
     * @param key   the supplier's private key, Ed25519 or EC
     * @return the signed checkpoint
     * @throws ConfigurationException if the key is neither Ed25519 nor EC, or cannot sign
     */
    public static AuditCheckpoint sign(Instant at, List<Head> heads, PrivateKey key) {
        String algorithm = algorithmFor(key);
        AuditCheckpoint unsigned = new AuditCheckpoint(at, heads, algorithm, "");
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(unsigned.signedBytes());
            return new AuditCheckpoint(at, unsigned.heads(), algorithm, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("auditCheckpointKey", "cannot sign with this key");
        }
    }

    /**
     * Whether the checkpoint was signed by the private key of {@code key} and not altered since.
     *
     * @param key the supplier's public key
     * @return true if the signature verifies
     */
    public boolean verifySignature(PublicKey key) {
        try {
            if (key == null || !algorithm.equals(algorithmFor(key))) {
                return false;
            }
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(signedBytes());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | ConfigurationException e) {
            return false;
        }
    }

    /**
     * Checks that a key pair can sign checkpoints.
     *
     * @param pair the key pair
     * @return the pair
     * @throws ConfigurationException if the pair is missing or its keys are neither Ed25519 nor EC
     */
    public static KeyPair requireSigningPair(KeyPair pair) {
        if (pair == null || pair.getPrivate() == null || pair.getPublic() == null) {
            throw new ConfigurationException("auditCheckpointKey", "needs a private and a public key");
        }
        algorithmFor(pair.getPrivate());
        algorithmFor(pair.getPublic());
        return pair;
    }

    /**
     * {@return the bytes the signature covers: a domain tag, the time and each head's chain,
     * sequence and hash, each length-prefixed}
     */
    public byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditChain.text(out, "personalcare-audit-checkpoint-v1");
        AuditChain.text(out, algorithm);
        AuditChain.text(out, at.toString());
        AuditChain.text(out, Integer.toString(heads.size()));
        for (Head h : heads) {
            AuditChain.text(out, h.chain());
            AuditChain.text(out, Long.toString(h.sequence()));
            AuditChain.text(out, h.hash());
        }
        return out.toByteArray();
    }

    private static String algorithmFor(java.security.Key key) {
        String a = key == null ? "" : key.getAlgorithm();
        if (a.equals("Ed25519") || a.equals("EdDSA")) {
            return "Ed25519";
        }
        if (a.equals("EC")) {
            return "SHA256withECDSA";
        }
        throw new ConfigurationException("auditCheckpointKey", "must be an Ed25519 or EC key");
    }
}
