package cn.yn.employment.review.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.review.BulkAction;
import cn.yn.employment.review.BulkProgress;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.Feedback;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Bulk approve or return: warning items are listed for explicit confirmation (approve), a reason is required
 * (return), then the items run one by one with a progress bar and a result per item.
 */
public class BulkDialog extends Dialog {

    private final ReviewService review;
    private final BulkAction action;
    private final List<WorkItem> items;
    private final Executor executor;
    private final Runnable onDone;

    final Map<String, Checkbox> confirmations = new LinkedHashMap<>();
    final TextArea reason = new TextArea();
    final RadioButtonGroup<ReturnTo> returnTo = new RadioButtonGroup<>();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Grid<BulkResult> results = new Grid<>();
    final Button start = new Button();
    final List<BulkResult> outcome = new CopyOnWriteArrayList<>();
    volatile boolean finished;

    BulkDialog(ReviewService review, BulkAction action, List<WorkItem> items, boolean province, Executor executor, Runnable onDone) {
        this.review = review;
        this.action = action;
        this.items = List.copyOf(items);
        this.executor = executor;
        this.onDone = onDone;
        setId("review-bulk-dialog");
        setWidth("min(760px, 95vw)");
        setHeaderTitle(getTranslation("review.bulk.title." + action.name()));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(new Span(getTranslation("review.bulk.count", items.size())));
        if (action == BulkAction.APPROVE) {
            List<WorkItem> warned = items.stream().filter(WorkItem::hasWarnings).toList();
            if (!warned.isEmpty()) {
                content.add(new Span(getTranslation("review.bulk.warnings", warned.size())));
                for (WorkItem w : warned) {
                    Checkbox c = new Checkbox(w.enterpriseName() + " · " + (w.uscc() == null ? "" : w.uscc()));
                    c.setId("review-bulk-confirm-" + w.taskId());
                    confirmations.put(w.taskId(), c);
                    content.add(c);
                }
                Button all = new Button(getTranslation("review.bulk.confirmAll"), e -> confirmations.values().forEach(c -> c.setValue(true)));
                all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                all.setId("review-bulk-confirm-all");
                content.add(all);
            }
        } else {
            returnTo.setLabel(getTranslation("review.detail.returnTo"));
            returnTo.setItems(province ? List.of(ReturnTo.CITY, ReturnTo.ENTERPRISE) : List.of(ReturnTo.ENTERPRISE));
            returnTo.setItemLabelGenerator(r -> getTranslation("review.returnTo." + r.name()));
            returnTo.setValue(ReturnTo.ENTERPRISE);
            returnTo.setVisible(province);
            returnTo.setId("review-bulk-return-to");
            reason.setLabel(getTranslation("review.detail.reason"));
            reason.setRequiredIndicatorVisible(true);
            reason.setMaxLength(1000);
            reason.setWidthFull();
            reason.setId("review-bulk-reason");
            content.add(returnTo, reason);
        }
        progress.setId("review-bulk-progress");
        progress.setVisible(false);
        status.setId("review-bulk-status");
        results.setId("review-bulk-results");
        results.addColumn(BulkResult::enterpriseName).setHeader(getTranslation("review.col.enterprise")).setFlexGrow(1);
        results.addColumn(r -> getTranslation(r.ok() ? "review.bulk.ok" : "review.bulk.failed"))
                .setHeader(getTranslation("review.bulk.result")).setAutoWidth(true);
        results.addColumn(r -> r.ok() ? "" : getTranslation(r.messageKey(), r.args())).setHeader(getTranslation("review.col.comment"))
                .setFlexGrow(1);
        results.setAllRowsVisible(true);
        results.setVisible(false);
        content.add(progress, status, results);
        add(content);

        start.setText(getTranslation("review.bulk.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("review-bulk-start");
        start.addClickListener(e -> run());
        Button close = new Button(getTranslation("ui.close"), e -> close());
        close.setId("review-bulk-close");
        getFooter().add(close, start);
        addDialogCloseActionListener(e -> close());
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && !outcome.isEmpty()) {
                onDone.run();
            }
        });
    }

    void run() {
        if (action == BulkAction.RETURN && reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("review.error.reasonRequired"));
            reason.setInvalid(true);
            return;
        }
        reason.setInvalid(false);
        Set<String> confirmed = new HashSet<>();
        confirmations.forEach((id, c) -> {
            if (c.getValue()) {
                confirmed.add(id);
            }
        });
        List<String> ids = new ArrayList<>(items.stream().map(WorkItem::taskId).toList());
        start.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        UI ui = UI.getCurrent();
        ui.setPollInterval(500);
        SecurityContext security = SecurityContextHolder.getContext();
        String why = reason.getValue();
        ReturnTo to = returnTo.getValue();
        executor.execute(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                review.bulk(action, ids, to, why, confirmed, p -> onUi(ui, () -> showProgress(p)));
                onUi(ui, this::showSummary);
            } catch (DomainException | org.springframework.security.access.AccessDeniedException ex) {
                onUi(ui, () -> {
                    Feedback.show(this, ex, Map.of("reason", reason));
                    start.setEnabled(true);
                });
            } finally {
                SecurityContextHolder.setContext(previous);
                onUi(ui, () -> ui.setPollInterval(-1));
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

    private void showProgress(BulkProgress p) {
        outcome.add(p.last());
        progress.setValue(p.fraction());
        status.setText(getTranslation("review.bulk.progress", p.done(), p.total()));
    }

    private void showSummary() {
        long ok = outcome.stream().filter(BulkResult::ok).count();
        status.setText(getTranslation("review.bulk.summary", ok, outcome.size() - ok));
        results.setItems(outcome);
        results.setVisible(true);
        finished = true;
    }
}
