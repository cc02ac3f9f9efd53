package cn.yn.employment.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.InboxExport;
import cn.yn.employment.review.InboxFilter;
import cn.yn.employment.review.InboxPages;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReviewTestBase;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Issue 20 §3 on the inbox: counts that follow the filter, numbered pages, the period pick-list, Excel export, 已办 order. */
class InboxListsTest extends ReviewTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    CodeService codes;
    @Autowired
    CurrentUserProvider users;
    @Autowired
    ObjectProvider<SubjectDetailsProvider> providers;
    @Autowired
    InboxPages pages;
    @Autowired
    InboxExport exporter;

    @BeforeEach
    void karibu() {
        KaribuSpring.setup(ctx, new com.github.mvysny.kaributesting.v10.Routes(java.util.Set.of(), java.util.Set.of(), true));
    }

    @AfterEach
    void karibuDown() {
        KaribuSpring.tearDown();
    }

    private InboxView open() {
        InboxView view = new InboxView(review, pages, exporter, ctx.getBean(ItemActions.class), codes, users, providers);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    private List<String> seed() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(submit("530100", "530102", "十月公司" + i, false, "2026-10", "REPORT"));
        }
        for (int i = 0; i < 3; i++) {
            ids.add(submit("530100", "530103", "九月公司" + i, false, "2026-09", "REPORT"));
        }
        submit("530300", "530302", "曲靖公司", false, "2026-10", "REPORT");
        return ids;
    }

    @Test
    void numberedPagesReadTheSameRowsByKeysetAndByNumber() {
        seed();
        as(KUNMING_A);
        InboxView view = open();
        _setValue(view.pager.size, 20);
        view.pager.restart(view.total);
        assertThat(view.total).isEqualTo(23);
        assertThat(view.loaded).hasSize(20);
        assertThat(view.pager.label.getText()).isEqualTo("第 1–20 条，共 23 条");
        List<String> page2ByNumber = pages.page(InboxTab.TODO, InboxFilter.none(), 1, 20).items().stream().map(WorkItem::taskId).toList();
        _click(find(view, "review-page-2"));
        assertThat(view.pager.index).isEqualTo(1);
        assertThat(view.loaded).extracting(WorkItem::taskId).containsExactlyElementsOf(page2ByNumber).hasSize(3);
        assertThat(view.pager.label.getText()).isEqualTo("第 21–23 条，共 23 条");
        assertThat(find(view, "review-page-next").isEnabled()).isFalse();
        // claiming a row keeps the reviewer on the page they were on
        Button claim = (Button) ((com.vaadin.flow.component.HasComponents) GridKt._getCellComponent(view.grid, 0, "actions"))
                .getElement().getChildren().findFirst().orElseThrow().getComponent().orElseThrow();
        _click(claim);
        assertThat(view.pager.index).isEqualTo(1);
        assertThat(view.loaded).extracting(WorkItem::taskId).containsExactlyElementsOf(page2ByNumber);
        assertThat(view.loaded.get(0).claimedBy()).isEqualTo("km_a");
        _click(find(view, "review-page-prev"));
        assertThat(view.loaded).hasSize(20);
        // a province reviewer's pages do not contain the city's neighbours: Qujing's item is not Kunming's
        assertThat(view.loaded).extracting(WorkItem::enterpriseName).doesNotContain("曲靖公司");
    }

    @Test
    void tabCountsFollowTheFilterAndThePeriodIsAPickList() throws Exception {
        List<String> ids = seed();
        as(KUNMING_A);
        review.approve(taskId(ids.get(0)), null);
        Thread.sleep(20);
        review.approve(taskId(ids.get(21)), null);
        InboxView view = open();
        assertThat(view.filters.period.getListDataView().getItems().toList()).containsExactly("2026-10", "2026-09");
        assertThat(view.tabByKind.get(InboxTab.TODO).getLabel()).isEqualTo("待办 (21)");
        assertThat(view.tabByKind.get(InboxTab.DONE).getLabel()).isEqualTo("已办 (2)");

        _setValue(view.filters.period, "2026-09");
        _click(view.filters.search);
        assertThat(view.tabByKind.get(InboxTab.TODO).getLabel()).isEqualTo("待办 (2)");
        assertThat(view.tabByKind.get(InboxTab.DONE).getLabel()).isEqualTo("已办 (1)");
        assertThat(view.tabByKind.get(InboxTab.RETURNED).getLabel()).isEqualTo("被退回 (0)");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);

        // 已办: newest first
        _click(view.filters.reset);
        view.tabs.setSelectedTab(view.tabByKind.get(InboxTab.DONE));
        assertThat(view.loaded).extracting(WorkItem::enterpriseName).containsExactly("九月公司1", "十月公司0");
    }

    @Test
    void excelExportHoldsEveryFilteredRowOfTheCallersScope() throws Exception {
        seed();
        as(KUNMING_A);
        InboxView view = open();
        assertThat(view.export.getElement().getAttribute("href")).isNotBlank();
        List<List<String>> rows = export(InboxTab.TODO, InboxFilter.none());
        assertThat(rows.get(0)).startsWith("类型", "企业名称", "统一社会信用代码", "市（州）", "县（市、区）", "调查期", "状态");
        assertThat(rows).hasSize(24);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).doesNotContain("曲靖公司").contains("九月公司2");
        assertThat(rows.get(1)).contains("月报", "昆明市", "2026-10", "待市审");

        assertThat(export(InboxTab.TODO, InboxFilter.none().withPeriod("2026-09"))).hasSize(4);
        as(QUJING);
        assertThat(export(InboxTab.TODO, InboxFilter.none())).hasSize(2).last().satisfies(r -> assertThat(r.get(1)).isEqualTo("曲靖公司"));
    }

    private List<List<String>> export(InboxTab tab, InboxFilter f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(tab, f, Locale.SIMPLIFIED_CHINESE, out);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheetAt(0);
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    cells.add(r.getCell(i) == null ? "" : r.getCell(i).getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static Button find(InboxView view, String id) {
        return view.pager.numbers.getChildren().filter(c -> c.getId().filter(id::equals).isPresent())
                .map(Button.class::cast).findFirst().orElseThrow();
    }
}
