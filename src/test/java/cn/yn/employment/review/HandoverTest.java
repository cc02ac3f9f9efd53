package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Person;
import java.util.List;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 转办 and 委派 per role and scope: the engine, the projection, the timeline, the audit log and the notifications agree. */
class HandoverTest extends ReviewTestBase {

    @Autowired
    Handover handover;

    @Test
    void aCityReviewerTransfersAClaimedItemToAColleagueOfTheSameCity() {
        String pi = submit("530100", "530102", "转办公司", false);
        String task = taskId(pi);
        as(KUNMING_A);
        review.claim(task);
        assertThat(handover.colleagues(task)).extracting(Person::username).containsExactly("km_b");

        handover.transfer(task, "km_b", "本人休假，请代为审核");

        assertThat(openTask(pi).getAssignee()).isEqualTo("km_b");
        assertThat(row(task)).containsEntry("CLAIMED_BY", "km_b").containsEntry("DELEGATED", false);
        List<TimelineEntry> timeline = review.timeline("REPORT", subjectOf(pi));
        assertThat(timeline).filteredOn(e -> e.type().equals("TRANSFERRED")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("km_a");
            assertThat(e.actorName()).isEqualTo("km_a（测试） · 昆明市");
            assertThat(e.targetName()).isEqualTo("km_b（测试） · 昆明市");
            assertThat(e.comment()).isEqualTo("本人休假，请代为审核");
        });
        assertThat(audit("REVIEW_TRANSFER", pi)).isEqualTo(1);
        assertThat(notificationsOf("km_b", "TRANSFER", "转办公司")).isEqualTo(1);

