package cn.yn.employment.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Person;
import cn.yn.employment.review.CopiedItem;
import cn.yn.employment.review.ReviewTestBase;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The item dialog keeps the decision in reach, and hands items over (转办/委派/交回/抄送) from the dialog and the selection. */
class WorkItemDialogTest extends ReviewTestBase {

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

    private static WorkItem row(InboxView view, String name) {
        return view.loaded.stream().filter(w -> name.equals(w.enterpriseName())).findFirst().orElseThrow();
    }

    @Test
    void theDecisionAreaSitsInTheFooterBesideTheScrollingContent() {
        submit("530100", "530102", "长内容公司", true);
        as(KUNMING_A);
        InboxView view = open();
        WorkItemDialog d = view.openItem(row(view, "长内容公司"));

        assertThat(isInside(d.reason, d.actionBar)).isTrue();
        assertThat(isInside(d.approve, d.actionBar)).isTrue();
        assertThat(isInside(d.sendBack, d.actionBar)).isTrue();
        assertThat(isInside(d.returnTo, d.actionBar)).isTrue();
        assertThat(isInside(d.reason, d.content)).as("the reason does not scroll away with the content").isFalse();
        assertThat(d.content.getParent()).contains(d);
        assertThat(isInside(d.actionBar, d.content)).isFalse();
        assertThat(d.actionBar.getElement().getParent()).isNotNull();
        assertThat(d.actionBar.getElement().getParent()).isNotEqualTo(d.content.getElement().getParent());
    }

