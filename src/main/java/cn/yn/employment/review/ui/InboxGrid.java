package cn.yn.employment.review.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.review.WorkItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The inbox's grid. Its columns fit a 1,366 px screen beside the menu without a horizontal scroll bar: fixed
 * widths, the USCC on a second line under the enterprise's name, times without the year (the full time is the
 * cell's tooltip and in the Excel export). Open tabs show state, due date, claimant and 认领/释放; 已办 shows the
 * decision, completion time and comment instead ({@link #showOpen}).
 */
class InboxGrid extends Grid<WorkItem> {

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(BusinessTime.MINUTES.getZone());

    private final CodeService codes;
    private final CurrentUser user;
    private final Consumer<WorkItem> open;
    /** Claim ({@code true}) or release ({@code false}) an item: the view runs it and reloads. */
    private final BiConsumer<WorkItem, Boolean> claim;
    private final Column<WorkItem> colState;
    private final Column<WorkItem> colDue;
    private final Column<WorkItem> colClaimed;
    private final Column<WorkItem> colActions;
    private final Column<WorkItem> colDecision;
    private final Column<WorkItem> colCompleted;
    private final Column<WorkItem> colComment;

    InboxGrid(CodeService codes, CurrentUser user, boolean province, Consumer<WorkItem> open, BiConsumer<WorkItem, Boolean> claim) {
        this.codes = codes;
        this.user = user;
        this.open = open;
        this.claim = claim;
        setId("review-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setSizeFull();
        // on a 768 px high screen the filter bar leaves little room: the page scrolls instead of the grid shrinking
        setMinHeight("24em");
        fixed(addColumn(w -> getTranslation("review.kind." + w.kind())).setHeader(getTranslation("review.col.kind")).setKey("kind"), "4.5em");
        addComponentColumn(this::nameCell).setHeader(getTranslation("review.col.enterprise")).setKey("enterprise")
                .setWidth("14em").setFlexGrow(1);
        fixed(addColumn(w -> codes.nameOf(CodeType.REGION, province ? w.cityCode() : w.countyCode()))
                .setHeader(getTranslation("review.col.region")).setKey("region"), "6.5em");
        fixed(addColumn(WorkItem::periodCode).setHeader(getTranslation("review.col.period")).setKey("period"), "5.5em");
        colState = fixed(addColumn(w -> getTranslation("review.state." + w.state())).setHeader(getTranslation("review.col.state"))
                .setKey("state"), "5em");
        fixed(addComponentColumn(w -> time(w.submittedAt())).setHeader(getTranslation("review.col.submitted")).setKey("submitted"), "7em");
        colDue = fixed(addComponentColumn(this::dueCell).setHeader(getTranslation("review.col.due")).setKey("due"), "7em");
        colClaimed = fixed(addColumn(w -> w.claimedBy() == null ? "" : w.claimedBy()).setHeader(getTranslation("review.col.claimed"))
                .setKey("claimed"), "6em");
        colDecision = fixed(addColumn(w -> w.decision() == null ? "" : getTranslation("review.decision." + w.decision())
                        + ("RETURN".equals(w.decision()) && w.returnTo() != null ? " · " + getTranslation("review.returnTo." + w.returnTo()) : ""))
                .setHeader(getTranslation("review.col.decision")).setKey("decision"), "8em");
        colCompleted = fixed(addComponentColumn(w -> time(w.completedAt())).setHeader(getTranslation("review.col.completed"))
                .setKey("completed"), "7em");
        colComment = addColumn(w -> w.comment() == null ? "" : w.comment()).setHeader(getTranslation("review.col.comment"))
                .setKey("comment").setWidth("10em").setFlexGrow(1);
        colActions = fixed(addComponentColumn(this::actionsCell).setHeader(getTranslation("ui.actions")).setKey("actions"), "5.5em");
        addItemDoubleClickListener(e -> open.accept(e.getItem()));
    }

    private static Column<WorkItem> fixed(Column<WorkItem> c, String width) {
        return c.setWidth(width).setFlexGrow(0);
    }

    /** Columns of the open tabs, or of 已办. */
    void showOpen(boolean openTab) {
        colState.setVisible(openTab);
        colDue.setVisible(openTab);
        colClaimed.setVisible(openTab);
        colActions.setVisible(openTab);
        colDecision.setVisible(!openTab);
        colCompleted.setVisible(!openTab);
        colComment.setVisible(!openTab);
    }

    static Span time(Instant i) {
        Span s = new Span(i == null ? "" : SHORT.format(i));
        if (i != null) {
            s.getElement().setAttribute("title", BusinessTime.MINUTES.format(i));
        }
        return s;
    }

    private Component nameCell(WorkItem w) {
        Div cell = new Div();
        cell.addClassName("review-name-cell");
        Button name = new Button(w.enterpriseName() == null ? "#" + w.subjectId() : w.enterpriseName(), e -> open.accept(w));
        name.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cell.add(name);
        if (w.hasWarnings()) {
            cell.add(badge(getTranslation("review.warning.badge"), "badge error small"));
        }
        if (w.delegated()) {
            Span b = badge(getTranslation("review.badge.delegated"), "badge small");
            b.getElement().setAttribute("title", getTranslation("review.badge.delegatedBy", w.owner()));
            b.addClassName("review-delegated-badge");
            cell.add(b);
        }
        if (w.returnedByProvince()) {
            cell.add(badge(getTranslation("review.col.returnedByProvince"), "badge contrast small"));
        }
        Div uscc = new Div(w.uscc() == null ? "" : w.uscc());
        uscc.addClassName("ems-muted");
        uscc.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        cell.add(uscc);
        return cell;
    }

    private static Span badge(String text, String theme) {
        Span b = new Span(text);
        b.getElement().getThemeList().add(theme);
        b.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        return b;
    }

    private Component dueCell(WorkItem w) {
        Span s = time(w.dueAt());
        if (w.overdue()) {
            s.setText(s.getText() + " " + getTranslation("review.overdue.badge"));
            s.getElement().getThemeList().add("badge error small");
        }
        return s;
    }

    private Component actionsCell(WorkItem w) {
        Div cell = new Div();
        if (w.done()) {
            return cell;
        }
        if (w.claimedBy() == null) {
            Button b = new Button(getTranslation("review.action.claim"), e -> claim.accept(w, true));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setId("review-claim-" + w.taskId());
            cell.add(b);
        } else if (user.username().equals(w.claimedBy())) {
            Button b = new Button(getTranslation("review.action.release"), e -> claim.accept(w, false));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setId("review-release-" + w.taskId());
            cell.add(b);
        }
        return cell;
    }
}
