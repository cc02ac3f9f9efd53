package cn.yn.employment.review.ui;

import cn.yn.employment.common.time.BusinessTime;
import cn.yn.employment.codes.CodeService;
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
import cn.yn.employment.common.web.DownloadFileNames;
import cn.yn.employment.review.InboxExport;
import cn.yn.employment.review.InboxPages;
import cn.yn.employment.ui.ExcelDownload;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;

/**
 * The reviewer's workbench: tabs 待办 / 已办 / 被退回 whose counts follow the active filter, and 抄送我的
 * ({@link CopiesPanel}); the filter bar with saved filters ({@link InboxFilterBar}); the grid ({@link InboxGrid}) with
 * multi-select for bulk approve / return / transfer / copy; numbered pages ({@link InboxPager}); 导出 Excel of the
 * filtered tab ({@link InboxExport}); a detail dialog per item. Reads {@link ReviewService} and {@link InboxPages}.
 */
@Route(value = InboxView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_})
public class InboxView extends VerticalLayout implements HasViewTitle {

    public static final String ROUTE = "review/inbox";
    static final DateTimeFormatter TIME = BusinessTime.MINUTES;

    private final ReviewService review;
    private final InboxPages pages;
    private final ItemActions actions;
    private final CodeService codes;
    private final List<SubjectDetailsProvider> providers;
    final CurrentUser user;
    final boolean province;

    final Tabs tabs = new Tabs();
    final Map<InboxTab, Tab> tabByKind = new EnumMap<>(InboxTab.class);
    InboxTab currentTab = InboxTab.TODO;
    final InboxFilterBar filters;
    /** The filter and tab of the list shown: what 导出 Excel exports (read in the download request). */
    private volatile InboxFilter shownFilter = InboxFilter.none();
    private volatile InboxTab shownTab = InboxTab.TODO;

    final InboxGrid grid;
    /** The rows the grid shows: the current page, or every matching item after 全选所有匹配项. */
    final List<WorkItem> loaded = new ArrayList<>();
    final InboxPager pager;
    long total;
    final Button bulkApprove = new Button();
    final Button bulkReturn = new Button();
    final Button selectAllMatching = new Button();
    final Button bulkTransfer = new Button();
    final Button bulkCopy = new Button();
    final Anchor export;
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

    public InboxView(ReviewService review, InboxPages pages, InboxExport exporter, ItemActions actions, CodeService codes,
                     CurrentUserProvider users, ObjectProvider<SubjectDetailsProvider> providers) {
        this.review = review;
        this.pages = pages;
        this.actions = actions;
        this.codes = codes;
        this.providers = providers.orderedStream().toList();
        this.user = users.require();
        this.province = user.candidateGroups().contains("province");
        setId("review-inbox");
        setSizeFull();
        this.filters = new InboxFilterBar(review, pages, codes, user, province, this::reload);
        buildTabs();
        this.grid = new InboxGrid(codes, user, province, this::openItem, (w, claim) -> {
            if (claim) {
                act(() -> review.claim(w.taskId()), "review.claimed");
            } else {
                act(() -> review.release(w.taskId()), "review.released");
            }
        });
        this.pager = new InboxPager(this::fetch, this::show);
        Locale locale = getLocale();
        // file names translated now: the download runs in its own request, outside the UI
        Map<InboxTab, String> fileNames = new EnumMap<>(InboxTab.class);
        for (InboxTab t : InboxTab.values()) {
            fileNames.put(t, DownloadFileNames.safe(getTranslation("review.export.file", t.name().toLowerCase(Locale.ROOT))));
        }
        this.export = ExcelDownload.button("review-export", getTranslation("ui.exportExcel"),
                () -> fileNames.get(shownTab), out -> exporter.write(shownTab, shownFilter, locale, out));
        Component toolbar = toolbar();
        taskListParts.addAll(List.of(filters, toolbar, grid, pager));
        this.copies = new CopiesPanel(actions, this.providers, this::showCopiedCount);
        copies.setVisible(false);
        add(tabs, filters, toolbar, grid, pager, copies);
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
        Div gap = new Div();
        HorizontalLayout bar = new HorizontalLayout(bulkApprove, bulkReturn, bulkTransfer, bulkCopy, selectAllMatching, gap, export);
        bar.setFlexGrow(1, gap);
        bar.setWidthFull();
        bar.getStyle().set("flex-wrap", "wrap");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return bar;
    }

    // ------------------------------------------------------------------ data

    /** Reloads the tab counts (with the active filter) and the first page of the current tab. */
    void reload() {
        load(false);
    }

    /** After an action: the same counts and list, staying on the page shown (the rows may have moved up). */
    void refresh() {
        load(true);
    }

    private void load(boolean keepPage) {
        try {
            InboxFilter f = filters.currentFilter();
            for (Map.Entry<InboxTab, Tab> en : tabByKind.entrySet()) {
                long n = review.count(en.getKey(), f);
                en.getValue().setLabel(getTranslation("review.tab." + en.getKey().name(), n));
                if (en.getKey() == currentTab) {
                    total = n;
                }
            }
            showCopiedCount();
            shownFilter = f;
            shownTab = currentTab;
            boolean open = currentTab != InboxTab.DONE;
            Grid.SelectionMode mode = open ? Grid.SelectionMode.MULTI : Grid.SelectionMode.SINGLE;
            if (mode != selectionMode) {
                // a new selection model drops the listeners of the old one
                grid.setSelectionMode(mode);
                grid.addSelectionListener(e -> updateBulkButtons());
                selectionMode = mode;
            }
            grid.showOpen(open);
            bulkApprove.setVisible(open);
            bulkReturn.setVisible(open);
            bulkTransfer.setVisible(open);
            selectAllMatching.setVisible(open);
            filters.openTab(open);
            if (keepPage) {
                pager.refresh(total);
            } else {
                pager.restart(total);
            }
        } catch (RuntimeException e) {
            Feedback.show(this, e);
        }
    }

    private InboxPage fetch(Cursor after, boolean known, int index, int size) {
        return known ? review.inbox(shownTab, shownFilter, after, size) : pages.page(shownTab, shownFilter, index, size);
    }

    private void show(InboxPage page) {
        loaded.clear();
        loaded.addAll(page.items());
        grid.setItems(loaded);
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

    /** Shows every open item matching the filter in the grid (through keyset pages, up to the bulk limit) and selects them. */
    void selectAllMatching() {
        try {
            List<WorkItem> all = new ArrayList<>();
            Cursor c = null;
            do {
                InboxPage page = review.inbox(shownTab, shownFilter, c, ReviewService.MAX_PAGE);
                all.addAll(page.items());
                c = page.next();
            } while (c != null && all.size() < ReviewService.MAX_BULK);
            loaded.clear();
            loaded.addAll(all.subList(0, Math.min(all.size(), ReviewService.MAX_BULK)));
            grid.setItems(loaded);
            pager.label.setText(getTranslation("review.page.allMatching", loaded.size(), total));
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
        refresh();
    }

    // ------------------------------------------------------------------ dialogs

    WorkItemDialog openItem(WorkItem w) {
        SubjectDetailsProvider provider = providers.stream().filter(p -> p.kind().equals(w.kind())).findFirst().orElse(null);
        WorkItemDialog d = new WorkItemDialog(review, actions.handover, actions.copies, codes, user, w, provider,
                actions.diagrams, this::refresh);
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
            refresh();
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
            refresh();
        });
        d.open();
        return d;
    }

    static String fmt(Instant i) {
        return i == null ? "" : TIME.format(i);
    }
}
