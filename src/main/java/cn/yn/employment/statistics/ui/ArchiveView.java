package cn.yn.employment.statistics.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.statistics.ReportArchive;
import cn.yn.employment.statistics.ReportArchive.ArchivedFile;
import cn.yn.employment.statistics.ReportArchive.Progress;
import cn.yn.employment.statistics.StatisticsService;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The archive of closed periods' PDF packs: list and download; a province leader or reviewer can (re)generate a
 * period's pack, which runs on a worker thread and reports progress here through server push.
 */
@Route(value = "statistics/archive", layout = MainLayout.class)
@RolesAllowed({Role.LEADER_, Role.PROVINCE_REVIEWER_, Role.CITY_REVIEWER_})
public class ArchiveView extends VerticalLayout implements HasViewTitle {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportArchive archive;
    private final CodeService codes;
    final Grid<ArchivedFile> grid = new Grid<>();
    final ComboBox<String> period = new ComboBox<>();
    final Button generate = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();

    public ArchiveView(ReportArchive archive, StatisticsService statistics, CodeService codes, CurrentUserProvider users) {
        this.archive = archive;
        this.codes = codes;
        CurrentUser user = users.require();
        setId("statistics-archive");

        period.setLabel(getTranslation("statistics.archive.period"));
        List<String> periods = statistics.periods();
        period.setItems(periods);
        if (!periods.isEmpty()) {
            period.setValue(periods.get(0));
        }
        generate.setText(getTranslation("statistics.archive.generate"));
        generate.setId("archive-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickListener(e -> startGeneration());
        progress.setVisible(false);
        progress.setWidth("320px");
        status.setId("archive-status");
        HorizontalLayout bar = new HorizontalLayout(period, generate, progress, status);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean mayGenerate = user.scope().isProvince() && user.hasAny(Role.LEADER, Role.PROVINCE_REVIEWER);
        bar.setVisible(mayGenerate);

        grid.setId("archive-grid");
        grid.addColumn(ArchivedFile::periodCode).setHeader(getTranslation("statistics.archive.period")).setAutoWidth(true);
        grid.addColumn(f -> codes.nameOf(CodeType.REGION, f.scopeCode())).setHeader(getTranslation("statistics.archive.scope"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.kind().titleKey())).setHeader(getTranslation("statistics.archive.report"))
                .setAutoWidth(true);
        grid.addColumn(f -> String.format("%,.0f KB", f.size() / 1024.0)).setHeader(getTranslation("statistics.archive.size"));
        grid.addColumn(f -> f.generatedAt().atZone(TimeConfig.ZONE).format(STAMP))
                .setHeader(getTranslation("statistics.archive.generatedAt")).setAutoWidth(true);
        grid.addComponentColumn(f -> FigureWidgets.download(getTranslation("statistics.archive.download"), f.fileName(),
                "application/pdf", () -> archive.content(f.id()))).setHeader(getTranslation("statistics.archive.download"))
                .setKey("download");
        grid.setEmptyStateText(getTranslation("statistics.archive.empty"));
        grid.setHeight("640px");
        add(bar, grid);
        reload();
    }

    void reload() {
        grid.setItems(archive.list());
    }

    void startGeneration() {
        String p = period.getValue();
        if (p == null) {
            return;
        }
        UI ui = UI.getCurrent();
        try {
            generate.setEnabled(false);
            progress.setVisible(true);
            progress.setValue(0);
            // if this UI closes meanwhile, access() fails and only the updates stop: the archive ignores listener failures
            archive.regenerate(p, pr -> ui.access(() -> show(pr)));
        } catch (DomainException e) {
            generate.setEnabled(true);
            progress.setVisible(false);
            Feedback.show(this, e, java.util.Map.of());
        }
    }

    private void show(Progress p) {
        progress.setValue(p.total() == 0 ? 1 : (double) p.done() / p.total());
        if (!p.finished()) {
            status.setText(getTranslation("statistics.archive.running", p.done(), p.total()));
            return;
        }
        generate.setEnabled(true);
        progress.setVisible(false);
        status.setText(p.error() == null ? getTranslation("statistics.archive.done", p.done())
                : getTranslation("statistics.archive.failed", p.error()));
        reload();
    }

    @Override
    public String viewTitle() {
        return getTranslation("statistics.archive.title");
    }
}
