package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessInstanceDiagrams;
import cn.yn.employment.processadmin.ProcessInstanceList;
import cn.yn.employment.processadmin.ProcessInstanceList.Page;
import cn.yn.employment.processadmin.ProcessInstanceList.Row;
import cn.yn.employment.processadmin.ProcessInstanceList.Search;
import cn.yn.employment.processadmin.ProcessInstanceList.Step;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * The running instances of one process definition ({@link ProcessInstanceList}): search by enterprise, USCC, period
 * and current step, numbered pages, each row opening the instance diagram. Opened from the menu or from a version on
 * {@link DefinitionsView} ({@code ?key=…&definitionId=…}).
 */
@Route(value = ProcessInstanceList.ROUTE, layout = MainLayout.class)
@RolesAllowed(Role.PROCESS_ADMIN_)
public class InstancesView extends VerticalLayout implements BeforeEnterObserver, HasViewTitle {

    public static final int PAGE_SIZE = 20;

    private final transient ProcessInstanceList instances;
    final Select<String> process = new Select<>();
    /** Empty: every version of the process. */
    final Select<String> version = new Select<>();
    final TextField enterprise = new TextField();
    final TextField uscc = new TextField();
    final TextField period = new TextField();
    final Select<Step> step = new Select<>();
    final Button search = new Button();
    final Grid<Row> grid = new Grid<>();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final Span pageInfo = new Span();
    private Map<String, String> versionLabels = Map.of();
    int page;

    public InstancesView(ProcessInstanceList instances) {
        this.instances = instances;
        setId("process-instances");
        setWidthFull();
        Map<String, String> processes = instances.processes();
        process.setId("instances-process");
        process.setLabel(t("processadmin.instances.process"));
        process.setItems(processes.keySet());
        process.setItemLabelGenerator(k -> k == null ? "" : processes.getOrDefault(k, k) + " (" + k + ")");
        process.setWidth("260px");
        version.setId("instances-version");
        version.setLabel(t("processadmin.instances.version"));
        version.setEmptySelectionAllowed(true);
        version.setEmptySelectionCaption(t("processadmin.instances.allVersions"));
        version.setItemLabelGenerator(id -> id == null ? "" : versionLabels.getOrDefault(id, id));
        version.setWidth("140px");
        enterprise.setId("instances-enterprise");
        enterprise.setLabel(t("processadmin.instances.enterprise"));
        enterprise.setClearButtonVisible(true);
        uscc.setId("instances-uscc");
        uscc.setLabel(t("processadmin.instances.uscc"));
        uscc.setMaxLength(18);
        uscc.setClearButtonVisible(true);
        period.setId("instances-period");
        period.setLabel(t("processadmin.instances.period"));
        period.setPlaceholder("2026-11");
        period.setWidth("120px");
        period.setClearButtonVisible(true);
        step.setId("instances-step");
        step.setLabel(t("processadmin.instances.step"));
        step.setEmptySelectionAllowed(true);
        step.setEmptySelectionCaption(t("processadmin.instances.allSteps"));
        step.setItemLabelGenerator(s -> s == null ? "" : s.name());
        step.setWidth("180px");
        search.setText(t("processadmin.instances.search"));
        search.setId("instances-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> show(0));
        List.of(enterprise, uscc, period).forEach(f -> f.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> show(0)));
        process.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                processChanged(null);
                show(0);
            }
        });
        HorizontalLayout filters = new HorizontalLayout(process, version, enterprise, uscc, period, step, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("instances-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> dash(r.enterpriseName())).setHeader(t("processadmin.instances.enterprise")).setFlexGrow(1);
        grid.addColumn(r -> dash(r.uscc())).setHeader(t("processadmin.instances.uscc")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> dash(r.periodCode())).setHeader(t("processadmin.instances.period")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.join("、", r.stepNames())).setHeader(t("processadmin.instances.step")).setAutoWidth(true);
        grid.addColumn(Row::version).setHeader(t("processadmin.col.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.dateTime(r.startedAt())).setHeader(t("processadmin.instances.started")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Anchor a = new Anchor(ProcessInstanceDiagrams.path(r.processInstanceId()), t("processadmin.instances.diagram"));
            a.getElement().setAttribute("router-link", true);
            a.setId("instance-diagram-" + r.processInstanceId());
            return a;
        }).setHeader(t("processadmin.instances.diagramCol")).setKey("diagram").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProcessInstanceDiagrams.path(e.getItem().processInstanceId()))));
        grid.setAllRowsVisible(true);

        previous.setId("instances-previous");
        previous.setAriaLabel(t("processadmin.instances.previous"));
        previous.addClickListener(e -> show(page - 1));
        next.setId("instances-next");
        next.setAriaLabel(t("processadmin.instances.next"));
        next.addClickListener(e -> show(page + 1));
        pageInfo.setId("instances-page");
        HorizontalLayout pager = new HorizontalLayout(previous, pageInfo, next);
        pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(filters, grid, pager);
        if (!processes.isEmpty()) {
            process.setValue(processes.keySet().iterator().next());
            processChanged(null);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        String key = first(q.get("key"));
        if (key != null && process.getListDataView().getItems().anyMatch(key::equals)) {
            process.setValue(key);
            processChanged(first(q.get("definitionId")));
        }
        show(0);
    }

    private void processChanged(String definitionId) {
        String key = process.getValue();
        List<ProcessInstanceList.Version> versions = instances.versions(key);
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        versions.forEach(v -> labels.put(v.definitionId(), t("processadmin.instances.versionN", v.version())));
        versionLabels = labels;
        version.setItems(labels.keySet());
        version.setValue(definitionId != null && labels.containsKey(definitionId) ? definitionId : null);
        step.setItems(instances.steps(key));
        step.setValue(null);
    }

    void show(int requested) {
        if (process.getValue() == null) {
            grid.setItems(List.of());
            return;
        }
        try {
            Search s = new Search(process.getValue(), version.getValue(), enterprise.getValue(), uscc.getValue(),
                    period.getValue(), step.getValue() == null ? null : step.getValue().id());
            Page p = instances.search(s, Math.max(0, requested), PAGE_SIZE);
            if (p.rows().isEmpty() && p.total() > 0 && requested > 0) {
                p = instances.search(s, p.pages() - 1, PAGE_SIZE); // the list shrank meanwhile: show the last page
            }
            page = p.page();
            grid.setItems(p.rows());
            pageInfo.setText(t("processadmin.instances.pageInfo", page + 1, p.pages(), p.total()));
            previous.setEnabled(page > 0);
            next.setEnabled(page + 1 < p.pages());
        } catch (RuntimeException e) {
            Feedback.show(this, e, Map.of("enterprise", enterprise, "uscc", uscc, "periodCode", period));
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String viewTitle() {
        return t("processadmin.instances.title");
    }
}
