package cn.yn.employment.statistics.ui;

import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.statistics.Figures;
import cn.yn.employment.statistics.Overview;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsService;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;

/** Key figures of the latest period on the leader's home page. */
@org.springframework.stereotype.Component
class LeaderHomePanel implements HomePanel {

    private final StatisticsService statistics;
    private final Translations i18n;

    LeaderHomePanel(StatisticsService statistics, Translations i18n) {
        this.statistics = statistics;
        this.i18n = i18n;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean appliesTo(CurrentUser user) {
        return user.has(Role.LEADER);
    }

    @Override
    public com.vaadin.flow.component.Component create(CurrentUser user) {
        Locale locale = UI.getCurrent() == null ? Translations.CHINESE : UI.getCurrent().getLocale();
        Div panel = new Div();
        panel.setId("statistics-home-panel");
        java.util.Optional<String> latest = statistics.defaultPeriod();
        if (latest.isEmpty()) {
            panel.add(new H2(i18n.getTranslation("statistics.noPeriod", locale)));
            return panel;
        }
        String period = latest.get();
        Overview o = statistics.overview(period, StatisticsFilter.all());
        Figures f = o.figures();
        String na = i18n.getTranslation("statistics.kpi.na", locale);
        java.util.function.Function<String, String> t = k -> i18n.getTranslation(k, locale);
        Div cards = new Div();
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        java.util.function.BiFunction<String, Object[], String> ta = (k, args) -> i18n.getTranslation(k, locale, args);
        cards.add(FigureWidgets.kpi("home-monitored", "statistics.kpi.monitored", Long.toString(f.monitored()), null, t),
                FigureWidgets.defined("home-submission", "reporting.submissionRate", FigureWidgets.pctText(f.submissionRate(), na),
                        ta.apply("statistics.kpi.detail.submission", new Object[] {f.reported(), f.due()}), ta),
                FigureWidgets.defined("home-review", "reporting.reviewRate", FigureWidgets.pctText(f.reviewRate(), na),
                        ta.apply("statistics.kpi.detail.review", new Object[] {f.accepted(), f.due()}), ta),
                FigureWidgets.kpi("home-headcount", "statistics.kpi.headcount", f.noHeadcounts() ? na : Long.toString(f.headcount()), null, t),
                FigureWidgets.kpi("home-change", "statistics.kpi.change", FigureWidgets.pctText(f.changeRate(), na), null, t),
                FigureWidgets.kpi("home-mom", "statistics.kpi.mom", FigureWidgets.pctText(o.monthOnMonth().rate(), na), null, t),
                FigureWidgets.kpi("home-warnings", "statistics.kpi.warnings", Long.toString(o.warnings()), null, t));
        RouterLink open = new RouterLink(i18n.getTranslation("statistics.home.open", locale), DashboardView.class);
        panel.add(new H2(i18n.getTranslation("statistics.home.title", locale, period)));
        if (o.provisional()) {
            panel.add(FigureWidgets.provisionalBanner(o, "home-provisional", ta));
        }
        panel.add(cards, open);
        return panel;
    }
}
