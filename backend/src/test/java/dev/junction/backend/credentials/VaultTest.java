package dev.junction.backend.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultTest {

    private final SecureRandom random = new SecureRandom();
    private final MasterKey master = MasterKey.generate(random);
    private final Vault vault = new Vault(master, List.of(), random);

    @Test
    void sealsWithAFreshDataKeyAndOpensAgain() {
        SealedSecret first = vault.seal("opayo-live", "integrationPassword", "s3cret-päss");
        SealedSecret second = vault.seal("opayo-live", "integrationPassword", "s3cret-päss");

        assertThat(vault.open("opayo-live", "integrationPassword", first)).isEqualTo("s3cret-päss");
        assertThat(first.keyId()).isEqualTo(master.id());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.toString()).doesNotContain("s3cret");
    }

    @Test
    void aFlippedByteAnywhereFailsToOpen() {
        SealedSecret sealed = vault.seal("c1", "apiKey", "value-1234");
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[0] ^= 1;
        byte[] wrapped = sealed.wrappedKey().clone();
        wrapped[wrapped.length - 1] ^= 1;

        assertThatThrownBy(() -> vault.open("c1", "apiKey", new SealedSecret(ciphertext, sealed.nonce(),
                sealed.wrappedKey(), sealed.wrapNonce(), sealed.keyId()))).isInstanceOf(VaultException.class)
                .hasMessageContaining("altered").hasMessageNotContaining("value-1234");
        assertThatThrownBy(() -> vault.open("c1", "apiKey", new SealedSecret(sealed.ciphertext(), sealed.nonce(),
                wrapped, sealed.wrapNonce(), sealed.keyId()))).isInstanceOf(VaultException.class);
    }

    @Test
    void aSecretIsBoundToItsConnectionAndField() {
        SealedSecret sealed = vault.seal("c1", "apiKey", "value-1234");

        assertThatThrownBy(() -> vault.open("c2", "apiKey", sealed)).isInstanceOf(VaultException.class)
                .hasMessageContaining("another connection or field");
        assertThatThrownBy(() -> vault.open("c1", "password", sealed)).isInstanceOf(VaultException.class);
    }

    @Test
    void anotherMasterKeyCannotOpenButARotationRewrapsWithoutTouchingTheValue() {
        SealedSecret sealed = vault.seal("c1", "apiKey", "value-1234");
        MasterKey next = MasterKey.generate(random);
        Vault stranger = new Vault(next, List.of(), random);

        assertThatThrownBy(() -> stranger.open("c1", "apiKey", sealed)).isInstanceOf(VaultException.class)
                .hasMessageContaining(master.id()).hasMessageContaining(next.id());

        Vault rotating = new Vault(next, List.of(master), random);
        SealedSecret rewrapped = rotating.rewrap("c1", "apiKey", sealed);
        assertThat(rewrapped.keyId()).isEqualTo(next.id());
        assertThat(rewrapped.ciphertext()).isEqualTo(sealed.ciphertext());
        assertThat(stranger.open("c1", "apiKey", rewrapped)).isEqualTo("value-1234");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/master.key");
        MasterKey created = new MasterKeySource("", file, random).load();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new MasterKeySource("", file, random).load().id()).isEqualTo(created.id());
        assertThat(new MasterKeySource(created.toBase64(), dir.resolve("unused"), random).load().id())
                .isEqualTo(created.id());
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    @Test
    void aMalformedKeyIsAClearErrorNamingTheVariableOrFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new MasterKeySource("not-base64!", dir.resolve("k"), random).load())
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("JUNCTION_MASTER_KEY")
                .hasMessageContaining("not base64").hasMessageNotContaining("not-base64!");
        assertThatThrownBy(() -> new MasterKeySource("c2hvcnQ=", dir.resolve("k"), random).load())
                .hasMessageContaining("decodes to 5 bytes");
        Path damaged = dir.resolve("damaged.key");
        Files.writeString(damaged, "abc");
        assertThatThrownBy(() -> new MasterKeySource("", damaged, random).load())
                .isInstanceOf(MasterKeyException.class).hasMessageContaining(damaged.toString());
    }

    @Test
    void aStartAfterAnInterruptedRotationKeepsTheKeyTheDatabaseUses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey old = new MasterKeySource("", file, random).load();
        MasterKeyRing ring = new MasterKeyRing(file);

        MasterKey committed = ring.prepare(random);
        assertThat(ring.settle(old, java.util.Set.of(committed.id())).id()).as("re-wrap committed")
                .isEqualTo(committed.id());
        assertThat(MasterKey.fromBase64(Files.readString(file)).id()).isEqualTo(committed.id());
        assertThat(ring.next()).doesNotExist();

        ring.prepare(random);
        assertThat(ring.settle(committed, java.util.Set.of(committed.id())).id()).as("re-wrap rolled back")
                .isEqualTo(committed.id());
        assertThat(ring.next()).doesNotExist();
        assertThat(MasterKey.fromBase64(Files.readString(file)).id()).isEqualTo(committed.id());
    }
}
