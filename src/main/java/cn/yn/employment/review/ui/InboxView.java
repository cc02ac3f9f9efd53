package cn.yn.employment.review.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.review.BulkAction;
import cn.yn.employment.review.Cursor;
import cn.yn.employment.review.HandoverAction;
import cn.yn.employment.review.InboxCounts;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.InboxPage;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReviewService;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.Feedback;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The reviewer's workbench: tabs 待办 / 已办 / 被退回 with counts and 抄送我的 ({@link CopiesPanel}), a filter bar with saved filters ({@link InboxFilterBar}), a keyset-paged
 * grid with multi-select for bulk approve / return, and a detail dialog per item. Reads only {@link ReviewService}.
 */
@Route(value = InboxView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_})
public class InboxView extends VerticalLayout implements HasViewTitle {

    public static final String ROUTE = "review/inbox";
    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final ReviewService review;
    private final ItemActions actions;
    private final CodeService codes;
    private final List<SubjectDetailsProvider> providers;
    final CurrentUser user;
    final boolean province;

    final Tabs tabs = new Tabs();
    final Map<InboxTab, Tab> tabByKind = new EnumMap<>(InboxTab.class);
    InboxTab currentTab = InboxTab.TODO;
    final InboxFilterBar filters;

    final Grid<WorkItem> grid = new Grid<>();
    final List<WorkItem> loaded = new ArrayList<>();
    Cursor next;
    long total;
    final Span loadedLabel = new Span();
    final Button loadMore = new Button();
    final Button bulkApprove = new Button();
    final Button bulkReturn = new Button();
    final Button selectAllMatching = new Button();
    final Button bulkTransfer = new Button();
    final Button bulkCopy = new Button();
    /** 抄送我的: not an engine task list, so its own tab and panel beside the three task tabs. */
    final Tab copiedTab = new Tab();
    final CopiesPanel copies;
    private final List<Component> taskListParts = new ArrayList<>();

    /** Runs bulk actions off the request thread so the progress bar moves; tests replace it with a direct executor. */
    Executor bulkExecutor = r -> {
        Thread t = new Thread(r, "review-bulk");
        t.setDaemon(true);
        t.start();
    };

    private Grid.SelectionMode selectionMode;
    private Grid.Column<WorkItem> colState;
    private Grid.Column<WorkItem> colDue;
    private Grid.Column<WorkItem> colClaimed;
    private Grid.Column<WorkItem> colActions;
    private Grid.Column<WorkItem> colDecision;
    private Grid.Column<WorkItem> colCompleted;
    private Grid.Column<WorkItem> colComment;

    public InboxView(ReviewService review, ItemActions actions, CodeService codes, CurrentUserProvider users,
                     ObjectProvider<SubjectDetailsProvider> providers) {
        this.review = review;
        this.actions = actions;
        this.codes = codes;
        this.providers = providers.orderedStream().toList();
        this.user = users.require();
        this.province = user.candidateGroups().contains("province");
        setId("review-inbox");
        setSizeFull();
        this.filters = new InboxFilterBar(review, codes, user, province, this::reload);
        buildTabs();
        buildGrid();
        Component toolbar = toolbar();
        Component footer = footer();
        taskListParts.addAll(List.of(filters, toolbar, grid, footer));
        this.copies = new CopiesPanel(actions, this.providers, this::showCopiedCount);
        copies.setVisible(false);
        add(tabs, filters, toolbar, grid, footer, copies);
        reload();
    }

    @Override
    public String viewTitle() {
        return getTranslation("review.inbox.title");
    }

    // ------------------------------------------------------------------ layout

