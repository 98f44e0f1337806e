package dev.junction.backend.credentials;

import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.connections.ConnectionRepository;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The credentials vault: the master key from {@code JUNCTION_MASTER_KEY} or the key file, checked at start against
 * the key ids the stored secrets need, so that a wrong key stops the start with a message naming the variable.
 */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    @Bean
    ConnectionRepository connectionRepository(DSLContext db) {
        return new ConnectionRepository(db);
    }

    @Bean
    dev.junction.db.connections.RateLimitBuckets rateLimitBuckets(DSLContext db) {
        return new dev.junction.db.connections.RateLimitBuckets(db);
    }

    @Bean
    MasterKeySource masterKeySource(@Value("${junction.vault.master-key:}") String variable,
                                    @Value("${junction.vault.key-file}") Path keyFile) {
        return new MasterKeySource(variable, keyFile, new SecureRandom());
    }

    @Bean
    Vault vault(MasterKeySource source, ConnectionRepository connections, AlertChannelRepository alertChannels) {
        MasterKey key = source.load();
        Map<String, Integer> needed = new java.util.TreeMap<>(connections.secretsByKeyId());
        alertChannels.secretsByKeyId().forEach((keyId, count) -> needed.merge(keyId, count, Integer::sum));
        if (!source.fromVariable()) {
            try {
                key = new MasterKeyRing(source.keyFile()).settle(key, needed.keySet());
            } catch (java.io.IOException e) {
                throw new MasterKeyException("an interrupted key rotation cannot be finished next to "
                        + source.keyFile() + ": " + e.getMessage());
            }
        }
        MasterKey loaded = key;
        List<String> unknown = needed.keySet().stream().filter(id -> !id.equals(loaded.id())).toList();
        if (!unknown.isEmpty()) {
            String origin = source.fromVariable() ? MasterKeySource.VARIABLE
                    : "the key file " + source.keyFile() + " (" + MasterKeySource.VARIABLE + " is unset)";
            throw new MasterKeyException("the master key from " + origin + " has id " + key.id() + ", but stored"
                    + " secrets were sealed with " + unknown.stream().map(id -> id + " (" + needed.get(id) + ")")
                    .collect(Collectors.joining(", ")) + ". Start with the master key they were sealed with.");
        }
        return new Vault(key, List.of(), new SecureRandom());
    }

    /** {@code --junction.vault.rotate=true}: rotates the master key once the application has started. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "junction.vault.rotate",
            havingValue = "true")
    org.springframework.boot.ApplicationRunner rotateMasterKeyAtStart(VaultKeyRotation rotation,
            @Value("${junction.vault.new-master-key:}") String newKey) {
        return arguments -> rotation.rotateAtStart(newKey);
    }
}
