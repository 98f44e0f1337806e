package dev.junction.db.users;

import java.util.Set;
import java.util.UUID;

/** A person who signs in to Junction. The password is kept only as an encoder hash. */
public record UserAccount(UUID id, String username, String displayName, String passwordHash, boolean enabled,
                          Set<Role> roles) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