    private void buildTabs() {
        for (InboxTab t : InboxTab.values()) {
            if (t == InboxTab.RETURNED && province) {
                continue; // only cities receive returns from the province
            }
            Tab tab = new Tab();
            tab.setId("review-tab-" + t.name().toLowerCase());
            tabByKind.put(t, tab);
            tabs.add(tab);
        }
        copiedTab.setId("review-tab-copied");
        tabs.add(copiedTab);
        tabs.addSelectedChangeListener(e -> {
            boolean copied = e.getSelectedTab() == copiedTab;
            taskListParts.forEach(c -> c.setVisible(!copied));
            copies.setVisible(copied);
            if (copied) {
                copies.reload();
                return;
            }
            currentTab = tabByKind.entrySet().stream().filter(en -> en.getValue() == e.getSelectedTab())
                    .map(Map.Entry::getKey).findFirst().orElse(InboxTab.TODO);
            reload();
        });
    }

    private Component toolbar() {
        bulkApprove.setText(getTranslation("review.action.bulkApprove"));
        bulkApprove.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        bulkApprove.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        bulkApprove.setId("review-bulk-approve");
        bulkApprove.addClickListener(e -> openBulk(BulkAction.APPROVE, new ArrayList<>(grid.getSelectedItems())));
        bulkReturn.setText(getTranslation("review.action.bulkReturn"));
        bulkReturn.setIcon(VaadinIcon.REPLY_ALL.create());
        bulkReturn.setId("review-bulk-return");
        bulkReturn.addClickListener(e -> openBulk(BulkAction.RETURN, new ArrayList<>(grid.getSelectedItems())));
        selectAllMatching.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectAllMatching.setId("review-select-all-matching");
        selectAllMatching.addClickListener(e -> selectAllMatching());
        bulkTransfer.setText(getTranslation("review.action.bulkTransfer"));
        bulkTransfer.setIcon(VaadinIcon.EXCHANGE.create());
        bulkTransfer.setId("review-bulk-transfer");
        bulkTransfer.addClickListener(e -> openHandover(HandoverAction.TRANSFER, new ArrayList<>(grid.getSelectedItems())));
        bulkCopy.setText(getTranslation("review.action.bulkCopy"));
        bulkCopy.setIcon(VaadinIcon.COPY_O.create());
        bulkCopy.setId("review-bulk-copy");
        bulkCopy.addClickListener(e -> openHandover(HandoverAction.COPY, new ArrayList<>(grid.getSelectedItems())));
        HorizontalLayout bar = new HorizontalLayout(bulkApprove, bulkReturn, bulkTransfer, bulkCopy, selectAllMatching);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private Component footer() {
        loadMore.setText(getTranslation("review.loadMore"));
        loadMore.setId("review-load-more");
        loadMore.addClickListener(e -> loadNextPage());
        loadedLabel.setId("review-loaded");
        loadedLabel.addClassName("ems-muted");
        HorizontalLayout f = new HorizontalLayout(loadedLabel, loadMore);
        f.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return f;
    }

    private void buildGrid() {
        grid.setId("review-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(w -> getTranslation("review.kind." + w.kind())).setHeader(getTranslation("review.col.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("review.col.enterprise")).setKey("enterprise")
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(WorkItem::uscc).setHeader(getTranslation("review.col.uscc")).setKey("uscc").setAutoWidth(true);
        grid.addColumn(w -> codes.nameOf(CodeType.REGION, province ? w.cityCode() : w.countyCode()))
                .setHeader(getTranslation("review.col.region")).setKey("region").setAutoWidth(true);
        grid.addColumn(WorkItem::periodCode).setHeader(getTranslation("review.col.period")).setKey("period").setAutoWidth(true);
        colState = grid.addColumn(w -> getTranslation("review.state." + w.state())).setHeader(getTranslation("review.col.state"))
                .setKey("state").setAutoWidth(true);
        grid.addColumn(w -> fmt(w.submittedAt())).setHeader(getTranslation("review.col.submitted")).setKey("submitted")
                .setAutoWidth(true);
        colDue = grid.addComponentColumn(this::dueCell).setHeader(getTranslation("review.col.due")).setKey("due").setAutoWidth(true);
        colClaimed = grid.addColumn(w -> w.claimedBy() == null ? "" : w.claimedBy()).setHeader(getTranslation("review.col.claimed"))
                .setKey("claimed").setAutoWidth(true);
        colDecision = grid.addColumn(w -> w.decision() == null ? "" : getTranslation("review.decision." + w.decision())
                        + ("RETURN".equals(w.decision()) && w.returnTo() != null ? " · " + getTranslation("review.returnTo." + w.returnTo()) : ""))
                .setHeader(getTranslation("review.col.decision")).setKey("decision").setAutoWidth(true);
        colCompleted = grid.addColumn(w -> fmt(w.completedAt())).setHeader(getTranslation("review.col.completed"))
                .setKey("completed").setAutoWidth(true);
        colComment = grid.addColumn(w -> w.comment() == null ? "" : w.comment()).setHeader(getTranslation("review.col.comment"))
                .setKey("comment").setFlexGrow(1);
        colActions = grid.addComponentColumn(this::actionsCell).setHeader(getTranslation("ui.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(e -> openItem(e.getItem()));
    }

    private Component nameCell(WorkItem w) {
        HorizontalLayout cell = new HorizontalLayout();
        cell.setSpacing(true);
        cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Button open = new Button(w.enterpriseName() == null ? "#" + w.subjectId() : w.enterpriseName(), e -> openItem(w));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        cell.add(open);
        if (w.hasWarnings()) {
            Span badge = new Span(getTranslation("review.warning.badge"));
            badge.getElement().getThemeList().add("badge error small");
            cell.add(badge);
        }
        if (w.delegated()) {
            Span badge = new Span(getTranslation("review.badge.delegated"));
            badge.getElement().getThemeList().add("badge small");
            badge.getElement().setAttribute("title", getTranslation("review.badge.delegatedBy", w.owner()));
            badge.addClassName("review-delegated-badge");
            cell.add(badge);
        }
        if (w.returnedByProvince()) {
            Span badge = new Span(getTranslation("review.col.returnedByProvince"));
            badge.getElement().getThemeList().add("badge contrast small");
            cell.add(badge);
        }
        return cell;
    }

    private Component dueCell(WorkItem w) {
        Span s = new Span(fmt(w.dueAt()));
        if (w.overdue()) {
            s.setText(fmt(w.dueAt()) + " " + getTranslation("review.overdue.badge"));
            s.getElement().getThemeList().add("badge error small");
        }
        return s;
    }

    private Component actionsCell(WorkItem w) {
        HorizontalLayout cell = new HorizontalLayout();
        if (w.done()) {
            return cell;
        }
        boolean mine = user.username().equals(w.claimedBy());
        if (w.claimedBy() == null) {
            Button b = new Button(getTranslation("review.action.claim"), e -> act(() -> review.claim(w.taskId()), "review.claimed"));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setId("review-claim-" + w.taskId());
            cell.add(b);
        } else if (mine) {
            Button b = new Button(getTranslation("review.action.release"), e -> act(() -> review.release(w.taskId()), "review.released"));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setId("review-release-" + w.taskId());
            cell.add(b);
        }
        return cell;
    }

    // ------------------------------------------------------------------ data

    /** Reloads counts and the first page of the current tab. */
    void reload() {
        try {
            InboxCounts counts = review.counts();
            tabByKind.forEach((t, tab) -> tab.setLabel(getTranslation("review.tab." + t.name(), counts.of(t))));
            showCopiedCount();
            InboxFilter f = filters.currentFilter();
            total = review.count(currentTab, f);
            InboxPage page = review.inbox(currentTab, f, null, PAGE_SIZE);
            loaded.clear();
            loaded.addAll(page.items());
            next = page.next();
            boolean open = currentTab != InboxTab.DONE;
            Grid.SelectionMode mode = open ? Grid.SelectionMode.MULTI : Grid.SelectionMode.SINGLE;
            if (mode != selectionMode) {
                // a new selection model drops the listeners of the old one
                grid.setSelectionMode(mode);
                grid.addSelectionListener(e -> updateBulkButtons());
                selectionMode = mode;
            }
            colState.setVisible(open);
            colDue.setVisible(open);
            colClaimed.setVisible(open);
            colActions.setVisible(open);
            colDecision.setVisible(!open);
            colCompleted.setVisible(!open);
            colComment.setVisible(!open);
            bulkApprove.setVisible(open);
            bulkReturn.setVisible(open);
            bulkTransfer.setVisible(open);
            selectAllMatching.setVisible(open);
            filters.openTab(open);
            grid.setItems(loaded);
            showPaging();
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    void loadNextPage() {
        if (next == null) {
            return;
        }
        try {
            InboxPage page = review.inbox(currentTab, filters.currentFilter(), next, PAGE_SIZE);
            loaded.addAll(page.items());
            next = page.next();
            grid.getDataProvider().refreshAll();
            showPaging();
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    private void showPaging() {
        loadedLabel.setText(getTranslation("review.loaded", loaded.size(), total));
        loadMore.setVisible(next != null);
        selectAllMatching.setText(getTranslation("review.action.selectAllMatching", total));
        selectAllMatching.setEnabled(total > 0);
        updateBulkButtons();
    }

    private void updateBulkButtons() {
        boolean any = !grid.getSelectedItems().isEmpty();
        bulkApprove.setEnabled(any);
        bulkReturn.setEnabled(any);
        bulkTransfer.setEnabled(any);
        bulkCopy.setEnabled(any);
    }

    /** The 抄送我的 tab shows the unread copies. */
    void showCopiedCount() {
        try {
            copiedTab.setLabel(getTranslation("review.tab.COPIED", actions.copies.countUnread()));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    /** Loads every open item matching the filter (through keyset pages, up to the bulk limit) and selects them. */
    void selectAllMatching() {
        try {
            InboxFilter f = filters.currentFilter();
            Cursor c = next;
            while (c != null && loaded.size() < ReviewService.MAX_BULK) {
                InboxPage page = review.inbox(currentTab, f, c, ReviewService.MAX_PAGE);
                loaded.addAll(page.items());
                c = page.next();
            }
            next = c;
            grid.getDataProvider().refreshAll();
            showPaging();
            grid.asMultiSelect().select(loaded.stream().filter(w -> !w.done()).toList());
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    private void act(Runnable action, String successKey) {
        try {
            action.run();
            Feedback.success(getTranslation(successKey));
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
        reload();
    }

    // ------------------------------------------------------------------ dialogs

    WorkItemDialog openItem(WorkItem w) {
        SubjectDetailsProvider provider = providers.stream().filter(p -> p.kind().equals(w.kind())).findFirst().orElse(null);
        WorkItemDialog d = new WorkItemDialog(review, actions.handover, actions.copies, codes, user, w, provider,
                actions.diagrams, this::reload);
        d.open();
        return d;
    }

    BulkDialog openBulk(BulkAction action, List<WorkItem> items) {
        if (items.isEmpty()) {
            Feedback.error(getTranslation("review.bulk.nothingSelected"));
            return null;
        }
        BulkDialog d = new BulkDialog(review, action, items, province, bulkExecutor, () -> {
            grid.deselectAll();
            reload();
        });
        d.open();
        return d;
    }

    HandoverDialog openHandover(HandoverAction action, List<WorkItem> items) {
        if (items.isEmpty()) {
            Feedback.error(getTranslation("review.bulk.nothingSelected"));
            return null;
        }
        HandoverDialog d = new HandoverDialog(actions.handover, actions.copies, action, items, () -> {
            grid.deselectAll();
            reload();
        });
        d.open();
        return d;
    }

    static String fmt(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

}
