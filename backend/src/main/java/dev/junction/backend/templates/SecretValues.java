package dev.junction.backend.templates;

import dev.junction.backend.credentials.SealedSecret;
import dev.junction.backend.credentials.Vault;
import dev.junction.backend.credentials.VaultException;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.SecretRow;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * The values of every connection secret of the installation, opened only to be compared with what a template would
 * carry (save as template strips each of them); never answered, logged or stored.
 */
@Component
class SecretValues {

    private final ConnectionRepository connections;
    private final Vault vault;

    SecretValues(ConnectionRepository connections, Vault vault) {
        this.connections = connections;
        this.vault = vault;
    }

    Set<String> all() {
        Set<String> values = new HashSet<>();
        for (var connection : connections.all()) {
            for (var state : connection.secrets()) {
                connections.secret(connection.id(), state.field()).ifPresent(row -> {
                    try {
                        String value = open(row);
                        if (value != null && !value.isEmpty()) {
                            values.add(value);
                        }
                    } catch (VaultException e) {
                        // a secret that does not open cannot be in a definition as text we could recognise
                    }
                });
            }
        }
        return values;
    }

    private String open(SecretRow row) {
        return vault.open(row.connectionId(), row.field(), new SealedSecret(row.ciphertext(), row.nonce(),
                row.wrappedKey(), row.wrapNonce(), row.keyId()));
    }
}
