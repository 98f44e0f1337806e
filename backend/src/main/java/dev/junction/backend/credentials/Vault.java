package dev.junction.backend.credentials;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Envelope encryption of connection secrets with AES-256-GCM: each secret gets its own random data key, which the
 * master key wraps. The connection id and field name are the associated data of both, so a row copied to another
 * connection or field does not open. The vault holds the current master key (new secrets are sealed with it) and,
 * during a rotation, the previous ones (rows not yet re-wrapped still open).
 */
public final class Vault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;
    private volatile Map<String, MasterKey> keys;
    private volatile MasterKey current;

    public Vault(MasterKey current, List<MasterKey> previous, SecureRandom random) {
        this.random = random;
        use(current, previous);
    }

    /** Makes {@code current} the key new secrets are sealed with; {@code previous} keys still open old rows. */
    synchronized void use(MasterKey current, List<MasterKey> previous) {
        Map<String, MasterKey> ring = new LinkedHashMap<>();
        ring.put(current.id(), current);
        previous.forEach(key -> ring.putIfAbsent(key.id(), key));
        this.keys = Map.copyOf(ring);
        this.current = current;
    }

    public String currentKeyId() {
        return current.id();
    }

    MasterKey current() {
        return current;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    public SealedSecret seal(String connectionId, String field, String plaintext) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try {
            byte[] nonce = nonce();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce,
                    binding(connectionId, field, null), plaintext.getBytes(StandardCharsets.UTF_8));
            return wrap(dataKey, ciphertext, nonce, connectionId, field, current);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public String open(String connectionId, String field, SealedSecret sealed) {
        byte[] dataKey = unwrap(connectionId, field, sealed);
        try {
            byte[] plain = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), sealed.nonce(),
                    binding(connectionId, field, null), sealed.ciphertext());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new VaultException("the secret '" + field + "' of connection " + connectionId
                    + " does not decrypt: it was altered or belongs to another connection or field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same secret with its data key wrapped by the current master key (the value is not re-encrypted). */
    public SealedSecret rewrap(String connectionId, String field, SealedSecret sealed) {
        byte[] dataKey = unwrap(connectionId, field, sealed);
        try {
            return wrap(dataKey, sealed.ciphertext(), sealed.nonce(), connectionId, field, current);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private SealedSecret wrap(byte[] dataKey, byte[] ciphertext, byte[] nonce, String connectionId, String field,
                              MasterKey master) throws GeneralSecurityException {
        byte[] wrapNonce = nonce();
        byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, master.key(), wrapNonce, binding(connectionId, field, master.id()),
                dataKey);
        return new SealedSecret(ciphertext, nonce, wrapped, wrapNonce, master.id());
    }

    private byte[] unwrap(String connectionId, String field, SealedSecret sealed) {
        MasterKey master = keys.get(sealed.keyId());
        if (master == null) {
            throw new VaultException("the secret '" + field + "' of connection " + connectionId
                    + " was sealed with master key " + sealed.keyId() + ", which this instance does not have"
                    + " (its master key is " + current.id() + ")");
        }
        try {
            return gcm(Cipher.DECRYPT_MODE, master.key(), sealed.wrapNonce(),
                    binding(connectionId, field, master.id()), sealed.wrappedKey());
        } catch (AEADBadTagException e) {
            throw new VaultException("the data key of secret '" + field + "' of connection " + connectionId
                    + " does not unwrap: it was altered or belongs to another connection or field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] binding(String connectionId, String field, String keyId) {
        String purpose = keyId == null ? "secret" : "data-key:" + keyId;
        return ("junction/v1/" + purpose + "/" + connectionId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }
}
