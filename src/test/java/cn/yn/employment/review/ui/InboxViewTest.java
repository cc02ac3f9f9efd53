package cn.yn.employment.review.ui;

import cn.yn.employment.ui.KaribuSpring;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewTestBase;
import cn.yn.employment.review.SavedFilter;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.ObjectProvider;

class InboxViewTest extends ReviewTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    CodeService codes;
    @Autowired
    CurrentUserProvider users;
    @Autowired
    ObjectProvider<SubjectDetailsProvider> providers;

    @BeforeEach
    void karibu() {
        KaribuSpring.setup(ctx, new com.github.mvysny.kaributesting.v10.Routes(java.util.Set.of(), java.util.Set.of(), true));
    }

    @AfterEach
    void karibuDown() {
        KaribuSpring.tearDown();
    }

    private InboxView open() {
        InboxView view = new InboxView(review, ctx.getBean(cn.yn.employment.review.InboxPages.class), ctx.getBean(cn.yn.employment.review.InboxExport.class), ctx.getBean(ItemActions.class), codes, users, providers);
        view.bulkExecutor = Runnable::run;
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    private WorkItem rowNamed(InboxView view, String name) {
        return view.loaded.stream().filter(w -> name.equals(w.enterpriseName())).findFirst().orElseThrow();
    }

    @Test
    void cityReviewerFiltersSavesClaimsReturnsApprovesAndBulkApproves() {
        String pTarget = submit("530100", "530103", "筛选目标公司", false);
        String pReturn = submit("530100", "530102", "退回公司", false);
        String pApprove = submit("530100", "530102", "通过公司", false);
        String pBulk1 = submit("530100", "530102", "批量一公司", false);
        String pBulk2 = submit("530100", "530102", "批量二公司", false);
        String pWarn = submit("530100", "530102", "预警公司", true);
        submit("530300", "530302", "曲靖公司", false);
        as(KUNMING_A);
        InboxView view = open();
        assertThat(GridKt._size(view.grid)).isEqualTo(6);
        assertThat(view.tabByKind.get(InboxTab.TODO).getLabel()).contains("6");

        // filter by text and county
        _setValue(view.filters.text, "筛选目标");
        _click(view.filters.search);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        _setValue(view.filters.text, "");
        _setValue(view.filters.region, codes.find(cn.yn.employment.codes.CodeType.REGION, "530103").orElseThrow());
        _click(view.filters.search);
        assertThat(view.loaded).extracting(WorkItem::enterpriseName).containsExactly("筛选目标公司");

        // save it as a shared filter
        _click(view.filters.saveFilter);
        _setValue(_get(TextField.class, s -> s.withId("review-filter-name")), "五华区");
        _setValue(_get(Checkbox.class, s -> s.withId("review-filter-shared")), true);
        _click(_get(Button.class, s -> s.withId("review-filter-save-ok")));
        as(KUNMING_B);
        assertThat(review.savedFilters()).extracting(SavedFilter::name).containsExactly("五华区");
        as(QUJING);
        assertThat(review.savedFilters()).isEmpty();
        as(KUNMING_A);
        _click(view.filters.reset);
        assertThat(GridKt._size(view.grid)).isEqualTo(6);

        // claim from the grid row
        int idx = view.loaded.indexOf(rowNamed(view, "筛选目标公司"));
        Button claim = (Button) ((com.vaadin.flow.component.HasComponents) GridKt._getCellComponent(view.grid, idx, "actions"))
                .getElement().getChildren().findFirst().orElseThrow().getComponent().orElseThrow();
        _click(claim);
        assertThat(openTask(pTarget).getAssignee()).isEqualTo("km_a");
        assertThat(rowNamed(view, "筛选目标公司").claimedBy()).isEqualTo("km_a");

        // return with reason: refused without one, done with one
        WorkItemDialog d = view.openItem(rowNamed(view, "退回公司"));
        _click(d.sendBack);
        assertThat(d.reason.isInvalid()).isTrue();
        assertThat(openTask(pReturn).getTaskDefinitionKey()).isEqualTo("cityReview");
        _setValue(d.reason, "请补充减员原因");
        _click(d.sendBack);
        assertThat(openTask(pReturn).getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        assertThat(view.loaded).extracting(WorkItem::enterpriseName).doesNotContain("退回公司");

        // approve
        d = view.openItem(rowNamed(view, "通过公司"));
        _click(d.approve);
        assertThat(openTask(pApprove).getTaskDefinitionKey()).isEqualTo("provinceReview");

        // bulk-approve the page with one warning item, unconfirmed
        view.grid.asMultiSelect().select(view.loaded.stream().filter(w -> !w.enterpriseName().equals("筛选目标公司")).toList());
        _click(view.bulkApprove);
        BulkDialog bulk = _get(BulkDialog.class);
        assertThat(bulk.confirmations).hasSize(1);
        _click(bulk.start);
        assertThat(bulk.finished).isTrue();
        assertThat(bulk.outcome).filteredOn(BulkResult::ok).extracting(BulkResult::enterpriseName)
                .containsExactlyInAnyOrder("批量一公司", "批量二公司");
        assertThat(bulk.outcome).filteredOn(r -> !r.ok()).singleElement()
                .satisfies(r -> assertThat(r.messageKey()).isEqualTo("review.bulk.needsConfirmation"));
        assertThat(GridKt._size(bulk.results)).isEqualTo(3);
        assertThat(openTask(pBulk1).getTaskDefinitionKey()).isEqualTo("provinceReview");
        assertThat(openTask(pBulk2).getTaskDefinitionKey()).isEqualTo("provinceReview");
        assertThat(openTask(pWarn).getTaskDefinitionKey()).isEqualTo("cityReview");
        bulk.close();
        assertThat(view.loaded).extracting(WorkItem::enterpriseName).containsExactlyInAnyOrder("筛选目标公司", "预警公司");

        // the done tab lists what this reviewer completed
        view.tabs.setSelectedTab(view.tabByKind.get(InboxTab.DONE));
        assertThat(view.loaded).hasSize(4);
        assertThat(view.tabByKind.get(InboxTab.DONE).getLabel()).contains("4");
    }

    @Test
    void provinceReviewerReturnsToTheCityAndToTheEnterprise() {
        String toCity = submit("530100", "530102", "退回市级公司", false);
        String toEnterprise = submit("530300", "530302", "退回企业公司", false);
        as(KUNMING_A);
        review.approve(taskId(toCity), null);
        as(QUJING);
        review.approve(taskId(toEnterprise), null);

        as(PROVINCE);
        InboxView view = open();
        assertThat(view.tabByKind).doesNotContainKey(InboxTab.RETURNED);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        WorkItemDialog d = view.openItem(rowNamed(view, "退回市级公司"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ReturnTo> to = d.returnTo;
        assertThat(to.isVisible()).isTrue();
        _setValue(to, ReturnTo.CITY);
        _setValue(d.reason, "请市级复核县区");
        _click(d.sendBack);
        assertThat(openTask(toCity).getTaskDefinitionKey()).isEqualTo("cityReview");

        d = view.openItem(rowNamed(view, "退回企业公司"));
        _setValue(d.returnTo, ReturnTo.ENTERPRISE);
        _setValue(d.reason, "数据异常请企业核实");
        _click(d.sendBack);
        assertThat(openTask(toEnterprise).getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        assertThat(GridKt._size(view.grid)).isZero();

        // the city sees what the province returned to it, with the reason
        as(KUNMING_B);
        InboxView city = open();
        assertThat(city.tabByKind.get(InboxTab.RETURNED).getLabel()).contains("1");
        city.tabs.setSelectedTab(city.tabByKind.get(InboxTab.RETURNED));
        assertThat(city.loaded).extracting(WorkItem::enterpriseName).containsExactly("退回市级公司");
        WorkItemDialog cd = city.openItem(city.loaded.get(0));
        assertThat(_get(cd, com.vaadin.flow.component.html.Span.class, s -> s.withId("review-province-return-note")).getText())
                .contains("请市级复核县区");
        assertThat(d.comment).isInstanceOf(TextArea.class);
    }
}
