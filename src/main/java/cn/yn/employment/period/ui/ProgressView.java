package cn.yn.employment.period.ui;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.period.ChaseLogEntry;
import cn.yn.employment.period.ChaseResult;
import cn.yn.employment.period.ChaseService;
import cn.yn.employment.period.NonReporter;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.ProgressRow;
import cn.yn.employment.period.ProgressService;
import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.ui.DefinedTerm;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * 上报进度: the province sees each city, a city reviewer each county of its city, with counts and rates; overdue
 * areas highlighted; drill-down to the non-reporters with contacts, and chasing (催报) selected or all of them.
 */
@Route(value = "progress", layout = MainLayout.class)
@RolesAllowed({Role.PROVINCE_REVIEWER_, Role.CITY_REVIEWER_, Role.LEADER_})
public class ProgressView extends VerticalLayout implements HasViewTitle {

    private final transient ProgressService progress;
    private final transient ChaseService chase;
    private final transient CodeService codes;
    private final transient ParameterService parameters;
    private final CurrentUser me;
    private final transient Clock clock;
    private final List<PeriodCalendarService.CalendarPeriod> periods;
    /** Calendar states in which submissions still arrive. */
    static final Set<String> OPEN_STATES = Set.of("SCHEDULED", "OPEN");
    private final boolean province;
    final ComboBox<String> period = new ComboBox<>();
    final Grid<ProgressRow> areas = new Grid<>();
    final Grid<NonReporter> nonReporters = new Grid<>();
    final Span totals = new Span();
    /** The {@code reporting.provisional} banner while the period's figures can still change. */
    final Span provisional = new Span();
    final Span nonReportersTitle = new Span();
    final Button chaseSelected = new Button();
    final Button chaseAll = new Button();
    final Grid<ChaseLogEntry> log = new Grid<>();
    private String selectedCity;
    private String selectedCounty;

    public ProgressView(ProgressService progress, ChaseService chase, PeriodCalendarService calendar, CodeService codes,
                        ParameterService parameters, CurrentUserProvider users, Clock clock) {
        this.progress = progress;
        this.chase = chase;
        this.codes = codes;
        this.parameters = parameters;
        this.me = users.require();
        this.clock = clock;
        this.province = me.scope().isProvince();
        setSizeFull();

        this.periods = calendar.periods().stream().filter(p -> !"SCHEDULED".equals(p.state())).toList();
        period.setLabel(getTranslation("calendar.progress.period"));
        period.setId("progress-period");
        period.setItems(periods.stream().map(PeriodCalendarService.CalendarPeriod::code).toList());
        period.setItemLabelGenerator(c -> c + " · " + periods.stream().filter(p -> p.code().equals(c)).findFirst()
                .map(p -> getTranslation("calendar.state." + p.state())).orElse(""));

        areas.setId("progress-grid");
        areas.addColumn(r -> codes.nameOf(CodeType.REGION, r.areaCode())).setHeader(getTranslation("calendar.progress.col.area")).setAutoWidth(true);
        areas.addColumn(ProgressRow::due).setHeader(new DefinedTerm("reporting.due")).setAutoWidth(true);
        areas.addColumn(ProgressRow::reported).setHeader(new DefinedTerm("reporting.reported")).setAutoWidth(true);
        areas.addColumn(ProgressRow::accepted).setHeader(new DefinedTerm("reporting.accepted")).setAutoWidth(true);
        areas.addColumn(ProgressRow::missing).setHeader(new DefinedTerm("reporting.missing")).setAutoWidth(true);
        areas.addColumn(ProgressRow::returned).setHeader(new DefinedTerm("reporting.returned")).setAutoWidth(true);
        areas.addColumn(r -> Fmt.percent(r.submissionRate())).setHeader(new DefinedTerm("reporting.submissionRate")).setAutoWidth(true);
        areas.addColumn(r -> Fmt.percent(r.reviewRate())).setHeader(new DefinedTerm("reporting.reviewRate")).setAutoWidth(true);
        areas.addColumn(r -> Fmt.time(r.windowEnd()) + (r.overdue() ? " · " + getTranslation("calendar.progress.overdue") : ""))
                .setHeader(getTranslation("calendar.progress.col.end")).setAutoWidth(true);
        areas.setPartNameGenerator(r -> r.overdue() ? "ems-overdue" : null);
        areas.setAllRowsVisible(true);
        areas.addItemClickListener(e -> {
            if (province) {
                selectedCity = e.getItem().areaCode();
                selectedCounty = null;
            } else {
                selectedCity = me.scope().cityCode();
                selectedCounty = e.getItem().areaCode();
            }
            loadNonReporters();
        });

        nonReporters.setId("non-reporters-grid");
        nonReporters.setSelectionMode(Grid.SelectionMode.MULTI);
        nonReporters.addColumn(NonReporter::name).setHeader(getTranslation("calendar.progress.col.enterprise")).setFlexGrow(2);
        nonReporters.addColumn(NonReporter::uscc).setHeader(getTranslation("calendar.progress.col.uscc")).setAutoWidth(true);
        nonReporters.addColumn(n -> codes.nameOf(CodeType.REGION, n.countyCode())).setHeader(getTranslation("calendar.progress.col.county")).setAutoWidth(true);
        nonReporters.addColumn(n -> nz(n.contactPerson())).setHeader(getTranslation("calendar.progress.col.contact")).setAutoWidth(true);
        nonReporters.addColumn(n -> nz(n.phone())).setHeader(getTranslation("calendar.progress.col.phone")).setAutoWidth(true);
        nonReporters.addColumn(n -> nz(n.email())).setHeader(getTranslation("calendar.progress.col.email")).setAutoWidth(true);
        nonReporters.addColumn(n -> n.reportState() == null ? getTranslation("calendar.progress.notStarted")
                : getTranslation("calendar.progress.reportState." + n.reportState())).setHeader(getTranslation("calendar.progress.col.reportState")).setAutoWidth(true);
        nonReporters.addColumn(n -> Fmt.time(n.lastChasedAt())).setHeader(getTranslation("calendar.progress.col.lastChased")).setAutoWidth(true);

        boolean canChase = me.hasAny(Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER);
        chaseSelected.setText(getTranslation("calendar.chase.selected"));
        chaseSelected.setId("chase-selected");
        chaseSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        chaseSelected.addClickListener(e -> doChase(nonReporters.getSelectedItems().stream().map(NonReporter::enterpriseId).toList()));
        chaseAll.setText(getTranslation("calendar.chase.all"));
        chaseAll.setId("chase-all");
        chaseAll.addClickListener(e -> doChase(null));
        chaseSelected.setVisible(canChase);
        chaseAll.setVisible(canChase);

        log.setId("chase-log-grid");
        log.addColumn(l -> Fmt.time(l.chasedAt())).setHeader(getTranslation("calendar.chase.col.time")).setAutoWidth(true);
        log.addColumn(ChaseLogEntry::enterpriseName).setHeader(getTranslation("calendar.progress.col.enterprise")).setFlexGrow(2);
        log.addColumn(ChaseLogEntry::chasedBy).setHeader(getTranslation("calendar.chase.col.by")).setAutoWidth(true);
        log.addColumn(l -> nz(l.recipients())).setHeader(getTranslation("calendar.chase.col.recipients")).setFlexGrow(2);
        log.addColumn(ChaseLogEntry::outcome).setHeader(getTranslation("calendar.chase.col.outcome")).setAutoWidth(true);

        provisional.setId("progress-provisional");
        provisional.getElement().getThemeList().add("badge contrast");
        provisional.setVisible(false);
        VerticalLayout progressTab = new VerticalLayout(provisional, totals, areas, new HorizontalLayout(nonReportersTitle, chaseSelected, chaseAll),
                nonReporters);
        progressTab.setPadding(false);
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("calendar.progress.tab.progress"), progressTab);
        if (canChase) {
            tabs.add(getTranslation("calendar.progress.tab.log"), log);
        }
        add(period, tabs);

