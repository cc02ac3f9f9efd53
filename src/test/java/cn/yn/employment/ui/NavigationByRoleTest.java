package cn.yn.employment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.accounts.ui.ChangePasswordView;
import cn.yn.employment.accounts.ui.UserAdminView;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.demo.DemoAccounts;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import cn.yn.employment.audit.ui.AuditView;
import cn.yn.employment.codes.ui.CodeTablesView;
import cn.yn.employment.parameters.ui.ParametersView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class NavigationByRoleTest extends FoundationTest {

    @Autowired ApplicationContext ctx;
    @Autowired List<MenuEntry> entries;
    @Autowired CurrentUserProvider users;

    @BeforeEach
    void setUp() {
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theLoginViewRendersWithoutSigningIn() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    /** A menu entry leads to a route, and exactly the roles the route allows see the entry. */
    @Test
    void everyMenuEntryIsARouteAllowedToExactlyTheRolesThatSeeIt() {
        com.vaadin.flow.router.RouteConfiguration routes = com.vaadin.flow.router.RouteConfiguration.forApplicationScope();
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            Class<? extends com.vaadin.flow.component.Component> view = routes.getRoute(entry.path())
                    .orElseThrow(() -> new AssertionError("menu entry " + entry.path() + " has no route"));
            jakarta.annotation.security.RolesAllowed allowed = view.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
            assertThat(allowed).as("@RolesAllowed on " + view.getSimpleName()).isNotNull();
            assertThat(java.util.Set.of(allowed.value())).as(entry.path())
                    .isEqualTo(entry.roles().stream().map(r -> r.name()).collect(java.util.stream.Collectors.toSet()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER, DemoAccounts.PROVINCE_REVIEWER,
            DemoAccounts.LEADER, DemoAccounts.PROCESS_ADMIN, DemoAccounts.SYSTEM_ADMIN})
    void eachRoleLandsOnHomeAndSeesExactlyItsEntries(String username) {
        KaribuSpring.login(ctx, username);
        UI.getCurrent().navigate("");
        _get(HomeView.class);
        CurrentUser me = users.require();
        List<String> expected = entries.stream().filter(e -> e.visibleTo(me)).sorted(Comparator.comparingInt(MenuEntry::order))
                .map(e -> e.path()).toList();
        List<String> shown = _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
        assertThat(shown.get(0)).isEmpty();
        assertThat(shown.subList(1, shown.size())).containsExactlyElementsOf(expected);
        assertThat(_find(SideNavItem.class)).allSatisfy(i -> assertThat(i.getLabel()).doesNotStartWith("!"));
        if (username.equals(DemoAccounts.SYSTEM_ADMIN)) {
            assertThat(expected).contains("admin/users", "admin/audit", "admin/parameters", "admin/codes", "admin/outbox");
        } else {
            assertThat(expected).doesNotContain("admin/users", "admin/audit", "admin/parameters", "admin/codes", "admin/outbox");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER, DemoAccounts.LEADER, DemoAccounts.PROCESS_ADMIN})
    void withoutTheSystemAdministratorRoleTheAdminViewsAreRefused(String username) {
        KaribuSpring.login(ctx, username);
        Map<String, Class<?>> views = Map.of("admin/users", UserAdminView.class, "admin/audit", AuditView.class,
                "admin/parameters", ParametersView.class, "admin/codes", CodeTablesView.class,
                "admin/outbox", cn.yn.employment.notice.ui.OutboxView.class);
        views.forEach((route, view) -> {
            KaribuSpring.tearDown();
            KaribuSpring.setup(ctx);
            KaribuSpring.login(ctx, username);
            Throwable refused = null;
            try {
                UI.getCurrent().navigate(route);
            } catch (Throwable e) {
                refused = e;
            }
            // Karibu may report Vaadin's access-denied reroute as an error; in any case the view must not be shown
            if (refused != null) {
                assertThat(refused).as(route).hasStackTraceContaining("AccessDeniedException");
            }
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).as(route).isNotEmpty();
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).as(route).noneMatch(view::isInstance);
        });
    }

    @Test
    void vaadinClosesIdleSessionsSoHeartbeatsDoNotDefeatTheTimeout() {
        assertThat(com.vaadin.flow.server.VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    @Test
    void theSystemAdministratorOpensTheUserAdministration() {
        KaribuSpring.login(ctx, DemoAccounts.SYSTEM_ADMIN);
        UI.getCurrent().navigate("admin/users");
        _get(UserAdminView.class);
    }

    @Test
    void changePasswordShowsTheRuleAtTheFieldForAWeakPassword() {
        KaribuSpring.login(ctx, DemoAccounts.LEADER);
        UI.getCurrent().navigate("account/password");
        _get(ChangePasswordView.class);
        PasswordField current = _get(PasswordField.class, spec -> spec.withId("current-password"));
        PasswordField fresh = _get(PasswordField.class, spec -> spec.withId("new-password"));
        PasswordField repeat = _get(PasswordField.class, spec -> spec.withId("repeat-password"));
        LocatorJ._setValue(current, DemoAccounts.PASSWORD);
        LocatorJ._setValue(fresh, "abc");
        LocatorJ._setValue(repeat, "abc");
        LocatorJ._click(_get(Button.class, spec -> spec.withId("save-password")));
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).contains("8");
        assertThat(current.isInvalid()).isFalse();
    }
}
