package cn.yn.employment.period.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.period.JobAdminService;
import cn.yn.employment.period.JobInfo;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Scheduled jobs: next and last run, outcome, and run now. */
@Route(value = "admin/jobs", layout = MainLayout.class)
@RolesAllowed({Role.SYSTEM_ADMIN_, Role.PROVINCE_REVIEWER_})
public class JobsView extends VerticalLayout implements HasViewTitle {

    private final transient JobAdminService jobs;
    final Grid<JobInfo> grid = new Grid<>();

    public JobsView(JobAdminService jobs) {
        this.jobs = jobs;
        setSizeFull();
        grid.setId("jobs-grid");
        grid.addColumn(j -> getTranslation(j.job().labelKey())).setHeader(getTranslation("calendar.jobs.col.job")).setAutoWidth(true);
        grid.addColumn(j -> Fmt.time(j.nextFire())).setHeader(getTranslation("calendar.jobs.col.next")).setAutoWidth(true);
        grid.addColumn(j -> Fmt.time(j.lastFired())).setHeader(getTranslation("calendar.jobs.col.last")).setAutoWidth(true);
        grid.addColumn(j -> j.lastOutcome() == null ? "" : j.lastOutcome()).setHeader(getTranslation("calendar.jobs.col.outcome")).setAutoWidth(true);
        grid.addColumn(j -> j.lastMessage() == null ? "" : j.lastMessage()).setHeader(getTranslation("calendar.jobs.col.message")).setFlexGrow(2);
        grid.addColumn(JobInfo::triggers).setHeader(getTranslation("calendar.jobs.col.triggers")).setAutoWidth(true);
        grid.addComponentColumn(j -> {
            Button run = new Button(getTranslation("calendar.jobs.runNow"), e -> runNow(j));
            run.addThemeVariants(ButtonVariant.LUMO_SMALL);
            run.setId("run-" + j.job().key());
            return run;
        }).setAutoWidth(true);
        grid.setPartNameGenerator(j -> "FAILED".equals(j.lastOutcome()) ? "ems-overdue" : null);
        add(grid);
        refresh();
    }

    void runNow(JobInfo j) {
        try {
            boolean queued = jobs.runNow(j.job());
            Feedback.success(getTranslation(queued ? "calendar.jobs.queued" : "calendar.jobs.ran", getTranslation(j.job().labelKey())));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        refresh();
    }

    void refresh() {
        grid.setItems(jobs.jobs());
    }

    @Override
    public String viewTitle() {
        return getTranslation("calendar.jobs.title");
    }
}