        period.addValueChangeListener(e -> load());
        periods.stream().filter(p -> "OPEN".equals(p.state())).findFirst().or(() -> periods.stream().findFirst())
                .ifPresent(p -> period.setValue(p.code()));
    }

    void load() {
        String code = period.getValue();
        if (code == null) {
            return;
        }
        List<ProgressRow> rows = province ? progress.byCity(code) : progress.byCounty(code, me.scope().cityCode());
        areas.setItems(rows);
        ReportingCounts total = rows.stream().map(ProgressRow::counts).reduce(ReportingCounts.NONE, ReportingCounts::plus);
        totals.setText(getTranslation("calendar.progress.total") + "：" + getTranslation("reporting.due") + " " + total.due()
                + " · " + getTranslation("reporting.reported") + " " + total.reported()
                + " · " + getTranslation("reporting.accepted") + " " + total.accepted()
                + " · " + getTranslation("reporting.missing") + " " + total.missing()
                + " · " + getTranslation("reporting.returned") + " " + total.returned()
                + " · " + getTranslation("reporting.submissionRate") + " " + Fmt.percent(total.submissionRate())
                + " · " + getTranslation("reporting.reviewRate") + " " + Fmt.percent(total.reviewRate()));
        totals.setId("progress-totals");
        boolean open = periods.stream().anyMatch(p -> p.code().equals(code) && OPEN_STATES.contains(p.state()));
        provisional.setVisible(total.provisional(open));
        provisional.setText(getTranslation("reporting.provisional", Fmt.date(clock), total.accepted(), total.due()));
        selectedCity = province ? null : me.scope().cityCode();
        selectedCounty = null;
        loadNonReporters();
        if (me.hasAny(Role.PROVINCE_REVIEWER, Role.CITY_REVIEWER)) {
            log.setItems(chase.log(code));
        }
    }

    void loadNonReporters() {
        String code = period.getValue();
        if (code == null || selectedCity == null) {
            nonReporters.setItems(List.of());
            nonReportersTitle.setText(getTranslation("calendar.progress.nonReporters", "—"));
            return;
        }
        List<NonReporter> list = progress.nonReporters(code, selectedCity, selectedCounty);
        nonReporters.setItems(list);
        String where = codes.nameOf(CodeType.REGION, selectedCounty != null ? selectedCounty : selectedCity);
        nonReportersTitle.setText(getTranslation("calendar.progress.nonReporters", where + " " + list.size()));
    }

    /** Chases the given enterprises, or all non-reporters in the current selection (ids null). */
    void doChase(List<Long> ids) {
        String code = period.getValue();
        if (code == null) {
            return;
        }
        try {
            ChaseResult r;
            if (ids == null) {
                r = selectedCity == null && province ? chase.chaseAll(code, null)
                        : chase.chase(code, progress.nonReporters(code, selectedCity, selectedCounty).stream()
                                .map(NonReporter::enterpriseId).toList());
            } else {
                r = chase.chase(code, ids);
            }
            Feedback.success(getTranslation("calendar.chase.done", r.chased(), r.throttled(),
                    parameters.getInt(Parameter.CHASE_MIN_INTERVAL_MINUTES), r.alreadySubmitted()));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        loadNonReporters();
        log.setItems(chase.log(code));
    }


    @Override
    public String viewTitle() {
        return getTranslation("calendar.progress.title");
    }
}
