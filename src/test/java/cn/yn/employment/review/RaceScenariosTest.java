package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.report.ReportView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * QUALITY.md R3 on the real report chain: two actors on one thing at the same instant. Exactly one wins, the loser
 * gets a domain message (never an engine exception), and afterwards the inbox projection equals the engine's open
 * reviewer tasks. Prints its figures (rounds, who won how often) for docs/reliability.md.
 */
class RaceScenariosTest extends ReportTestBase {

    static final String P = "2026-02";
    static final int ROUNDS = 6;
    static final CurrentUser CITY_A = new CurrentUser(9401, "race-a", "昆明审核员", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));
    static final CurrentUser CITY_B = new CurrentUser(9402, "race-b", "昆明审核员", Set.of(Role.CITY_REVIEWER), Scope.city("530100"));

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;
    @Autowired
    ReviewService review;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void openPeriod() {
        period(P, periods);
    }

    @Test
    void withdrawAgainstClaimExactlyOneWins() throws Exception {
        int withdrawWon = 0, claimWon = 0;
        List<ReportView> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ReportView r = submitted();
            all.add(r);
            String task = cityTask(r);
            List<String> outcome = race(
                    () -> { actAs(enterpriseUser(r.enterpriseId())); reports.withdraw(r.id()); return null; },
                    () -> { actAs(CITY_A); review.claim(task); return null; });
            String withdraw = outcome.get(0), claim = outcome.get(1);
            assertThat(List.of(withdraw, claim)).as("round %d: %s", round, outcome).containsOnlyOnce("ok");
            actAs(province());
            if ("ok".equals(withdraw)) {
                withdrawWon++;
                assertThat(claim).isIn("review.error.alreadyHandled", "review.error.alreadyHandledBy", "common.error.notFound");
                assertThat(reports.get(r.id()).state().name()).isEqualTo("DRAFT");
            } else {
                claimWon++;
                assertThat(withdraw).startsWith("report.withdraw.");
                assertThat(reports.get(r.id()).state().name()).isEqualTo("PENDING_CITY");
                assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CITY_A.username());
            }
        }
        assertProjectionEqualsEngine(all);
        System.out.printf("R3 withdraw-vs-claim: %d rounds, withdraw won %d, claim won %d, 0 both, 0 neither, projection = engine%n",
                ROUNDS, withdrawWon, claimWon);
    }

    @Test
    void twoReviewersApprovingOneTaskAndBulkAgainstSingleExactlyOneWins() throws Exception {
        int twoApprovals = 0, bulkWon = 0, singleWon = 0;
        List<ReportView> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ReportView r = submitted();
            all.add(r);
            String task = cityTask(r);
            List<String> outcome = race(
                    () -> { actAs(CITY_A); review.approve(task, null); return null; },
                    () -> { actAs(CITY_B); review.approve(task, null); return null; });
            assertThat(outcome).as("round %d", round).containsOnlyOnce("ok")
                    .anySatisfy(o -> assertThat(o).startsWith("review.error.alreadyHandled")); // the loser: with or without who won
            assertThat(done(task)).isEqualTo(1);
            twoApprovals++;

            ReportView a = submitted();
            ReportView b = submitted();
            all.add(a);
            all.add(b);
            String shared = cityTask(b);
            String other = cityTask(a);
            List<String> taken = race(
                    () -> {
                        actAs(CITY_A);
                        List<BulkResult> results = review.bulk(BulkAction.APPROVE, List.of(other, shared), null, null, Set.of(), null);
                        BulkResult forShared = results.stream().filter(x -> x.taskId().equals(shared)).findFirst().orElseThrow();
                        if (!forShared.ok()) {
                            throw new DomainException(forShared.messageKey()); // the bulk dialog shows this key per row
                        }
                        return null;
                    },
                    () -> { actAs(CITY_B); review.approve(shared, null); return null; });
            assertThat(taken).as("round %d", round).containsOnlyOnce("ok")
                    .anySatisfy(o -> assertThat(o).startsWith("review.error.alreadyHandled")); // the loser: with or without who won
            if ("ok".equals(taken.get(0))) {
                bulkWon++;
            } else {
                singleWon++;
            }
            assertThat(done(shared)).isEqualTo(1);
        }
        assertProjectionEqualsEngine(all);
        System.out.printf("R3 approve races: %d rounds two-reviewers (1 winner each), bulk-vs-single bulk won %d, single won %d,"
                + " projection = engine%n", twoApprovals, bulkWon, singleWon);
    }

    /** Runs both at once (released together by a barrier); each result is "ok" or the loser's message key. */
    private List<String> race(Callable<Void> first, Callable<Void> second) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> f = new ArrayList<>();
            for (Callable<Void> c : List.of(first, second)) {
                f.add(pool.submit(() -> {
                    together.await();
                    try {
                        c.call();
                        return "ok";
                    } catch (DomainException e) {
                        return e.messageKey();
                    } catch (cn.yn.employment.common.NotFoundException e) {
                        // the claim arriving after the withdrawal committed: the task is gone, one "not found"
                        return e.messageKey();
                    } catch (RuntimeException e) {
                        // not a clear message: the scenario fails with what the user would have seen
                        return "UNEXPECTED " + e;
                    } finally {
                        org.springframework.security.core.context.SecurityContextHolder.clearContext();
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> x : f) {
                out.add(x.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private ReportView submitted() {
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        ReportView draft = reports.draftFor(ent, P);
        return reports.submit(draft.id(), ReportForm.empty().withHeadcount(101), null);
    }

    private String cityTask(ReportView r) {
        return tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(ReportService.TASK_CITY)
                .singleResult().getId();
    }

    private int done(String taskId) {
        return jdbc.queryForObject("select count(*) from work_item_done where task_id = ?", Integer.class, taskId);
    }

    /** The projection's open rows are exactly the engine's open reviewer tasks, with the same claimant. */
    private void assertProjectionEqualsEngine(List<ReportView> reportsInPlay) {
        for (ReportView r : reportsInPlay) {
            Set<String> engine = new TreeSet<>();
            tasks.createTaskQuery().processInstanceId(r.processInstanceId()).list().stream()
                    .filter(t -> !ReportService.TASK_REVISE.equals(t.getTaskDefinitionKey()))
                    .forEach(t -> engine.add(t.getId() + ":" + t.getAssignee()));
            Set<String> projection = new TreeSet<>(jdbc.queryForList("select task_id || ':' || coalesce(claimed_by, 'null')"
                    + " from work_item where process_instance_id = ?", String.class, r.processInstanceId()));
            assertThat(projection).as("report %d", r.id()).isEqualTo(engine);
        }
    }
}