        // now km_b's: km_a can no longer act, km_b can
        assertThatThrownBy(() -> review.approve(task, null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.error.claimedByOther");
        as(KUNMING_B);
        review.approve(task, null);
        assertThat(openTask(pi).getTaskDefinitionKey()).isEqualTo("provinceReview");
    }

    @Test
    void aTransferStaysInsideTheCandidateGroup() {
        String pi = submit("530100", "530102", "越权转办公司", false);
        String task = taskId(pi);
        as(KUNMING_A);
        for (String outsider : List.of("qj_a", "prov_a", "km_leader")) {
            assertThatThrownBy(() -> handover.transfer(task, outsider, "请处理"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("review.handover.notInScope");
                        assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("to");
                    });
        }
        assertThatThrownBy(() -> handover.transfer(task, "km_a", "请处理")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.notYourself");
        assertThatThrownBy(() -> handover.transfer(task, "km_b", " ")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.reasonRequired");
        assertThatThrownBy(() -> handover.transfer(task, "nobody", "请处理")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.unknownUser");
        // an item of another city is not the Qujing reviewer's to transfer, nor a leader's
        as(QUJING);
        assertThatThrownBy(() -> handover.transfer(task, "qj_a", "请处理")).isInstanceOf(AccessDeniedException.class);
        as(KUNMING_LEADER);
        assertThatThrownBy(() -> handover.transfer(task, "km_b", "请处理")).isInstanceOf(AccessDeniedException.class);
        // claimed by a colleague: not mine to transfer
        as(KUNMING_B);
        review.claim(task);
        as(KUNMING_A);
        assertThatThrownBy(() -> handover.transfer(task, "km_b", "请处理")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.error.claimedByOther");
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_b");
        assertThat(audit("REVIEW_TRANSFER", pi)).isZero();
    }

    @Test
    void provinceReviewersTransferAmongThemselves() {
        String pi = submit("530300", "530302", "省级转办公司", false);
        as(QUJING);
        review.approve(taskId(pi), null);
        String task = taskId(pi);
        as(PROVINCE);
        assertThat(handover.colleagues(task)).extracting(Person::username).containsExactly("prov_b");
        assertThatThrownBy(() -> handover.transfer(task, "qj_a", "请处理")).isInstanceOf(DomainException.class);
        handover.transfer(task, "prov_b", "请李处审核");
        assertThat(openTask(pi).getAssignee()).isEqualTo("prov_b");
    }

    @Test
    void aDelegatedItemShowsInTheDelegatesInboxAndComesBackToTheOwnerOnResolve() {
        String pi = submit("530100", "530102", "委派公司", false);
        String task = taskId(pi);
        as(KUNMING_A);
        handover.delegate(task, "km_b", "请帮忙核对减员原因");

        Task t = openTask(pi);
        assertThat(t.getAssignee()).isEqualTo("km_b");
        assertThat(t.getOwner()).isEqualTo("km_a");
        assertThat(t.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(row(task)).containsEntry("CLAIMED_BY", "km_b").containsEntry("OWNER_USERNAME", "km_a")
                .containsEntry("DELEGATED", true);
        // the owner cannot decide or hand it on while it is out; the delegate cannot decide, only give it back
        assertThatThrownBy(() -> review.approve(task, null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.delegated");
        assertThatThrownBy(() -> handover.transfer(task, "km_b", "x")).isInstanceOf(DomainException.class);
        as(KUNMING_B);
        WorkItem mine = review.inbox(InboxTab.TODO, InboxFilter.none().withText("委派公司"), null, 10).items().get(0);
        assertThat(mine.delegated()).isTrue();
        assertThat(mine.owner()).isEqualTo("km_a");
        assertThatThrownBy(() -> review.approve(task, null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.resolveFirst");
        assertThatThrownBy(() -> review.release(task)).isInstanceOf(DomainException.class);
        assertThat(notificationsOf("km_b", "DELEGATE", "委派公司")).isEqualTo(1);

        handover.resolve(task, "减员原因属实，建议通过");

        t = openTask(pi);
        assertThat(t.getAssignee()).isEqualTo("km_a");
        assertThat(t.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(row(task)).containsEntry("CLAIMED_BY", "km_a").containsEntry("DELEGATED", false);
        assertThat(notificationsOf("km_a", "DELEGATE", "委派公司")).isEqualTo(1);
        assertThatThrownBy(() -> handover.resolve(task, "again")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.notDelegatedToYou");
        as(KUNMING_A);
        review.approve(task, "同意");
        assertThat(openTask(pi).getTaskDefinitionKey()).isEqualTo("provinceReview");
        assertThat(review.timeline("REPORT", subjectOf(pi))).extracting(TimelineEntry::type)
                .containsSubsequence("SUBMITTED", "DELEGATED", "RESOLVED", "APPROVED");
        assertThat(audit("REVIEW_DELEGATE", pi)).isEqualTo(1);
        assertThat(audit("REVIEW_RESOLVE", pi)).isEqualTo(1);
    }

    @Test
    void aDelegationStaysInsideTheCandidateGroup() {
        String pi = submit("530100", "530102", "越权委派公司", false);
        String task = taskId(pi);
        as(KUNMING_A);
        assertThatThrownBy(() -> handover.delegate(task, "qj_a", "请看看")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.notInScope");
        assertThat(openTask(pi).getAssignee()).isNull();
        as(QUJING);
        assertThatThrownBy(() -> handover.delegate(task, "km_b", "请看看")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> handover.resolve(task, "看过了")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void bulkTransferReportsEachItem() {
        String mine = submit("530100", "530102", "批量转办一", false);
        String taken = submit("530100", "530102", "批量转办二", false);
        as(KUNMING_B);
        review.claim(taskId(taken));
        as(KUNMING_A);
        List<BulkResult> results = handover.transferAll(List.of(taskId(mine), taskId(taken)), "km_b", "统一转办");
        assertThat(results).extracting(BulkResult::ok).containsExactly(true, false);
        assertThat(results.get(1).messageKey()).isEqualTo("review.error.claimedByOther");
        assertThat(openTask(mine).getAssignee()).isEqualTo("km_b");
    }

    private long subjectOf(String pi) {
        return ((Number) runtime.getVariable(pi, "subjectId")).longValue();
    }

    /** Audit entries of the action about the process's subject. */
    private int audit(String action, String pi) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_id = ?", Integer.class,
                action, Long.toString(subjectOf(pi)));
    }

    /** Notifications of the kind to the user that name the enterprise. */
    private int notificationsOf(String username, String kind, String enterprise) {
        return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id"
                + " where u.username = ? and n.kind = ? and n.body like ?", Integer.class, username, kind, enterprise + " %");
    }
}
