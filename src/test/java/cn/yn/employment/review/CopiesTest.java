package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Person;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 抄送 per role and scope: who may copy, to whom, and what the recipients see. */
class CopiesTest extends ReviewTestBase {

    @Autowired
    Copies copies;

    @Test
    void aCityReviewerCopiesToAColleagueAndLeadersWhoseScopeCoversTheCity() {
        String pi = submit("530100", "530102", "抄送公司", true);
        String task = taskId(pi);
        as(KUNMING_A);
        assertThat(copies.candidates(task)).extracting(Person::username)
                .containsExactlyInAnyOrder("km_b", "km_leader", "prov_a", "prov_b", "prov_leader");

        int made = copies.copy(task, List.of("km_b", "prov_leader"), "用工大幅增加，请知悉");
        assertThat(made).isEqualTo(2);
        assertThat(copies.copy(task, List.of("km_b"), "再次抄送")).as("a repeat is skipped").isZero();

        as(PROVINCE_LEADER);
        assertThat(copies.countUnread()).isEqualTo(1);
        List<CopiedItem> mine = copies.mine(0, 50);
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.enterpriseName()).isEqualTo("抄送公司");
            assertThat(c.fromName()).isEqualTo("km_a（测试） · 昆明市");
            assertThat(c.reason()).isEqualTo("用工大幅增加，请知悉");
            assertThat(c.unread()).isTrue();
        });
        CopiedItem opened = copies.open(mine.get(0).id());
        assertThat(copies.countUnread()).isZero();
        assertThat(copies.timeline(opened.id())).extracting(TimelineEntry::type).contains("SUBMITTED", "COPIED");
        // a leader reads copies but cannot copy, nor act on the item
        assertThatThrownBy(() -> copies.copy(task, List.of("km_b"), "转给别人")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.approve(task, null)).isInstanceOf(AccessDeniedException.class);

        // nobody else can open the leader's copy
        as(KUNMING_B);
        assertThat(copies.mine(0, 50)).extracting(CopiedItem::enterpriseName).containsExactly("抄送公司");
        assertThatThrownBy(() -> copies.open(opened.id())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.copy.notFound");

        as(KUNMING_A);
        assertThat(review.timeline("REPORT", ((Number) runtime.getVariable(pi, "subjectId")).longValue()))
                .filteredOn(e -> e.type().equals("COPIED")).extracting(TimelineEntry::target)
                .containsExactlyInAnyOrder("km_b", "prov_leader");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'REVIEW_COPY' and target_id = ?",
                Integer.class, runtime.getVariable(pi, "subjectId").toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id"
                + " where u.username = 'prov_leader' and n.kind = 'COPY' and n.body like '抄送公司 %'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCopyGoesOnlyToReviewersAndLeadersWhoseScopeCoversTheItemsCity() {
        String pi = submit("530100", "530102", "越权抄送公司", false);
        String task = taskId(pi);
        as(KUNMING_A);
        for (String outsider : List.of("qj_a", "qj_leader")) {
            assertThatThrownBy(() -> copies.copy(task, List.of("km_b", outsider), "请知悉"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("review.handover.notInScope");
                        assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("to");
                    });
        }
        assertThatThrownBy(() -> copies.copy(task, List.of("km_b"), "")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.reasonRequired");
        assertThatThrownBy(() -> copies.copy(task, List.of(), "请知悉")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.handover.toRequired");
        assertThat(jdbc.queryForObject("select count(*) from work_item_copy where task_id = ?", Integer.class, task)).isZero();
        // a Qujing reviewer cannot copy a Kunming item; a province reviewer can, to a Kunming colleague
        as(QUJING);
        assertThatThrownBy(() -> copies.copy(task, List.of("qj_leader"), "请知悉")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> copies.candidates(task)).isInstanceOf(AccessDeniedException.class);
        as(PROVINCE);
        assertThat(copies.copy(task, List.of("km_leader"), "请昆明市领导知悉")).isEqualTo(1);
        // an enterprise user or a Qujing leader has no copies page
        as(QUJING_LEADER);
        assertThat(copies.mine(0, 50)).isEmpty();
    }

    @Test
    void aDoneItemCanStillBeCopiedAndBulkCopyReportsEachItem() {
        String done = submit("530300", "530302", "已办抄送公司", false);
        String open = submit("530300", "530302", "待办抄送公司", false);
        String doneTask = taskId(done);
        as(QUJING);
        review.approve(doneTask, null);
        List<BulkResult> results = copies.copyAll(List.of(doneTask, taskId(open), "no-such-task"), List.of("qj_leader"), "本周情况");
        assertThat(results).extracting(BulkResult::ok).containsExactly(true, true, false);
        assertThat(results.get(2).messageKey()).isEqualTo(cn.yn.employment.common.NotFoundException.DEFAULT_KEY); // no id oracle
        as(QUJING_LEADER);
        assertThat(copies.mine(0, 50)).extracting(CopiedItem::enterpriseName)
                .containsExactlyInAnyOrder("已办抄送公司", "待办抄送公司");
    }
}
