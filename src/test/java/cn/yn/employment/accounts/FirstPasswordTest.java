package cn.yn.employment.accounts;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.accounts.ui.ChangePasswordView;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import cn.yn.employment.ui.HomeView;
import cn.yn.employment.ui.KaribuSpring;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/** A password someone else chose (installer, administrator reset) must be replaced before anything else. */
class FirstPasswordTest extends FoundationTest {

    @Autowired ApplicationContext ctx;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired AuditLog audit;
    @Autowired PlatformTransactionManager txManager;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired DemoRunner runner;

    @Test
    void aNewInstallationGetsItsFirstAdministratorOnlyWhenThereIsNoneAndOnlyOnce() {
        FirstAdministrator installer = installer("first-admin", "Install2026x");
        installer.run(new DefaultApplicationArguments());
        assertThat(users.findByUsernameIgnoreCase("first-admin")).as("the demo admin exists, so nothing is created").isEmpty();

        jdbc.update("update app_user set enabled = false where id in (select user_id from app_user_role where role = 'SYSTEM_ADMIN')");
        try {
            installer("first-admin", "short").run(new DefaultApplicationArguments());
            assertThat(users.findByUsernameIgnoreCase("first-admin")).as("a weak password is refused").isEmpty();

            installer.run(new DefaultApplicationArguments());
            installer.run(new DefaultApplicationArguments());
            AppUser admin = users.findByUsernameIgnoreCase("first-admin").orElseThrow();
            assertThat(admin.getRoles()).containsExactly(Role.SYSTEM_ADMIN);
            assertThat(admin.isMustChangePassword()).isTrue();
            assertThat(encoder.matches("Install2026x", admin.getPasswordHash())).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'first-admin'", Integer.class)).isEqualTo(1);
        } finally {
            jdbc.update("delete from app_user where username = 'first-admin'");
            jdbc.update("update app_user set enabled = true where id in (select user_id from app_user_role where role = 'SYSTEM_ADMIN')");
        }
    }

    @Test
    void aResetPasswordSendsTheUserToChangePasswordUntilItIsChanged() {
        String username = "reset-" + System.nanoTime();
        long id = runner.callAs(DemoAccounts.SYSTEM_ADMIN, () -> {
            long created = accounts.create(new UserForm(username, "重置测试", null, null, Set.of(Role.PROVINCE_REVIEWER),
                    Scope.province(), "Initial2026x")).id();
            accounts.resetPassword(created, "Reset2026xy");
            return created;
        });
        KaribuSpring.setup(ctx);
        try {
            KaribuSpring.login(ctx, username);
            UI.getCurrent().navigate("");
            _get(ChangePasswordView.class);
            assertThat(_get(Paragraph.class, s -> s.withId("must-change-password")).isVisible()).isTrue();
            UI.getCurrent().navigate("review/inbox");
            _get(ChangePasswordView.class);

            _setValue(_get(PasswordField.class, s -> s.withId("current-password")), "Reset2026xy");
            _setValue(_get(PasswordField.class, s -> s.withId("new-password")), "Chosen2026xy");
            _setValue(_get(PasswordField.class, s -> s.withId("repeat-password")), "Chosen2026xy");
            _click(_get(Button.class, s -> s.withId("save-password")));
            assertThat(_find(Paragraph.class, s -> s.withId("must-change-password"))).as("the reminder is hidden").isEmpty();
            assertThat(users.findById(id).orElseThrow().isMustChangePassword()).isFalse();
            UI.getCurrent().navigate("");
            _get(HomeView.class);
        } finally {
            KaribuSpring.tearDown();
        }
    }

    private FirstAdministrator installer(String username, String password) {
        return new FirstAdministrator(users, encoder, audit, clock, txManager, username, password);
    }
}
