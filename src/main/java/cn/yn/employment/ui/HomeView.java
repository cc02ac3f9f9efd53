package cn.yn.employment.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/** Everyone's landing page: a greeting, the panels modules contribute for the user's roles, and shortcuts. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasViewTitle {

    public HomeView(CurrentUserProvider users, List<HomePanel> panels, List<MenuEntry> entries,
                    org.springframework.beans.factory.ObjectProvider<cn.yn.employment.common.RegionNames> regions) {
        CurrentUser user = users.require();
        addClassName("ems-home");
        setId("home-" + user.roles().stream().sorted().findFirst().map(Enum::name).orElse("NONE").toLowerCase());
        H2 hello = new H2(getTranslation("home.hello", user.displayName()));
        Paragraph scope = new Paragraph(scopeLine(user, regions.getIfAvailable()));
        scope.setId("home-scope");
        scope.addClassName("ems-muted");
        add(hello, scope);
        panels.stream().filter(p -> p.appliesTo(user)).sorted(Comparator.comparingInt(HomePanel::order))
                .forEach(p -> add(p.create(user)));

        Div shortcuts = new Div();
        shortcuts.addClassName("ems-shortcuts");
        entries.stream().filter(e -> e.visibleTo(user)).sorted(Comparator.comparingInt(MenuEntry::order)).forEach(e -> {
            RouterLink link = new RouterLink();
            link.setRoute(com.vaadin.flow.router.RouteConfiguration.forSessionScope()
                    .getRoute(e.path()).orElse(HomeView.class));
            link.add(e.icon().create(), new com.vaadin.flow.component.html.Span(getTranslation(e.labelKey())));
            link.addClassName("ems-shortcut");
            shortcuts.add(link);
        });
        add(new H2(getTranslation("home.shortcuts")), shortcuts);
    }

    @Override
    public String viewTitle() {
        return getTranslation("home.title");
    }

    /** The scope line with the region's name, not its code (key {@code home.scope.CITY.named}; the code only when no code table is there). */
    private String scopeLine(CurrentUser user, cn.yn.employment.common.RegionNames regions) {
        String code = user.scope().code();
        if (user.scope().type() == cn.yn.employment.common.security.ScopeType.CITY && code != null && regions != null) {
            return getTranslation("home.scope.CITY.named", regions.nameOf(code));
        }
        return getTranslation("home.scope." + user.scope().type().name(), code == null ? "" : code);
    }
}
