package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.ConflictException;
import cn.yn.employment.common.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ReviewServiceTest extends ReviewTestBase {

    @Test
    void everyPathKeepsWorkItemsAndDoneRowsInStep() {
        String pi = submit("530100", "530102", "昆明甲公司", false);
        String cityTask = taskId(pi);
        Map<String, Object> r = row(cityTask);
        assertThat(r.get("candidate_group")).isEqualTo("city:530100");
        assertThat(r.get("state")).isEqualTo("PENDING_CITY");
        assertThat(r.get("kind")).isEqualTo("REPORT");
        assertThat(r.get("county_code")).isEqualTo("530102");
        assertThat(r.get("enterprise_name")).isEqualTo("昆明甲公司");
        assertThat(r.get("period_code")).isEqualTo("2026-10");
        assertThat(r.get("due_at")).isNotNull();

        // city approves -> province item
        as(KUNMING_A);
        review.approve(cityTask, null);
        assertThat(jdbc.queryForObject("select count(*) from work_item where task_id = ?", Integer.class, cityTask)).isZero();
        Map<String, Object> done = jdbc.queryForMap("select * from work_item_done where task_id = ?", cityTask);
        assertThat(done.get("decision")).isEqualTo("APPROVE");
        assertThat(done.get("completed_by")).isEqualTo("km_a");
        assertThat(done.get("enterprise_name")).isEqualTo("昆明甲公司");
        String provTask = taskId(pi);
        assertThat(row(provTask).get("candidate_group")).isEqualTo("province");
        assertThat(row(provTask).get("state")).isEqualTo("PENDING_PROVINCE");
        assertThat(review.counts().done()).isEqualTo(1);

        // province returns to the city -> city item flagged 被退回
        as(PROVINCE);
        review.returnTask(provTask, ReturnTo.CITY, "县区代码有误");
        Map<String, Object> provDone = jdbc.queryForMap("select * from work_item_done where task_id = ?", provTask);
        assertThat(provDone.get("decision")).isEqualTo("RETURN");
        assertThat(provDone.get("return_to")).isEqualTo("CITY");
        assertThat(provDone.get("comment")).isEqualTo("县区代码有误");
        String cityAgain = taskId(pi);
        assertThat(row(cityAgain).get("returned_by_province")).isEqualTo(true);
        assertThat(row(cityAgain).get("return_comment")).isEqualTo("县区代码有误");
        as(KUNMING_B);
        assertThat(review.counts().returned()).isEqualTo(1);
        assertThat(review.inbox(InboxTab.RETURNED, null, null, 10).items()).extracting(WorkItem::taskId).containsExactly(cityAgain);

        // city returns to the enterprise -> no reviewer item while the enterprise revises
        review.returnTask(cityAgain, ReturnTo.ENTERPRISE, "请补充减员原因");
        Task revise = openTask(pi);
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        assertThat(workItems(pi)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from work_item where task_id = ?", Integer.class, revise.getId())).isZero();

        // enterprise resubmits -> fresh city item, not flagged
        taskService.complete(revise.getId());
        String cityThird = taskId(pi);
        assertThat(row(cityThird).get("returned_by_province")).isEqualTo(false);
        review.approve(cityThird, "ok");
        // province returns straight to the enterprise
        as(PROVINCE);
        review.returnTask(taskId(pi), ReturnTo.ENTERPRISE, "数据异常，请核实");
        assertThat(openTask(pi).getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        assertThat(workItems(pi)).isZero();
        taskService.complete(taskId(pi));
        as(KUNMING_A);
        review.approve(taskId(pi), null);
        as(PROVINCE_B);
        review.approve(taskId(pi), null);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(workItems(pi)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from work_item_done where process_instance_id = ?", Integer.class, pi))
                .isEqualTo(7);

        long subject = (Long) runtime.createProcessInstanceQuery().count() >= 0
                ? jdbc.queryForObject("select subject_id from work_item_done where process_instance_id = ? limit 1", Long.class, pi) : 0;
        as(KUNMING_A);
        List<TimelineEntry> timeline = review.timeline("REPORT", subject);
        assertThat(timeline).extracting(TimelineEntry::type).containsSubsequence("SUBMITTED", "APPROVED", "RETURNED",
                "RETURNED", "RESUBMITTED", "APPROVED", "RETURNED", "RESUBMITTED", "APPROVED", "APPROVED");
        assertThat(timeline).anySatisfy(e -> assertThat(e.comment()).isEqualTo("县区代码有误"));
        as(QUJING);
        // another city's subject reads like one that never reached review (no id oracle)
        assertThat(review.timeline("REPORT", subject)).isEmpty();
        assertThat(review.timeline("REPORT", 987_654_321L)).isEmpty();
    }

    @Test
    void cancellingAChainRemovesItsWorkItem() {
        String pi = submit("530100", "530102", "撤回公司", false);
        assertThat(workItems(pi)).isEqualTo(1);
        runtime.deleteProcessInstance(pi, "withdrawn");
        assertThat(workItems(pi)).isZero();
    }

    @Test
    void claimAndReleaseFollowTheEngine() {
        String pi = submit("530100", "530102", "认领公司", false);
        String t = taskId(pi);
        as(KUNMING_A);
        review.claim(t);
        assertThat(row(t).get("claimed_by")).isEqualTo("km_a");
        assertThat(openTask(pi).getAssignee()).isEqualTo("km_a");
        as(KUNMING_B);
        assertThatThrownBy(() -> review.claim(t)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.error.claimedByOther");
        assertThatThrownBy(() -> review.approve(t, null)).isInstanceOf(DomainException.class);
        assertThat(review.inbox(InboxTab.TODO, InboxFilter.none().withText("认领"), null, 10).items()).hasSize(1);
        as(KUNMING_A);
        review.release(t);
        assertThat(row(t).get("claimed_by")).isNull();
        assertThat(openTask(pi).getAssignee()).isNull();
    }

    @Test
    void aCityReviewerCannotSeeOrTouchAnotherCitysItems() {
        String pi = submit("530300", "530302", "曲靖乙公司", false);
        String t = taskId(pi);
        as(KUNMING_A);
        assertThat(review.inbox(InboxTab.TODO, null, null, 50).items()).isEmpty();
        assertThat(review.counts().todo()).isZero();
        assertThatThrownBy(() -> review.claim(t)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.approve(t, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.returnTask(t, ReturnTo.ENTERPRISE, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.item(t)).isInstanceOf(AccessDeniedException.class);
        assertThat(review.bulk(BulkAction.APPROVE, List.of(t), null, null, Set.of(t), null))
                .allSatisfy(r -> assertThat(r.messageKey()).isEqualTo("common.error.notFound"));
        // nor can the province act on a city step
        as(PROVINCE);
        assertThatThrownBy(() -> review.approve(t, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(openTask(pi).getId()).isEqualTo(t);
        as(QUJING);
        assertThat(review.inbox(InboxTab.TODO, null, null, 50).items()).extracting(WorkItem::taskId).containsExactly(t);
        // a city may not send work "back to the city"; a return needs a reason
        assertThatThrownBy(() -> review.returnTask(t, ReturnTo.CITY, "x")).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("review.error.cityCannotReturnToCity");
        assertThatThrownBy(() -> review.returnTask(t, ReturnTo.ENTERPRISE, "  ")).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).fieldErrors()).extracting(DomainException.FieldError::field)
                        .containsExactly("reason"));
    }

    @Test
    void twoReviewersCompletingOneTaskExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String pi = submit("530100", "530102", "并发公司" + round, false);
            String t = taskId(pi);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (var reviewer : List.of(KUNMING_A, KUNMING_B)) {
                    outcomes.add(pool.submit(() -> {
                        as(reviewer);
                        go.await();
                        try {
                            if (reviewer == KUNMING_A) {
                                review.approve(t, null);
                            } else {
                                review.returnTask(t, ReturnTo.ENTERPRISE, "并发退回");
                            }
                            return "ok";
                        } catch (ConflictException e) {
                            // the loser is told who won, whether it lost on the row lock or inside the engine
                            return e.code() + " " + e.details().get("handledBy");
                        } catch (DomainException e) {
                            return e.messageKey();
                        }
                    }));
                }
                go.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                String winner = jdbc.queryForObject("select completed_by from work_item_done where task_id = ?", String.class, t);
                assertThat(results).containsExactlyInAnyOrder("ok", "review.alreadyHandled " + winner)
                        .as("round %d", round);
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc.queryForObject("select count(*) from work_item_done where task_id = ?", Integer.class, t)).isEqualTo(1);
            assertThat(workItems(pi)).isEqualTo(openTask(pi).getTaskDefinitionKey().equals("enterpriseRevise") ? 0 : 1);
        }
    }

    @Test
    void bulkApproveNeedsConfirmationForWarningItems() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(taskId(submit("530100", "530102", "批量公司" + i, i == 2)));
        }
        String warning = ids.get(2);
        as(KUNMING_A);
        List<BulkProgress> progress = new ArrayList<>();
        List<BulkResult> results = review.bulk(BulkAction.APPROVE, ids, null, null, Set.of(), progress::add);
        assertThat(results).hasSize(4);
        assertThat(results).filteredOn(BulkResult::ok).extracting(BulkResult::taskId).containsExactlyInAnyOrder(
                ids.get(0), ids.get(1), ids.get(3));
        assertThat(results).filteredOn(r -> !r.ok()).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(warning);
            assertThat(r.messageKey()).isEqualTo("review.bulk.needsConfirmation");
        });
        assertThat(progress).extracting(BulkProgress::done).containsExactly(1, 2, 3, 4);
        assertThat(review.counts().todo()).isEqualTo(1);
        // again, this time confirmed; plus an id that is gone already
        results = review.bulk(BulkAction.APPROVE, List.of(warning, ids.get(0)), null, null, Set.of(warning), null);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).messageKey()).isEqualTo("review.error.alreadyHandled");
        assertThat(review.counts().todo()).isZero();
        // the province returns all matching to the city at once
        as(PROVINCE);
        List<String> all = review.matchingTaskIds(InboxTab.TODO, InboxFilter.none().withPeriod("2026-10"));
        assertThat(all).hasSize(4);
        assertThat(review.bulk(BulkAction.RETURN, all, ReturnTo.CITY, "统一退回核实", Set.of(), null)).allMatch(BulkResult::ok);
        as(KUNMING_B);
        assertThat(review.counts().returned()).isEqualTo(4);
    }

    @Test
    void keysetPagesFiltersAndCounts() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            expected.add(taskId(submit("530100", i % 2 == 0 ? "530102" : "530103", "分页公司" + i, i == 3)));
        }
        submit("530100", "530102", "上期公司", false, "2026-09", "FILING");
        as(KUNMING_A);
        InboxFilter oct = InboxFilter.none().withPeriod("2026-10");
        Set<String> seen = new HashSet<>();
        Cursor after = null;
        int pages = 0;
        do {
            InboxPage page = review.inbox(InboxTab.TODO, oct, after, 3);
            page.items().forEach(w -> assertThat(seen.add(w.taskId())).isTrue());
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
        assertThat(review.count(InboxTab.TODO, oct)).isEqualTo(7);
        assertThat(review.count(InboxTab.TODO, null)).isEqualTo(8);
        assertThat(review.count(InboxTab.TODO, oct.withCounty("530103"))).isEqualTo(3);
        assertThat(review.count(InboxTab.TODO, oct.withHasWarnings(true))).isEqualTo(1);
        assertThat(review.count(InboxTab.TODO, InboxFilter.none().withKind("FILING"))).isEqualTo(1);
        assertThat(review.count(InboxTab.TODO, InboxFilter.none().withText("上期"))).isEqualTo(1);
        assertThat(review.count(InboxTab.TODO, new InboxFilter(null, null, null, null, null, null, true,
                InboxFilter.Claim.ANY, null, false))).isZero();
        List<WorkItem> newest = review.inbox(InboxTab.TODO, new InboxFilter("2026-10", null, null, null, null, null, null,
                InboxFilter.Claim.ANY, null, true), null, 7).items();
        assertThat(newest.get(0).submittedAt()).isAfterOrEqualTo(newest.get(6).submittedAt());
    }

    @Test
    void sharedFiltersAreVisibleToTheSameTeamOnly() {
        as(KUNMING_A);
        review.saveFilter("本期有预警", InboxFilter.none().withPeriod("2026-10").withHasWarnings(true), true);
        review.saveFilter("我的私人", InboxFilter.none().withCounty("530102"), false);
        assertThatThrownBy(() -> review.saveFilter(" ", InboxFilter.none(), false)).isInstanceOf(DomainException.class);
        assertThat(review.savedFilters()).extracting(SavedFilter::name).containsExactlyInAnyOrder("本期有预警", "我的私人");
        as(KUNMING_B);
        List<SavedFilter> teammate = review.savedFilters();
        assertThat(teammate).extracting(SavedFilter::name).containsExactly("本期有预警");
        assertThat(teammate.get(0).filter().hasWarnings()).isTrue();
        assertThat(teammate.get(0).filter().periodCode()).isEqualTo("2026-10");
        long id = teammate.get(0).id();
        assertThatThrownBy(() -> review.deleteFilter(id)).isInstanceOf(AccessDeniedException.class);
        as(QUJING);
        assertThat(review.savedFilters()).isEmpty();
        as(PROVINCE);
        assertThat(review.savedFilters()).isEmpty();
        as(KUNMING_A);
        review.deleteFilter(id);
        assertThat(review.savedFilters()).extracting(SavedFilter::name).containsExactly("我的私人");
    }

    @Test
    void nonReviewersAreRefused() {
        as(user(99, "ent", cn.yn.employment.common.security.Role.ENTERPRISE, cn.yn.employment.common.security.Scope.enterprise(5)));
        assertThatThrownBy(() -> review.counts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.inbox(InboxTab.TODO, null, null, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
