package cn.yn.employment.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserExport;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.accounts.UserView;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Issue 20 §3 on the user list: enterprise names, 停用 with confirmation, the last administrator, Excel export. */
class UserListTest extends FoundationTest {

    @Autowired ApplicationContext ctx;
    @Autowired AccountService accounts;
    @Autowired UserExport exporter;
    @Autowired JdbcTemplate jdbc;

    private CurrentUser admin;

    @BeforeEach
    void setUp() {
        KaribuSpring.setup(ctx);
        Long id = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
        admin = new CurrentUser(id, "admin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());
        KaribuSpring.signIn(admin);
    }

    @AfterEach
    void tearDown() {
        jdbc.update("update app_user set enabled = true where username = 'admin'");
        KaribuSpring.tearDown();
    }

    private UserView create(String username, Set<Role> roles, Scope scope) {
        return accounts.create(new UserForm(username, username + " 测试", null, null, roles, scope, "Passw0rd!2026x"));
    }

    @Test
    void theListNamesEnterprisesAndDisablingAsksFirstAndSaysWhatHappened() {
        Long enterpriseId = jdbc.queryForObject("select min(id) from enterprise", Long.class);
        String name = jdbc.queryForObject("select name from enterprise where id = ?", String.class, enterpriseId);
        create("ule-ent-user", EnumSet.of(Role.ENTERPRISE), Scope.enterprise(enterpriseId));
        UserView victim = create("ule-victim", EnumSet.of(Role.CITY_REVIEWER), Scope.city("530100"));

        UserAdminView view = KaribuSpring.view(ctx, UserAdminView.class);
        view.search.setValue("ule-");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        int row = GridKt._findAll(view.grid).indexOf(GridKt._findAll(view.grid).stream()
                .filter(u -> u.username().equals("ule-ent-user")).findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("企业 · " + name).noneMatch(c -> c.contains("#"));
        int cityRow = 1 - row;
        assertThat(GridKt._getFormattedRow(view.grid, cityRow)).contains("昆明市");

        ConfirmDialog d = view.confirmDisable(victim);
        assertThat(d.isOpened()).isTrue();
        assertThat(accounts.get(victim.id()).enabled()).as("nothing happens before the confirmation").isTrue();
        d.close();
        d = view.confirmDisable(victim);
        com.vaadin.flow.component.ComponentUtil.fireEvent(d, new ConfirmDialog.ConfirmEvent(d, false));
        assertThat(accounts.get(victim.id()).enabled()).isFalse();
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("已停用用户 ule-victim");
    }

    @Test
    void nobodyDisablesThemselvesOrTheLastActiveAdministrator() {
        assertThatThrownBy(() -> accounts.setEnabled(admin.id(), false)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("accounts.user.cannotDisableSelf");
        jdbc.update("update app_user set enabled = false where username <> 'admin' and id in"
                + " (select user_id from app_user_role where role = 'SYSTEM_ADMIN')");
        UserView second = create("ul-admin2", EnumSet.of(Role.SYSTEM_ADMIN), Scope.system());
        // the second administrator disables the first, whose session is still open
        KaribuSpring.signIn(new CurrentUser(second.id(), second.username(), second.displayName(), Set.of(Role.SYSTEM_ADMIN), Scope.system()));
        accounts.setEnabled(admin.id(), true);
        accounts.setEnabled(admin.id(), false);
        KaribuSpring.signIn(admin);
        assertThatThrownBy(() -> accounts.setEnabled(second.id(), false)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("accounts.user.lastAdministrator");
        assertThatThrownBy(() -> accounts.update(second.id(), new UserForm(second.username(), "改名", null, null,
                EnumSet.of(Role.LEADER), Scope.province(), null)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("accounts.user.lastAdministrator");
        assertThat(accounts.get(second.id()).enabled()).isTrue();
        accounts.setEnabled(admin.id(), true);
        accounts.setEnabled(second.id(), false);
        assertThat(accounts.get(second.id()).enabled()).isFalse();
    }

    @Test
    void excelExportOfTheSearchIsForAdministratorsOnly() throws Exception {
        create("ulx-one", EnumSet.of(Role.LEADER), Scope.city("530300"));
        create("ulx-two", EnumSet.of(Role.PROVINCE_REVIEWER, Role.LEADER), Scope.province());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(exporter.write("ulx-", Locale.SIMPLIFIED_CHINESE, out)).isEqualTo(2);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row header = wb.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("用户名");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("曲靖市");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        KaribuSpring.signIn(new CurrentUser(999, "km", "km", Set.of(Role.CITY_REVIEWER), Scope.city("530100")));
        assertThatThrownBy(() -> exporter.write("", Locale.SIMPLIFIED_CHINESE, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
