package dev.junction.backend.credentials;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The vault's admin action over REST: rotate the master key (re-wraps every data key, while the app runs). */
@RestController
class VaultController {

    private final VaultKeyRotation rotation;

    VaultController(VaultKeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/v1/vault/rotate")
    VaultKeyRotation.Rotated rotate() {
        return rotation.rotate();
    }
}
