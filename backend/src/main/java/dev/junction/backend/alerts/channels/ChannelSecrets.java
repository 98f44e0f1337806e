package dev.junction.backend.alerts.channels;

import dev.junction.backend.credentials.SealedSecret;
import dev.junction.backend.credentials.Vault;
import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.alerts.channels.ChannelSecretRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert channel secrets through the vault, sealed like connection secrets with {@code alert-channel/<id>} and the
 * field as associated data (so a channel secret never opens as a connection's, nor as another channel's).
 */
public final class ChannelSecrets {

    private final AlertChannelRepository channels;
    private final Vault vault;

    ChannelSecrets(AlertChannelRepository channels, Vault vault) {
        this.channels = channels;
        this.vault = vault;
    }

    /** What the vault binds a channel's secrets to. */
    public static String owner(UUID channelId) {
        return "alert-channel/" + channelId;
    }

    void put(UUID channelId, String field, String value, String actor) {
        SealedSecret sealed = vault.seal(owner(channelId), field, value);
        channels.putSecret(new ChannelSecretRow(channelId, field, sealed.ciphertext(), sealed.nonce(),
                sealed.wrappedKey(), sealed.wrapNonce(), sealed.keyId()), actor);
    }

    /** The opened secrets among {@code fields} that are set. */
    Map<String, String> open(UUID channelId, List<String> fields) {
        Map<String, String> opened = new LinkedHashMap<>();
        for (String field : fields) {
            channels.secret(channelId, field).ifPresent(row -> opened.put(field, vault.open(owner(channelId), field,
                    new SealedSecret(row.ciphertext(), row.nonce(), row.wrappedKey(), row.wrapNonce(),
                            row.keyId()))));
        }
        return opened;
    }
}
