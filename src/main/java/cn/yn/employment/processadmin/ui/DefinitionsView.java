package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.ActivityCount;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminModels.ElementChange;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceMigrationCheck;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationPreview;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationResult;
import cn.yn.employment.processadmin.ProcessAdminService;
import cn.yn.employment.processadmin.ProcessInstanceList;
import cn.yn.employment.processadmin.ProcessInstanceMigrations;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Every process definition version: deployment, deployer, running instances; actions on the selected version. */
@Route(value = "process/definitions", layout = MainLayout.class)
@RolesAllowed(Role.PROCESS_ADMIN_)
public class DefinitionsView extends VerticalLayout implements HasViewTitle {

    private final transient ProcessAdminService service;
    private final transient ProcessInstanceMigrations migrations;
    final Grid<DefinitionVersion> grid = new Grid<>();
    final Grid<ActivityCount> activities = new Grid<>();
    final H3 activitiesTitle = new H3();
    final HorizontalLayout actions = new HorizontalLayout();

    public DefinitionsView(ProcessAdminService service, ProcessInstanceMigrations migrations) {
        this.service = service;
        this.migrations = migrations;
        setId("process-definitions");
        setWidthFull();
        grid.setId("definitions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DefinitionVersion::key).setHeader(t("processadmin.col.key")).setAutoWidth(true);
        grid.addColumn(DefinitionVersion::name).setHeader(t("processadmin.col.name")).setAutoWidth(true);
        grid.addColumn(d -> d.version() + (d.latest() ? " (" + t("processadmin.latest") + ")" : ""))
                .setHeader(t("processadmin.col.version")).setAutoWidth(true);
        grid.addColumn(d -> t(d.suspended() ? "processadmin.status.suspended" : "processadmin.status.active"))
                .setHeader(t("processadmin.col.status")).setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.deployedAt())).setHeader(t("processadmin.col.deployedAt")).setAutoWidth(true);
        grid.addColumn(d -> d.deployedBy() == null ? t("processadmin.deployer.auto") : d.deployedBy())
                .setHeader(t("processadmin.col.deployedBy")).setAutoWidth(true);
        grid.addColumn(d -> d.comment() == null ? "" : d.comment()).setHeader(t("processadmin.col.comment")).setFlexGrow(1);
        grid.addColumn(DefinitionVersion::runningInstances).setHeader(t("processadmin.col.running")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));

        activities.setId("activity-counts");
        activities.addThemeVariants(GridVariant.LUMO_COMPACT);
        activities.addColumn(a -> a.name() == null ? a.activityId() : a.name() + " (" + a.activityId() + ")")
                .setHeader(t("processadmin.col.activity")).setFlexGrow(1);
        activities.addColumn(ActivityCount::count).setHeader(t("processadmin.col.count")).setAutoWidth(true);
        activities.setAllRowsVisible(true);
        actions.setId("definition-actions");
        add(grid, activitiesTitle, actions, activities);
        refresh();
    }

    void refresh() {
        DefinitionVersion selected = grid.asSingleSelect().getValue();
        List<DefinitionVersion> all = service.definitions();
        grid.setItems(all);
        if (selected != null) {
            all.stream().filter(d -> d.id().equals(selected.id())).findFirst().ifPresent(grid::select);
        }
        showDetails(grid.asSingleSelect().getValue());
    }

    void showDetails(DefinitionVersion d) {
        actions.removeAll();
        if (d == null) {
            activitiesTitle.setText("");
            activities.setItems(List.of());
            activities.setVisible(false);
            return;
        }
        activitiesTitle.setText(t("processadmin.activities.title", d.key(), d.version()));
        List<ActivityCount> counts = service.activityCounts(d.id());
        activities.setItems(counts);
        activities.setVisible(!counts.isEmpty());

        Button diagram = new Button(t("processadmin.action.diagram"),
                e -> UI.getCurrent().navigate(DiagramView.class, new com.vaadin.flow.router.RouteParameters("definitionId", d.id())));
        diagram.setId("action-diagram");
        actions.add(diagram);
        Button running = new Button(t("processadmin.action.instances", d.runningInstances()), e -> UI.getCurrent().navigate(
                ProcessInstanceList.ROUTE, com.vaadin.flow.router.QueryParameters.simple(
                        java.util.Map.of("key", d.key(), "definitionId", d.id()))));
        running.setId("action-instances");
        actions.add(running);
        if (d.latest()) {
            Button edit = new Button(t("processadmin.action.edit"),
                    e -> UI.getCurrent().navigate(EditorView.class, new com.vaadin.flow.router.RouteParameters("key", d.key())));
            edit.setId("action-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        Button suspend = new Button(t(d.suspended() ? "processadmin.action.activate" : "processadmin.action.suspend"), e -> {
            try {
                if (d.suspended()) {
                    service.activate(d.id());
                    Feedback.success(t("processadmin.activated.done", d.id()));
                } else {
                    service.suspend(d.id());
                    Feedback.success(t("processadmin.suspended.done", d.id()));
                }
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        suspend.setId("action-suspend");
        actions.add(suspend);

        StreamResource xml = new StreamResource(d.key() + "-v" + d.version() + ".bpmn20.xml",
                () -> new ByteArrayInputStream(service.xml(d.id()).getBytes(StandardCharsets.UTF_8)));
        xml.setContentType("application/xml");
        Anchor download = new Anchor(xml, t("processadmin.action.download"));
        download.getElement().setAttribute("download", true);
        download.setId("action-download");
        actions.add(download);

        DefinitionVersion previous = service.previousVersion(d.id());
        if (previous != null) {
            Button diff = new Button(t("processadmin.action.diff"), e -> openDiff(previous, d));
            diff.setId("action-diff");
            actions.add(diff);
        }
        if (d.runningInstances() > 0) {
            Button migrate = new Button(t("processadmin.action.migrate"), e -> openMigration(d));
            migrate.setId("action-migrate");
            actions.add(migrate);
        }
    }

    void openDiff(DefinitionVersion from, DefinitionVersion to) {
        Dialog dialog = new Dialog();
        dialog.setId("diff-dialog");
        dialog.setHeaderTitle(t("processadmin.diff.title", from.version(), to.version()));
        dialog.add(changesGrid(this, service.diff(from.id(), to.id())));
        dialog.setWidth("900px");
        dialog.getFooter().add(new Button(t("ui.close"), e -> dialog.close()));
        dialog.open();
    }

    static com.vaadin.flow.component.Component changesGrid(com.vaadin.flow.component.Component ctx, List<ElementChange> changes) {
        if (changes.isEmpty()) {
            return new Paragraph(ctx.getTranslation("processadmin.diff.none"));
        }
        Grid<ElementChange> g = new Grid<>();
        g.setId("changes-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(c -> c.elementId() + " · " + c.elementType() + (c.name() == null || c.name().isEmpty() ? "" : " · " + c.name()))
                .setHeader(ctx.getTranslation("processadmin.diff.col.element")).setWidth("260px").setFlexGrow(0);
        g.addColumn(c -> ctx.getTranslation("processadmin.diff.kind." + c.kind().name()))
                .setHeader(ctx.getTranslation("processadmin.diff.col.kind")).setWidth("90px").setFlexGrow(0);
        g.addColumn(c -> c.attributes().stream()
                        .map(a -> a.name() + ": " + (a.before() == null ? "∅" : a.before()) + " → " + (a.after() == null ? "∅" : a.after()))
                        .collect(Collectors.joining("；")))
                .setHeader(ctx.getTranslation("processadmin.diff.col.details")).setFlexGrow(1);
        g.setItems(changes);
        g.setAllRowsVisible(true);
        g.setWidthFull();
        return g;
    }

    void openMigration(DefinitionVersion from) {
        List<DefinitionVersion> targets = service.definitions().stream()
                .filter(x -> x.key().equals(from.key()) && !x.id().equals(from.id())).toList();
        Dialog dialog = new Dialog();
        dialog.setId("migration-dialog");
        dialog.setWidth("1000px");
        dialog.getFooter().add(new Button(t("ui.close"), e -> dialog.close()));
        if (targets.isEmpty()) {
            dialog.add(new Paragraph(t("processadmin.migration.noTarget")));
            dialog.open();
            return;
        }
        Select<DefinitionVersion> target = new Select<>();
        target.setId("migration-target");
        target.setLabel(t("processadmin.migration.target"));
        target.setItems(targets);
        target.setItemLabelGenerator(x -> "v" + x.version() + (x.latest() ? " (" + t("processadmin.latest") + ")" : ""));
        target.setValue(targets.get(0));
        Grid<InstanceMigrationCheck> checks = new Grid<>();
        checks.setId("migration-preview");
        checks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        checks.addColumn(c -> c.processInstanceId() + (c.businessKey() == null ? "" : " · " + c.businessKey()))
                .setHeader(t("processadmin.migration.col.instance")).setAutoWidth(true);
        checks.addColumn(c -> String.join(", ", c.activeActivities())).setHeader(t("processadmin.migration.col.activities")).setAutoWidth(true);
        checks.addColumn(c -> t(c.migratable() ? "ui.yes" : "ui.no")).setHeader(t("processadmin.migration.col.ok")).setAutoWidth(true);
        checks.addColumn(c -> String.join("；", c.messages())).setHeader(t("processadmin.migration.col.messages")).setFlexGrow(1);
        checks.setAllRowsVisible(true);
        Span summary = new Span();
        Button run = new Button(t("processadmin.migration.run"));
        run.setId("migration-run");
        run.setEnabled(false);
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button preview = new Button(t("processadmin.migration.preview"), e -> {
            try {
                MigrationPreview p = migrations.previewMigration(from.id(), target.getValue().id());
                checks.setItems(p.instances());
                summary.setText(t("processadmin.migration.summary", p.instances().size(), p.migratableCount()));
                run.setEnabled(p.migratableCount() > 0);
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        preview.setId("migration-preview-button");
        target.addValueChangeListener(e -> {
            run.setEnabled(false);
            dialog.setHeaderTitle(t("processadmin.migration.title", from.version(), e.getValue().version()));
        });
        run.addClickListener(e -> {
            try {
                MigrationResult r = migrations.migrate(from.id(), target.getValue().id());
                Feedback.success(t("processadmin.migration.done", r.migrated().size(), r.skipped().size()));
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        dialog.setHeaderTitle(t("processadmin.migration.title", from.version(), target.getValue().version()));
        HorizontalLayout bar = new HorizontalLayout(target, preview, run);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        dialog.add(new VerticalLayout(bar, summary, checks));
        dialog.open();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String viewTitle() {
        return t("processadmin.definitions.title");
    }
}
