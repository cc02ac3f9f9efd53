package cn.yn.employment.review.ui;

import cn.yn.employment.review.CopiedItem;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/** 抄送我的: the copies sent to the user, newest first, unread in bold; each opens read-only ({@link CopyDialog}). */
public class CopiesPanel extends VerticalLayout {

    static final int LIMIT = 200;

    private final ItemActions actions;
    private final List<SubjectDetailsProvider> providers;
    private final Runnable onRead;
    final Grid<CopiedItem> grid = new Grid<>();
    final List<CopiedItem> loaded = new ArrayList<>();
    final Span empty = new Span();

    CopiesPanel(ItemActions actions, List<SubjectDetailsProvider> providers, Runnable onRead) {
        this.actions = actions;
        this.providers = providers;
        this.onRead = onRead;
        setId("review-copies");
        setPadding(false);
        setSizeFull();
        grid.setId("review-copies-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("review.col.enterprise")).setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("review.kind." + c.kind())).setHeader(getTranslation("review.col.kind")).setAutoWidth(true);
        grid.addColumn(CopiedItem::periodCode).setHeader(getTranslation("review.col.period")).setAutoWidth(true);
        grid.addColumn(CopiedItem::fromName).setHeader(getTranslation("review.copies.from")).setAutoWidth(true);
        grid.addColumn(CopiedItem::reason).setHeader(getTranslation("review.copies.reason")).setFlexGrow(1);
        grid.addColumn(c -> InboxView.fmt(c.createdAt())).setHeader(getTranslation("review.copies.at")).setAutoWidth(true);
        grid.setPartNameGenerator(c -> c.unread() ? "ems-unread" : null);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        empty.setText(getTranslation("review.copies.empty"));
        empty.addClassName("ems-muted");
        add(empty, grid);
        reload();
    }

    private Component nameCell(CopiedItem c) {
        HorizontalLayout cell = new HorizontalLayout();
        cell.setSpacing(true);
        Button open = new Button(c.enterpriseName() == null ? "#" + c.subjectId() : c.enterpriseName(), e -> open(c));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cell.add(open);
        if (c.unread()) {
            Span badge = new Span(getTranslation("review.copies.unread"));
            badge.getElement().getThemeList().add("badge small");
            cell.add(badge);
        }
        return cell;
    }

    void reload() {
        try {
            loaded.clear();
            loaded.addAll(actions.copies.mine(0, LIMIT));
            grid.setItems(loaded);
            empty.setVisible(loaded.isEmpty());
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    CopyDialog open(CopiedItem c) {
        SubjectDetailsProvider provider = providers.stream().filter(p -> p.kind().equals(c.kind())).findFirst().orElse(null);
        CopyDialog d = new CopyDialog(actions, c, provider);
        d.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                reload();
                onRead.run();
            }
        });
        d.open();
        return d;
    }
}
