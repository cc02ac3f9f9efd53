package cn.yn.employment.review.ui;

import cn.yn.employment.common.security.Person;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.Copies;
import cn.yn.employment.review.Handover;
import cn.yn.employment.review.HandoverAction;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;

/**
 * 转办 / 委派 / 交回 / 抄送 of one item (from the item dialog) or of several (from the inbox's selection): a colleague
 * (or, for a copy, several people), a required reason, and for several items a result per item. The service checks
 * role and scope; the lists offer only the people it would accept.
 */
public class HandoverDialog extends Dialog {

    private final Handover handover;
    private final Copies copies;
    private final HandoverAction action;
    private final List<WorkItem> items;
    private final Runnable onDone;

    final ComboBox<Person> to = new ComboBox<>();
    final MultiSelectComboBox<Person> copyTo = new MultiSelectComboBox<>();
    final TextArea reason = new TextArea();
    final Button ok = new Button();
    final Grid<BulkResult> results = new Grid<>();
    boolean done;

    HandoverDialog(Handover handover, Copies copies, HandoverAction action, List<WorkItem> items, Runnable onDone) {
        this.handover = handover;
        this.copies = copies;
        this.action = action;
        this.items = List.copyOf(items);
        this.onDone = onDone;
        setId("review-handover-dialog");
        setWidth("min(560px, 95vw)");
        setHeaderTitle(getTranslation("review.handover.title." + action.name()));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        Span hint = new Span(getTranslation("review.handover.hint." + action.name()));
        hint.addClassName("ems-muted");
        content.add(hint);
        if (items.size() > 1) {
            content.add(new Span(getTranslation("review.handover.count", items.size())));
        }
        List<Person> people = candidates();
        to.setLabel(getTranslation("review.handover.to"));
        to.setId("review-handover-to");
        to.setItems(people);
        to.setItemLabelGenerator(Person::label);
        to.setWidthFull();
        to.setRequiredIndicatorVisible(true);
        copyTo.setLabel(getTranslation("review.handover.copyTo"));
        copyTo.setId("review-handover-copy-to");
        copyTo.setItems(people);
        copyTo.setItemLabelGenerator(Person::label);
        copyTo.setWidthFull();
        copyTo.setRequiredIndicatorVisible(true);
        to.setVisible(action == HandoverAction.TRANSFER || action == HandoverAction.DELEGATE);
        copyTo.setVisible(action == HandoverAction.COPY);
        reason.setLabel(getTranslation(action == HandoverAction.RESOLVE ? "review.handover.opinion" : "review.handover.reason"));
        reason.setId("review-handover-reason");
        reason.setMaxLength(1000);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        results.setId("review-handover-results");
        results.addColumn(BulkResult::enterpriseName).setHeader(getTranslation("review.col.enterprise")).setFlexGrow(1);
        results.addColumn(r -> r.ok() ? getTranslation("review.bulk.ok") : getTranslation(r.messageKey(), r.args()))
                .setHeader(getTranslation("review.bulk.result")).setFlexGrow(1);
        results.setAllRowsVisible(true);
        results.setVisible(false);
        content.add(to, copyTo, reason, results);
        add(content);

        ok.setText(getTranslation("review.handover.ok"));
        ok.setId("review-handover-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(e -> run());
        Button close = new Button(getTranslation("ui.close"), e -> close());
        getFooter().add(close, ok);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && done) {
                onDone.run();
            }
        });
    }

    private List<Person> candidates() {
        String first = items.get(0).taskId();
        try {
            return switch (action) {
                case TRANSFER, DELEGATE -> handover.colleagues(first);
                case COPY -> copies.candidates(first);
                case RESOLVE -> List.of();
            };
        } catch (RuntimeException e) {
            Feedback.show(this, e);
            return List.of();
        }
    }

    void run() {
        String username = to.getValue() == null ? null : to.getValue().username();
        List<String> copyNames = copyTo.getValue().stream().map(Person::username).toList();
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("reason", reason,
                "to", action == HandoverAction.COPY ? copyTo : to);
        try {
            if (items.size() == 1) {
                String id = items.get(0).taskId();
                switch (action) {
                    case TRANSFER -> handover.transfer(id, username, reason.getValue());
                    case DELEGATE -> handover.delegate(id, username, reason.getValue());
                    case RESOLVE -> handover.resolve(id, reason.getValue());
                    case COPY -> copies.copy(id, copyNames, reason.getValue());
                }
                done = true;
                Feedback.success(getTranslation("review.handover.done." + action.name()));
                close();
                return;
            }
            List<String> ids = items.stream().map(WorkItem::taskId).toList();
            List<BulkResult> outcome = action == HandoverAction.COPY ? copies.copyAll(ids, copyNames, reason.getValue())
                    : handover.transferAll(ids, username, reason.getValue());
            done = true;
            fields.values().forEach(f -> f.setInvalid(false));
            results.setItems(outcome);
            results.setVisible(true);
            ok.setEnabled(false);
        } catch (RuntimeException e) {
            Feedback.show(this, e, fields);
            if (reason.isInvalid()) {
                reason.focus();
            }
        }
    }
}
