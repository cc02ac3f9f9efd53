package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation has no users, and only a system administrator can create them. When no enabled system
 * administrator exists, this creates one from {@code EMS_ADMIN_USERNAME} (default {@code admin}) and
 * {@code EMS_ADMIN_INITIAL_PASSWORD}; the password must pass the password policy and has to be changed at the first
 * login. Without the variable it only says what to do. Runs after the demo seeding, and is harmless on every later
 * start and on several nodes starting at once (the username is unique).
 */
@Component
@Order(1000)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String username;
    private final String initialPassword;

    FirstAdministrator(AppUserRepository users, PasswordEncoder encoder, AuditLog audit, Clock clock,
                       PlatformTransactionManager txManager,
                       @Value("${app.bootstrap.admin-username:admin}") String username,
                       @Value("${app.bootstrap.admin-initial-password:}") String initialPassword) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.username = username.trim();
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.countEnabledWithRole(Role.SYSTEM_ADMIN) > 0) {
            return;
        }
        if (initialPassword.isBlank()) {
            log.warn("No system administrator exists. Set EMS_ADMIN_INITIAL_PASSWORD (and optionally EMS_ADMIN_USERNAME) and"
                    + " restart one node to create the first one; it must change the password at its first login.");
            return;
        }
        List<String> violations = PasswordPolicy.violations(username, initialPassword);
        if (!violations.isEmpty()) {
            log.error("EMS_ADMIN_INITIAL_PASSWORD is not accepted by the password policy ({}); no administrator created", violations);
            return;
        }
        try {
            tx.executeWithoutResult(s -> create());
            log.info("first system administrator '{}' created; the password must be changed at the first login", username);
        } catch (DataIntegrityViolationException e) {
            log.info("first system administrator '{}' already created by another node", username);
        }
    }

    private void create() {
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new IllegalStateException("user '" + username + "' exists but is no enabled system administrator;"
                    + " choose another EMS_ADMIN_USERNAME");
        }
        AppUser admin = new AppUser(username, encoder.encode(initialPassword), "系统管理员", EnumSet.of(Role.SYSTEM_ADMIN),
                Scope.system(), clock.instant());
        admin.changePassword(admin.getPasswordHash(), clock.instant(), true);
        users.save(admin);
        audit.recordAs("installer", "USER_CREATED", "user", username, null,
                Map.of("roles", "SYSTEM_ADMIN", "bootstrap", true));
    }
}
