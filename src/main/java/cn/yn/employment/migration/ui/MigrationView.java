package cn.yn.employment.migration.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.migration.BatchView;
import cn.yn.employment.migration.FileKind;
import cn.yn.employment.migration.ImportFile;
import cn.yn.employment.migration.ImportReport;
import cn.yn.employment.migration.MigrationProgress;
import cn.yn.employment.migration.MigrationService;
import cn.yn.employment.migration.ReconciliationLine;
import cn.yn.employment.migration.RowIssue;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * System administrator: the legacy data migration. Upload the three files of an export, dry-run them (nothing is
 * written; every rejected or changed row with its reason, downloadable as Excel), load them in one import batch with a
 * progress bar, and see each batch's reconciliation (Excel, PDF) or roll it back.
 */
@Route(value = "admin/migration", layout = MainLayout.class)
@RolesAllowed(Role.SYSTEM_ADMIN_)
public class MigrationView extends VerticalLayout implements HasViewTitle {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfig.ZONE);
    static final int ISSUES_SHOWN = 2000;

    private final transient MigrationService migration;
    final Map<FileKind, ImportFile> files = new EnumMap<>(FileKind.class);
    final Map<FileKind, Span> fileLabels = new EnumMap<>(FileKind.class);
    final Select<String> encoding = new Select<>();
    final Button dryRun = new Button();
    final Button load = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Div downloads = new Div();
    final Grid<RowIssue> issues = new Grid<>();
    final Grid<ReconciliationLine> totals = new Grid<>();
    final Grid<BatchView> batches = new Grid<>();
    /** The last dry run or load (for its downloads). */
    transient ImportReport lastReport;

    /** Runs dry runs and loads off the request thread so the progress bar moves; tests replace it with a direct executor. */
    Executor executor = r -> {
        Thread t = new Thread(r, "migration-import");
        t.setDaemon(true);
        t.start();
    };

    public MigrationView(MigrationService migration) {
        this.migration = migration;
        setId("migration-view");
        setWidthFull();
        Paragraph hint = new Paragraph(getTranslation("migration.import.hint"));
        hint.addClassName("ems-muted");

        encoding.setLabel(getTranslation("migration.import.encoding"));
        encoding.setItems("AUTO", "UTF-8", "GBK");
        encoding.setItemLabelGenerator(e -> getTranslation("migration.encoding." + e.replace("-", "")));
        encoding.setValue("AUTO");
        encoding.setId("encoding");

        HorizontalLayout uploads = new HorizontalLayout();
        uploads.setWidthFull();
        for (FileKind k : FileKind.values()) {
            uploads.add(uploadBlock(k));
        }

        dryRun.setText(getTranslation("migration.import.dryRun"));
        dryRun.setId("dry-run");
        dryRun.addClickListener(e -> start(false));
        load.setText(getTranslation("migration.import.load"));
        load.setId("load");
        load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        load.addClickListener(e -> confirmLoad());
        progress.setId("progress");
        progress.setVisible(false);
        progress.setWidth("420px");
        status.setId("status");
        downloads.setId("downloads");
        HorizontalLayout actions = new HorizontalLayout(encoding, dryRun, load);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);

        issues.setId("issues-grid");
        issues.addColumn(i -> getTranslation("migration.file." + i.file())).setHeader(getTranslation("migration.col.file")).setAutoWidth(true);
        issues.addColumn(RowIssue::line).setHeader(getTranslation("migration.col.line")).setAutoWidth(true);
        issues.addColumn(RowIssue::field).setHeader(getTranslation("migration.col.field")).setAutoWidth(true);
        issues.addColumn(i -> getTranslation("migration.outcome." + i.outcome())).setHeader(getTranslation("migration.col.outcome"))
                .setAutoWidth(true);
        issues.addColumn(i -> getTranslation(i.reasonKey())).setHeader(getTranslation("migration.col.reason")).setAutoWidth(true);
        issues.addColumn(RowIssue::detail).setHeader(getTranslation("migration.col.detail")).setFlexGrow(1);
        issues.setHeight("320px");
        issues.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        issues.setVisible(false);

        totals.setId("totals-grid");
        totals.addColumn(l -> getTranslation("migration.file." + l.table())).setHeader(getTranslation("migration.col.table")).setAutoWidth(true);
        totals.addColumn(l -> migration.cityName(l.cityCode())).setHeader(getTranslation("migration.col.city")).setAutoWidth(true);
        totals.addColumn(ReconciliationLine::periodCode).setHeader(getTranslation("migration.col.period")).setAutoWidth(true);
        totals.addColumn(ReconciliationLine::sourceRows).setHeader(getTranslation("migration.col.sourceRows"));
        totals.addColumn(ReconciliationLine::rejectedRows).setHeader(getTranslation("migration.col.rejectedRows"));
        totals.addColumn(ReconciliationLine::presentRows).setHeader(getTranslation("migration.col.presentRows"));
        totals.addColumn(ReconciliationLine::loadedRows).setHeader(getTranslation("migration.col.loadedRows"));
        totals.addColumn(ReconciliationLine::sourceEmployees).setHeader(getTranslation("migration.col.sourceEmployees"));
        totals.addColumn(ReconciliationLine::loadedEmployees).setHeader(getTranslation("migration.col.loadedEmployees"));
        totals.addColumn(l -> getTranslation(l.explained() ? "migration.explained.yes" : "migration.explained.no"))
                .setHeader(getTranslation("migration.col.explained")).setAutoWidth(true);
        totals.setHeight("260px");
        totals.addThemeVariants(GridVariant.LUMO_COMPACT);
        totals.setVisible(false);

        batches.setId("batches-grid");
        batches.addColumn(BatchView::id).setHeader(getTranslation("migration.batch.id")).setAutoWidth(true);
        batches.addColumn(b -> TIME.format(b.loadedAt()) + " · " + b.loadedBy()).setHeader(getTranslation("migration.batch.loaded"))
                .setAutoWidth(true);
        batches.addColumn(b -> getTranslation("migration.state." + b.state())).setHeader(getTranslation("migration.batch.state"))
                .setAutoWidth(true);
        batches.addColumn(b -> getTranslation("migration.batch.counts", b.enterprisesLoaded(), b.usersLoaded(), b.reportsLoaded(),
                b.rowsRejected(), b.rowsPresent())).setHeader(getTranslation("migration.batch.countsHeader")).setFlexGrow(1);
        batches.addComponentColumn(this::batchActions).setHeader(getTranslation("ui.actions")).setAutoWidth(true);
        batches.setHeight("260px");
        batches.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);

        add(hint, uploads, actions, progress, status, downloads, issues, totals, new H3(getTranslation("migration.batch.title")), batches);
        refreshBatches();
    }

    private VerticalLayout uploadBlock(FileKind kind) {
        String id = kind.name().toLowerCase(Locale.ROOT);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable r = () -> accept(kind, meta.fileName(), bytes);
            if (ui != null) {
                ui.access(r::run);
            } else {
                r.run();
            }
        }));
        upload.setId("upload-" + id);
        upload.setAcceptedFileTypes(".csv", ".xlsx", ".txt");
        upload.setMaxFiles(1);
        Span label = new Span(getTranslation("migration.import.noFile"));
        label.setId("file-" + id);
        fileLabels.put(kind, label);
        VerticalLayout block = new VerticalLayout(new Span(getTranslation("migration.file." + kind)), upload, label);
        block.setPadding(false);
        block.setSpacing(false);
        return block;
    }

    /** A file arrived (from the upload, or from a test). */
    void accept(FileKind kind, String name, byte[] bytes) {
        files.put(kind, ImportFile.of(kind, name, bytes, null));
        fileLabels.get(kind).setText(getTranslation("migration.import.received", name, bytes.length / 1024 + 1));
    }

    private List<ImportFile> selected() {
        List<ImportFile> list = new ArrayList<>();
        String enc = encoding.getValue();
        files.values().forEach(f -> list.add(new ImportFile(f.kind(), f.name(), "AUTO".equals(enc) ? null : enc, f.opener())));
        return list;
    }

    private void confirmLoad() {
        ConfirmDialog d = new ConfirmDialog(getTranslation("migration.import.confirmTitle"), getTranslation("migration.import.confirmText"),
                getTranslation("migration.import.load"), e -> start(true), getTranslation("ui.cancel"), e -> { });
        d.setId("confirm-load");
        d.open();
    }

    /** Starts a dry run or load in the background; progress and outcome come back through UI.access (the app pushes). */
    void start(boolean loading) {
        List<ImportFile> input = selected();
        UI ui = UI.getCurrent();
        dryRun.setEnabled(false);
        load.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        status.setText(getTranslation("migration.import.started"));
        downloads.removeAll();
        SecurityContext security = SecurityContextHolder.getContext();
        executor.execute(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                ImportReport r = loading ? migration.load(input, p -> onUi(ui, () -> show(p)))
                        : migration.dryRun(input, p -> onUi(ui, () -> show(p)));
                onUi(ui, () -> finished(r));
            } catch (DomainException | org.springframework.security.access.AccessDeniedException ex) {
                onUi(ui, () -> {
                    Feedback.show(this, ex);
                    status.setText(getTranslation(ex instanceof DomainException de ? de.messageKey() : "ui.error.accessDenied"));
                    idle();
                });
            } catch (RuntimeException ex) {
                onUi(ui, () -> {
                    status.setText(getTranslation("migration.import.failed", String.valueOf(ex.getMessage())));
                    Feedback.error(status.getText());
                    idle();
                });
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    private static void onUi(UI ui, Runnable r) {
        if (ui.getSession() != null && ui.getSession().hasLock()) {
            r.run();
        } else {
            ui.access(r::run);
        }
    }

    private void show(MigrationProgress p) {
        progress.setValue(p.fraction());
        status.setText(getTranslation("migration.import.progress", getTranslation("migration.phase." + p.phase()), p.done(), p.total()));
    }

    private void idle() {
        dryRun.setEnabled(true);
        load.setEnabled(true);
        progress.setVisible(false);
    }

    private void finished(ImportReport r) {
        lastReport = r;
        idle();
        int[] e = r.rowTotals(FileKind.ENTERPRISES);
        int[] u = r.rowTotals(FileKind.USERS);
        int[] p = r.rowTotals(FileKind.REPORTS);
        String key = r.dryRun() ? "migration.import.dryRunDone" : "migration.import.loadDone";
        status.setText(getTranslation(key, e[3], u[3], p[3], e[1] + u[1] + p[1], e[2] + u[2] + p[2], r.batchId() == null ? "" : r.batchId()));
        List<RowIssue> shown = r.issues().size() > ISSUES_SHOWN ? r.issues().subList(0, ISSUES_SHOWN) : r.issues();
        issues.setItems(shown);
        issues.setVisible(true);
        totals.setItems(r.lines());
        totals.setVisible(true);
        if (r.dryRun()) {
            downloads.add(Downloads.link("download-dry-run", getTranslation("migration.import.downloadDryRun"), "dry-run.xlsx",
                    Downloads.XLSX, () -> migration.dryRunExcel(r)));
        } else {
            long id = r.batchId();
            downloads.add(Downloads.link("download-reconciliation", getTranslation("migration.batch.excel"),
                    "batch-" + id + "-reconciliation.xlsx", Downloads.XLSX, () -> migration.reconciliationExcel(id)));
            if (!r.initialPasswords().isEmpty()) {
                downloads.add(new Span(" · "), Downloads.link("download-passwords", getTranslation("migration.import.downloadPasswords"),
                        "batch-" + id + "-initial-passwords.csv", Downloads.CSV, () -> migration.initialPasswordsCsv(r)));
            }
            refreshBatches();
        }
    }

    private HorizontalLayout batchActions(BatchView b) {
        HorizontalLayout h = new HorizontalLayout(
                Downloads.link("excel-" + b.id(), getTranslation("migration.batch.excel"), "batch-" + b.id() + "-reconciliation.xlsx",
                        Downloads.XLSX, () -> migration.reconciliationExcel(b.id())),
                Downloads.link("pdf-" + b.id(), getTranslation("migration.batch.pdf"), "batch-" + b.id() + "-reconciliation.pdf",
                        Downloads.PDF, () -> migration.reconciliationPdf(b.id())));
        Button show = new Button(getTranslation("migration.batch.show"), e -> showBatch(b));
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        show.setId("show-" + b.id());
        h.add(show);
        if (!b.rolledBack()) {
            Button rollback = new Button(getTranslation("migration.batch.rollback"), e -> confirmRollback(b));
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            rollback.setId("rollback-" + b.id());
            h.add(rollback);
        }
        h.setAlignItems(FlexComponent.Alignment.BASELINE);
        return h;
    }

    void showBatch(BatchView b) {
        issues.setItems(migration.issues(b.id()).stream().limit(ISSUES_SHOWN).toList());
        issues.setVisible(true);
        totals.setItems(migration.reconciliation(b.id()));
        totals.setVisible(true);
        status.setText(getTranslation("migration.batch.showing", b.id()));
    }

    private void confirmRollback(BatchView b) {
        ConfirmDialog d = new ConfirmDialog(getTranslation("migration.rollback.confirmTitle", b.id()),
                getTranslation("migration.rollback.confirmText", b.enterprisesLoaded(), b.usersLoaded(), b.reportsLoaded()),
                getTranslation("migration.batch.rollback"), e -> rollback(b.id()), getTranslation("ui.cancel"), e -> { });
        d.setConfirmButtonTheme("error primary");
        d.setId("confirm-rollback");
        d.open();
    }

    void rollback(long batchId) {
        try {
            migration.rollback(batchId);
            status.setText(getTranslation("migration.rollback.done", batchId));
            Feedback.success(status.getText());
        } catch (DomainException ex) {
            StringBuilder text = new StringBuilder(getTranslation(ex.messageKey(), ex.args()));
            ex.fieldErrors().forEach(f -> text.append(' ').append(getTranslation(f.messageKey(), f.args())));
            status.setText(text.toString());
            Feedback.show(this, ex);
        }
        refreshBatches();
    }

    void refreshBatches() {
        batches.setItems(migration.batches());
    }

    @Override
    public String viewTitle() {
        return getTranslation("migration.import.title");
    }
}