    @Test
    void returningWithoutAReasonPutsTheErrorAtTheFieldAndTheCursorInIt() {
        String pi = submit("530100", "530102", "缺原因公司", false);
        as(KUNMING_A);
        InboxView view = open();
        WorkItemDialog d = view.openItem(row(view, "缺原因公司"));
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        _click(d.sendBack);

        assertThat(d.reason.isInvalid()).isTrue();
        assertThat(d.reason.getErrorMessage()).isEqualTo("退回时必须填写原因");
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse(); // focus() runs then
        var pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        assertThat(focusCalls(pending, d.reason.getElement())).as("focus moved to the reason").isPositive();
        assertThat(focusCalls(pending, d.approve.getElement())).isZero();
        assertThat(openTask(pi).getTaskDefinitionKey()).isEqualTo("cityReview");
        assertThat(d.isOpened()).isTrue();

        _setValue(d.reason, "请补充说明");
        _click(d.sendBack);
        assertThat(openTask(pi).getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
    }

    @Test
    void aReviewerTransfersDelegatesAndCopiesFromTheDialogAndTheDelegateGivesItBack() {
        String pTransfer = submit("530100", "530102", "对话框转办公司", false);
        String pDelegate = submit("530100", "530102", "对话框委派公司", false);
        as(KUNMING_A);
        InboxView view = open();

        WorkItemDialog d = view.openItem(row(view, "对话框转办公司"));
        _click(d.transfer);
        HandoverDialog h = _get(HandoverDialog.class);
        assertThat(h.to.getListDataView().getItems().map(Person::username).toList()).containsExactly("km_b");
        _setValue(h.to, h.to.getListDataView().getItems().findFirst().orElseThrow());
        _click(h.ok);
        assertThat(h.reason.isInvalid()).as("the reason is required, at its field").isTrue();
        assertThat(openTask(pTransfer).getAssignee()).isNull();
        _setValue(h.reason, "休假");
        _click(h.ok);
        assertThat(openTask(pTransfer).getAssignee()).isEqualTo("km_b");
        assertThat(d.isOpened()).isFalse();

        d = view.openItem(row(view, "对话框委派公司"));
        _click(d.delegate);
        h = _get(HandoverDialog.class, s -> s.withId("review-handover-dialog"));
        _setValue(h.to, h.to.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(h.reason, "请帮忙核对");
        _click(h.ok);
        assertThat(openTask(pDelegate).getAssignee()).isEqualTo("km_b");

        // the delegate sees it with the 委派 badge; approve and return are not offered, 交回 is
        as(KUNMING_B);
        InboxView delegate = open();
        WorkItem delegated = row(delegate, "对话框委派公司");
        assertThat(delegated.delegated()).isTrue();
        int idx = delegate.loaded.indexOf(delegated);
        Component cell = GridKt._getCellComponent(delegate.grid, idx, "enterprise");
        assertThat(cell.getChildren().anyMatch(c -> c.getElement().getClassList().contains("review-delegated-badge"))).isTrue();
        WorkItemDialog dd = delegate.openItem(delegated);
        assertThat(dd.approve.isVisible()).isFalse();
        assertThat(dd.sendBack.isVisible()).isFalse();
        assertThat(dd.resolve.isVisible()).isTrue();
        _click(dd.resolve);
        HandoverDialog back = _get(HandoverDialog.class, s -> s.withId("review-handover-dialog"));
        _setValue(back.reason, "核对无误");
        _click(back.ok);
        assertThat(openTask(pDelegate).getAssignee()).isEqualTo("km_a");

        // back with the owner, who copies it to the province leader
        as(KUNMING_A);
        view = open();
        d = view.openItem(row(view, "对话框委派公司"));
        assertThat(d.approve.isVisible()).isTrue();
        _click(d.copy);
        h = _get(HandoverDialog.class, s -> s.withId("review-handover-dialog"));
        Person leader = h.copyTo.getListDataView().getItems().filter(p -> p.username().equals("prov_leader")).findFirst().orElseThrow();
        _setValue(h.copyTo, java.util.Set.of(leader));
        _setValue(h.reason, "请领导知悉");
        _click(h.ok);
        assertThat(jdbc.queryForObject("select count(*) from work_item_copy where to_username = 'prov_leader'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void bulkTransferAndBulkCopyOfTheSelectionAndTheCopiedTab() {
        submit("530100", "530102", "批量甲公司", false);
        submit("530100", "530102", "批量乙公司", false);
        as(KUNMING_A);
        InboxView view = open();
        view.grid.asMultiSelect().select(view.loaded);
        _click(view.bulkCopy);
        HandoverDialog copy = _get(HandoverDialog.class);
        _setValue(copy.copyTo, java.util.Set.of(copy.copyTo.getListDataView().getItems()
                .filter(p -> p.username().equals("km_b")).findFirst().orElseThrow()));
        _setValue(copy.reason, "本周重点");
        _click(copy.ok);
        assertThat(GridKt._size(copy.results)).isEqualTo(2);
        copy.close();

        view.grid.asMultiSelect().select(view.loaded);
        _click(view.bulkTransfer);
        HandoverDialog transfer = _get(HandoverDialog.class);
        _setValue(transfer.to, transfer.to.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(transfer.reason, "整体移交");
        _click(transfer.ok);
        assertThat(GridKt._size(transfer.results)).isEqualTo(2);
        transfer.close();
        assertThat(view.loaded).extracting(WorkItem::claimedBy).containsOnly("km_b");

        as(KUNMING_B);
        InboxView b = open();
        assertThat(b.copiedTab.getLabel()).contains("2");
        b.tabs.setSelectedTab(b.copiedTab);
        assertThat(b.copies.isVisible()).isTrue();
        assertThat(b.grid.isVisible()).isFalse();
        assertThat(b.copies.loaded).extracting(CopiedItem::enterpriseName).containsExactlyInAnyOrder("批量甲公司", "批量乙公司");
        CopyDialog cd = b.copies.open(b.copies.loaded.get(0));
        assertThat(cd.note.getText()).contains("km_a（测试）").contains("本周重点");
        cd.close();
        assertThat(b.copiedTab.getLabel()).contains("1");
    }

    private static boolean isInside(Component c, Component container) {
        Optional<Component> p = Optional.of(c);
        while (p.isPresent()) {
            if (p.get() == container) {
                return true;
            }
            p = p.get().getParent();
        }
        return false;
    }

    private static long focusCalls(List<com.vaadin.flow.component.internal.PendingJavaScriptInvocation> pending, Element element) {
        StateNode node = element.getNode();
        return pending.stream()
                .filter(i -> i.getInvocation().getExpression().contains("focus"))
                .filter(i -> i.getOwner() == node || i.getInvocation().getParameters().contains(element))
                .count();
    }
}
