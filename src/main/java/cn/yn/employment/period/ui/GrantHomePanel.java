package cn.yn.employment.period.ui;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.period.LateFilingGrant;
import cn.yn.employment.period.LateFilingService;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The enterprise's home page: its active late-filing grants with their expiry. Hidden when there are none. */
@org.springframework.stereotype.Component
class GrantHomePanel implements HomePanel {

    private final LateFilingService grants;

    GrantHomePanel(LateFilingService grants) {
        this.grants = grants;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return user.has(Role.ENTERPRISE);
    }

    @Override
    public Component create(CurrentUser user) {
        List<LateFilingGrant> active = grants.myActiveGrants();
        Div panel = new Div();
        panel.setId("late-filing-grants");
        panel.addClassName("ems-panel");
        panel.setVisible(!active.isEmpty());
        panel.add(new H3(panel.getTranslation("calendar.grant.panel.title")));
        for (LateFilingGrant g : active) {
            Span line = new Span(panel.getTranslation("calendar.grant.panel.line", g.periodCode(), Fmt.time(g.expiresAt())));
            line.getElement().getThemeList().add("badge warning");
            panel.add(new Div(line));
        }
        return panel;
    }
}
