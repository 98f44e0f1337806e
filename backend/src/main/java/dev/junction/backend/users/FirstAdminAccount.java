package dev.junction.backend.users;

import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Set;

/**
 * On a database with no users, creates {@code admin} (role ADMIN) so that someone can sign in. Its password comes
 * from {@code JUNCTION_ADMIN_PASSWORD}; when that is unset, a random one is generated and printed once in the log.
 */
@Component
class FirstAdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminAccount.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();

    FirstAdminAccount(UserRepository users, PasswordEncoder passwords,
                      @Value("${junction.admin.password:}") String configuredPassword) {
        this.users = users;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (users.insert(USERNAME, "Administrator", passwords.encode(password), Set.of(Role.ADMIN)).isEmpty()) {
            return; // another Junction node sharing this database created it at the same moment
        }
        if (generated) {
            log.warn("""

                    ==========================================================================
                      Junction created the first user.  user: {}   password: {}
                      This password is shown only now. Set JUNCTION_ADMIN_PASSWORD before the
                      first start to choose it yourself.
                    ==========================================================================""",
                    USERNAME, password);
        } else {
            log.info("Junction created the first user '{}' with the password from JUNCTION_ADMIN_PASSWORD", USERNAME);
        }
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
