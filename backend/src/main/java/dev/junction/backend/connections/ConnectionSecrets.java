package dev.junction.backend.connections;

import dev.junction.backend.credentials.SealedSecret;
import dev.junction.backend.credentials.Vault;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.SecretRow;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Connection secrets through the vault: sealed on the way in, opened only for a connector call. */
@Component
class ConnectionSecrets {

    private final ConnectionRepository connections;
    private final Vault vault;

    ConnectionSecrets(ConnectionRepository connections, Vault vault) {
        this.connections = connections;
        this.vault = vault;
    }

    void put(String connectionId, String field, String value, String actor) {
        SealedSecret sealed = vault.seal(connectionId, field, value);
        connections.putSecret(new SecretRow(connectionId, field, sealed.ciphertext(), sealed.nonce(),
                sealed.wrappedKey(), sealed.wrapNonce(), sealed.keyId()), actor);
    }

    Optional<String> open(String connectionId, String field) {
        return connections.secret(connectionId, field).map(row -> vault.open(connectionId, field,
                new SealedSecret(row.ciphertext(), row.nonce(), row.wrappedKey(), row.wrapNonce(), row.keyId())));
    }
}
