package cn.yn.employment.ui;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shell: header with the product name, the user and role, language switch, bell slot and logout; side navigation by role. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext authContext;
    private final H1 viewTitle = new H1();

    public MainLayout(AuthenticationContext authContext, CurrentUserProvider users, List<MenuEntry> entries,
                      List<HeaderWidget> headerWidgets) {
        this.authContext = authContext;
        CurrentUser user = users.require();
        setPrimarySection(Section.DRAWER);
        addClassName("ems-shell");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("ui.menu.toggle"));
        viewTitle.addClassName("ems-view-title");
        HorizontalLayout header = new HorizontalLayout(toggle, viewTitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("ems-header");
        Div spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        headerWidgets.stream().filter(w -> w.appliesTo(user)).forEach(w -> header.add(w.create(user)));
        header.add(languageSwitch(), userMenu(user));
        // the skip link is the first focusable element of every page (GB/T 37668; docs/accessibility.md)
        header.addComponentAsFirst(SkipToContent.link());
        header.getElement().setAttribute("role", "banner");
        addToNavbar(header);

        Span appName = new Span(getTranslation("app.title"));
        appName.addClassName("ems-app-name");
        Span appSub = new Span(getTranslation("app.subtitle"));
        appSub.addClassName("ems-app-sub");
        Div brand = new Div(appName, appSub);
        brand.addClassName("ems-brand");

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("ui.menu.home"), "", VaadinIcon.HOME.create()));
        entries.stream().filter(e -> e.visibleTo(user)).sorted(Comparator.comparingInt(MenuEntry::order))
                .forEach(e -> nav.addItem(new SideNavItem(getTranslation(e.labelKey()), e.path(), e.icon().create())));
        Scroller scroller = new Scroller(nav);
        nav.getElement().setAttribute("aria-label", getTranslation("ui.menu.navigation"));
        Div drawer = new Div(brand, scroller);
        drawer.addClassName("ems-drawer");
        drawer.getElement().setAttribute("role", "navigation");
        drawer.getElement().setAttribute("aria-label", getTranslation("ui.menu.navigation"));
        addToDrawer(drawer);
    }

    private Component languageSwitch() {
        Locale locale = VaadinSession.getCurrent() != null ? VaadinSession.getCurrent().getLocale() : Translations.CHINESE;
        boolean english = locale != null && "en".equals(locale.getLanguage());
        // each bundle names the other language in that language (ui.language.other)
        Button b = new Button(getTranslation("ui.language.other"), e -> {
            Locale next = english ? Translations.CHINESE : Translations.ENGLISH;
            VaadinSession.getCurrent().setLocale(next);
            UI.getCurrent().getPage().executeJs("document.cookie='ems-lang=' + $0 + ';path=/;max-age=31536000;SameSite=Lax'",
                    next.getLanguage());
            UI.getCurrent().getPage().reload();
        });
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        b.setId("language-switch");
        return b;
    }

    private Component userMenu(CurrentUser user) {
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String roles = user.roles().stream().sorted().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(" / "));
        // name and roles apart, so that a phone's header can drop the roles and shorten the name (styles.css)
        Span name = new Span(user.displayName());
        name.addClassName("ems-user-name");
        Span roleText = new Span(" · " + roles);
        roleText.addClassName("ems-user-roles");
        Span who = new Span(name, roleText);
        who.addClassName("ems-user");
        who.getElement().setAttribute("title", user.displayName() + " · " + roles);
        MenuItem item = bar.addItem(who);
        item.setId("user-menu");
        SubMenu sub = item.getSubMenu();
        sub.addItem(getTranslation("ui.user.changePassword"), e -> UI.getCurrent().navigate("account/password"));
        sub.addItem(getTranslation("ui.user.logout"), e -> authContext.logout());
        return bar;
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            SkipToContent.markMain(content.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component content = getContent();
        String title = content instanceof HasViewTitle t ? t.viewTitle() : "";
        viewTitle.setText(title);
        String pageTitle = title.isEmpty() ? getTranslation("app.title") : title + " - " + getTranslation("app.short");
        // after the router, which blanks the title of a view without @PageTitle (axe: document-title)
        UI ui = UI.getCurrent();
        ui.beforeClientResponse(this, context -> ui.getPage().setTitle(pageTitle));
    }

    static boolean holds(CurrentUser u, Role r) {
        return u.has(r);
    }
}
