package dev.junction.backend.credentials;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.alerts.channels.ChannelSecrets;
import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.alerts.channels.ChannelSecretRow;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.SecretRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Master key rotation while the app runs: a new master key re-wraps every data key in one transaction (the secret
 * values are not re-encrypted). Connector calls go on meanwhile: until the commit they read the old rows, which
 * the old key (kept in memory) still opens; afterwards the new ones.
 */
@Service
public class VaultKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(VaultKeyRotation.class);

    private final Vault vault;
    private final MasterKeySource source;
    private final ConnectionRepository connections;
    private final AlertChannelRepository alertChannels;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    VaultKeyRotation(Vault vault, MasterKeySource source, ConnectionRepository connections,
                     AlertChannelRepository alertChannels, AuditTrail audit, TransactionTemplate transactions) {
        this.vault = vault;
        this.source = source;
        this.connections = connections;
        this.alertChannels = alertChannels;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The outcome of a rotation: the old and new key ids and how many secrets were re-wrapped. */
    public record Rotated(String fromKeyId, String toKeyId, int secrets) {
    }

    /**
     * Rotates to a fresh key kept in the key file. Refused (with what to do instead) when the key comes from
     * {@code JUNCTION_MASTER_KEY}: the operator then owns the key and rotates with {@link #rotateTo}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Rotated rotate() {
        return rotateKeyFile();
    }

    /** What {@code --junction.vault.rotate=true} does at start: the key file's rotation, or to the given new key. */
    public Rotated rotateAtStart(String newKeyBase64) {
        if (!source.fromVariable()) {
            return rotateKeyFile();
        }
        if (newKeyBase64 == null || newKeyBase64.isBlank()) {
            throw new MasterKeyException("--junction.vault.rotate=true with " + MasterKeySource.VARIABLE + " needs the"
                    + " new key in JUNCTION_NEW_MASTER_KEY (base64 of 32 random bytes)");
        }
        MasterKey next;
        try {
            next = MasterKey.fromBase64(newKeyBase64);
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException("JUNCTION_NEW_MASTER_KEY is not a master key: its value " + e.getMessage());
        }
        Rotated rotated = rotateTo(next);
        log.warn("The secrets are now sealed with the key in JUNCTION_NEW_MASTER_KEY (id {}): set {} to it and unset"
                + " JUNCTION_NEW_MASTER_KEY before the next start.", next.id(), MasterKeySource.VARIABLE);
        return rotated;
    }

    private synchronized Rotated rotateKeyFile() {
        if (source.fromVariable()) {
            throw new ConflictException("keySource", "The master key comes from " + MasterKeySource.VARIABLE + ", so Junction"
                    + " cannot replace it: restart with JUNCTION_NEW_MASTER_KEY set to a new key and the flag"
                    + " --junction.vault.rotate=true, then set " + MasterKeySource.VARIABLE + " to the new key.");
        }
        MasterKeyRing ring = new MasterKeyRing(source.keyFile());
        MasterKey next;
        try {
            next = ring.prepare(random);
        } catch (IOException e) {
            throw new UncheckedIOException("the new master key cannot be written next to " + source.keyFile(), e);
        }
        Rotated rotated;
        try {
            rotated = rewrapAll(next);
        } catch (RuntimeException e) {
            try {
                ring.abandon();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try {
            ring.promote();
        } catch (IOException e) {
            throw new UncheckedIOException("the secrets are re-wrapped with key " + next.id() + ", kept in "
                    + ring.next() + "; moving it over " + source.keyFile() + " failed (the next start does it)", e);
        }
        return rotated;
    }

    /** Re-wraps every data key with {@code next} in one transaction, and makes it the vault's current key. */
    public synchronized Rotated rotateTo(MasterKey next) {
        return rewrapAll(next);
    }

    private Rotated rewrapAll(MasterKey next) {
        MasterKey previous = vault.current();
        vault.use(next, List.of(previous));
        try {
            int count = transactions.execute(status -> {
                List<SecretRow> secrets = connections.allSecretsForUpdate();
                for (SecretRow row : secrets) {
                    SealedSecret rewrapped = vault.rewrap(row.connectionId(), row.field(), new SealedSecret(
                            row.ciphertext(), row.nonce(), row.wrappedKey(), row.wrapNonce(), row.keyId()));
                    connections.rewrap(new SecretRow(row.connectionId(), row.field(), row.ciphertext(), row.nonce(),
                            rewrapped.wrappedKey(), rewrapped.wrapNonce(), rewrapped.keyId()));
                }
                // alert channels' secrets are sealed with the same vault (bound to "alert-channel/<id>")
                List<ChannelSecretRow> channelSecrets = alertChannels.allSecretsForUpdate();
                for (ChannelSecretRow row : channelSecrets) {
                    String owner = ChannelSecrets.owner(row.channelId());
                    SealedSecret rewrapped = vault.rewrap(owner, row.field(), new SealedSecret(row.ciphertext(),
                            row.nonce(), row.wrappedKey(), row.wrapNonce(), row.keyId()));
                    alertChannels.rewrap(new ChannelSecretRow(row.channelId(), row.field(), row.ciphertext(),
                            row.nonce(), rewrapped.wrappedKey(), rewrapped.wrapNonce(), rewrapped.keyId()));
                }
                int total = secrets.size() + channelSecrets.size();
                audit.record("vault.key_rotated", "vault", next.id(), Map.of("from", previous.id(),
                        "to", next.id(), "secrets", total));
                return total;
            });
            log.info("Master key rotated from {} to {}: {} data keys re-wrapped", previous.id(), next.id(), count);
            return new Rotated(previous.id(), next.id(), count);
        } catch (RuntimeException e) {
            vault.use(previous, List.of(next));
            throw e;
        }
    }
}
