package cn.yn.employment.audit.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.audit.AuditEntry;
import cn.yn.employment.audit.AuditQuery;
import cn.yn.employment.audit.AuditService;
import cn.yn.employment.audit.ChainVerification;
import cn.yn.employment.common.security.PersonDirectory;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import cn.yn.employment.audit.AuditExport;
import cn.yn.employment.audit.AuditLabels;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.ui.ExcelDownload;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * System administrator: search the audit log (actor, action, target, time range), see each entry's before and
 * after, export the search as CSV and verify the hash chain.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class AuditView extends VerticalLayout implements HasViewTitle {

    static final DateTimeFormatter TIME = BusinessTime.SECONDS;

    private final transient AuditService audit;
    final TextField actor = new TextField();
    private final transient PersonDirectory people;
    private final java.util.Map<String, String> actorNames = new java.util.HashMap<>();
    final ComboBox<String> action = new ComboBox<>();
    /** Object types by label: one entry per label, its value the stored spellings comma-separated (REPORT,report). */
    final ComboBox<String> targetType = new ComboBox<>();
    final TextField targetId = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<AuditEntry> grid = new Grid<>();
    final Span verifyResult = new Span();
    final Span total = new Span();
    private volatile AuditQuery query = AuditQuery.all();

    private final transient Translations i18n;

    public AuditView(AuditService audit, AuditExport exporter, PersonDirectory people, Translations i18n) {
        this.people = people;
        this.audit = audit;
        this.i18n = i18n;
        Locale locale = getLocale();
        setSizeFull();
        addClassName("ems-admin-view");

        actor.setLabel(getTranslation("audit.field.actor"));
        actor.setId("audit-actor");
        action.setLabel(getTranslation("audit.field.action"));
        action.setId("audit-action");
        targetType.setLabel(getTranslation("audit.field.targetType"));
        targetType.setId("audit-target-type");
        targetId.setLabel(getTranslation("audit.field.targetId"));
        targetId.setId("audit-target-id");
        from.setLabel(getTranslation("audit.field.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.field.to"));
        to.setId("audit-to");
        for (TextField f : new TextField[]{actor, targetId}) {
            f.setClearButtonVisible(true);
            f.setWidth("11em");
            f.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> search());
        }
        action.setItems(audit.actions());
        action.setItemLabelGenerator(a -> AuditLabels.action(i18n, locale, a));
        Map<String, String> typesByLabel = new TreeMap<>();
        audit.targetTypes().forEach(t -> typesByLabel.merge(AuditLabels.targetType(i18n, locale, t), t, (a, b) -> a + "," + b));
        Map<String, String> labelOfTypes = new HashMap<>();
        typesByLabel.forEach((label, types) -> labelOfTypes.put(types, label));
        targetType.setItems(typesByLabel.values());
        targetType.setItemLabelGenerator(t -> labelOfTypes.getOrDefault(t, t));
        for (ComboBox<String> c : List.of(action, targetType)) {
            c.setClearButtonVisible(true);
            c.setPlaceholder(getTranslation("audit.field.any"));
            c.setWidth("13em");
            c.addValueChangeListener(e -> search());
        }
        from.setWidth("10em");
        to.setWidth("10em");

        Button search = new Button(getTranslation("ui.search"), VaadinIcon.SEARCH.create(), e -> search());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("audit-search");
        Button reset = new Button(getTranslation("ui.reset"), e -> {
            actor.clear();
            action.clear();
            targetType.clear();
            targetId.clear();
            from.clear();
            to.clear();
            search();
        });
        reset.setId("audit-reset");

        Anchor excel = ExcelDownload.button("audit-export-excel", getTranslation("ui.exportExcel"),
                ExcelDownload.dated(getTranslation("audit.export.file", "{0}")),
                out -> exporter.write(query, locale, out));
        Button exportButton = new Button(getTranslation("audit.action.export"), VaadinIcon.DOWNLOAD.create());
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = audit.exportCsv(query);
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(csv),
                    "audit-log-" + LocalDate.now(TimeConfig.ZONE) + ".csv", "text/csv;charset=UTF-8", csv.length);
        }), "");
        export.add(exportButton);
        export.setId("audit-export");

        Button verify = new Button(getTranslation("audit.action.verify"), VaadinIcon.SHIELD.create(), e -> verify());
        verify.setId("audit-verify");
        verifyResult.setId("audit-verify-result");
        verifyResult.addClassName("ems-verify-result");

        FlexLayout filters = new FlexLayout(actor, action, targetType, targetId, from, to, search, reset);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("ems-filters");
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        HorizontalLayout tools = new HorizontalLayout(total, new Div(), excel, export, verify, verifyResult);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        tools.setWidthFull();
        tools.setFlexGrow(1, tools.getComponentAt(1));

        grid.addColumn(e -> e.seq() == null ? "" : e.seq().toString()).setHeader(getTranslation("audit.field.seq")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("audit.field.time")).setAutoWidth(true).setFlexGrow(0);
        // who acted, by name and unit (the username stays the filter's value)
        grid.addColumn(e -> actorNames.computeIfAbsent(e.actor(), people::label)).setHeader(getTranslation("audit.field.actor"))
                .setAutoWidth(true);
        grid.addColumn(e -> AuditLabels.action(i18n, locale, e.action())).setHeader(getTranslation("audit.field.action"))
                .setAutoWidth(true).setKey("action").setTooltipGenerator(AuditEntry::action);
        grid.addColumn(e -> AuditLabels.targetType(i18n, locale, e.targetType())).setHeader(getTranslation("audit.field.targetType"))
                .setAutoWidth(true).setKey("targetType");
        grid.addColumn(AuditEntry::targetId).setHeader(getTranslation("audit.field.targetId")).setAutoWidth(true);
        grid.addColumn(AuditEntry::clientAddress).setHeader(getTranslation("audit.field.clientAddress")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.sealed() ? "audit.sealed.yes" : "audit.sealed.no"))
                .setHeader(getTranslation("audit.field.sealed")).setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setId("audit-grid");
        grid.setItems(q -> {
            try {
                return audit.search(query, q.getOffset(), q.getLimit()).stream();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
                return java.util.stream.Stream.empty();
            }
        }, q -> (int) Math.min(Integer.MAX_VALUE, audit.count(query)));

        add(filters, tools, grid);
        setFlexGrow(1, grid);
        search();
    }

    void search() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(TimeConfig.ZONE).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(TimeConfig.ZONE).toInstant();
        if (start != null && end != null && !start.isBefore(end)) {
            to.setErrorMessage(getTranslation("audit.error.range"));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        query = new AuditQuery(actor.getValue(), action.getValue(), targetType.getValue(), targetId.getValue(), start, end);
        total.setText(getTranslation("ui.total", audit.count(query)));
        grid.getDataProvider().refreshAll();
    }

    void verify() {
        try {
            ChainVerification v = audit.verify();
            verifyResult.getElement().getThemeList().clear();
            if (v.intact()) {
                verifyResult.setText(getTranslation("audit.verify.intact", v.checked()));
                verifyResult.getElement().getThemeList().add("badge success");
            } else {
                verifyResult.setText(getTranslation("audit.verify.broken", v.firstBrokenSeq(),
                        v.firstBrokenId() == null ? "-" : v.firstBrokenId(), getTranslation(v.reason())));
                verifyResult.getElement().getThemeList().add("badge error");
            }
        } catch (RuntimeException ex) {
            Feedback.show(this, ex);
        }
    }

    private Div details(AuditEntry e) {
        Div before = block(getTranslation("audit.field.before"), e.beforeJson());
        Div after = block(getTranslation("audit.field.after"), e.afterJson());
        Div box = new Div(before, after);
        box.addClassName("ems-audit-details");
        return box;
    }

    private static Div block(String title, String json) {
        Span t = new Span(title);
        t.addClassName("ems-muted");
        Pre pre = new Pre(json == null ? "—" : pretty(json));
        return new Div(t, pre);
    }

    /** Indents JSON for reading; anything that is not JSON is shown as stored. */
    static String pretty(String json) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("audit.title");
    }
}
