package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.FailedJob;
import cn.yn.employment.processadmin.FailedJobs;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Dead-letter jobs and jobs that failed and are being retried: their exception, retry, delete. */
@Route(value = "process/jobs", layout = MainLayout.class)
@RolesAllowed(Role.PROCESS_ADMIN_)
public class FailedJobsView extends VerticalLayout implements HasViewTitle {

    private final transient FailedJobs service;
    final Grid<FailedJob> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    public FailedJobsView(FailedJobs service) {
        this.service = service;
        setId("process-jobs");
        setSizeFull();
        grid.setId("jobs-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(j -> t("processadmin.jobs.kind." + j.kind().name())).setHeader(t("processadmin.jobs.col.kind")).setAutoWidth(true);
        grid.addColumn(FailedJob::processInstanceId).setHeader(t("processadmin.jobs.col.instance")).setAutoWidth(true);
        grid.addColumn(FailedJob::elementId).setHeader(t("processadmin.jobs.col.element")).setAutoWidth(true);
        grid.addColumn(FailedJob::retries).setHeader(t("processadmin.jobs.col.retries")).setAutoWidth(true);
        grid.addColumn(FailedJob::exceptionMessage).setHeader(t("processadmin.jobs.col.message")).setFlexGrow(1);
        grid.addColumn(j -> Formats.dateTime(j.createdAt())).setHeader(t("processadmin.jobs.col.created")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(t("ui.actions")).setAutoWidth(true);
        empty.setText(t("processadmin.jobs.none"));
        empty.setId("jobs-empty");
        add(empty, grid);
        refresh();
    }

    void refresh() {
        List<FailedJob> jobs = service.failedJobs();
        grid.setItems(jobs);
        grid.setVisible(!jobs.isEmpty());
        empty.setVisible(jobs.isEmpty());
    }

    private HorizontalLayout actions(FailedJob j) {
        Button trace = new Button(t("processadmin.jobs.stacktrace"), e -> showTrace(j));
        trace.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        trace.setId("job-trace-" + j.id());
        Button retry = new Button(t("processadmin.jobs.retry"), e -> {
            try {
                service.retry(j.id(), j.kind());
                Feedback.success(t("processadmin.jobs.retried"));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setId("job-retry-" + j.id());
        Button delete = new Button(t("processadmin.jobs.delete"), e -> {
            try {
                service.delete(j.id(), j.kind());
                Feedback.success(t("processadmin.jobs.deleted"));
                refresh();
            } catch (RuntimeException ex) {
                Feedback.show(this, ex);
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.setId("job-delete-" + j.id());
        return new HorizontalLayout(trace, retry, delete);
    }

    private void showTrace(FailedJob j) {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("processadmin.jobs.stacktrace"));
        Pre pre = new Pre(service.stacktrace(j.id(), j.kind()));
        pre.getStyle().set("max-height", "60vh").set("overflow", "auto").set("font-size", "12px");
        d.add(pre);
        d.setWidth("1000px");
        d.getFooter().add(new Button(t("ui.close"), e -> d.close()));
        d.open();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String viewTitle() {
        return t("processadmin.jobs.title");
    }
}
