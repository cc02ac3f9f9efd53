package cn.yn.employment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.demo.DemoRunner;
import cn.yn.employment.forwarding.ForwardingService;
import cn.yn.employment.notice.NoticeForm;
import cn.yn.employment.notice.NoticeService;
import cn.yn.employment.notice.NoticeTarget;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.notice.OutboxAdminService;
import cn.yn.employment.period.CalendarJob;
import cn.yn.employment.period.ChaseService;
import cn.yn.employment.period.JobAdminService;
import cn.yn.employment.period.LateFilingService;
import cn.yn.employment.period.PeriodCalendarService;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.ProgressService;
import cn.yn.employment.period.Window;
import cn.yn.employment.processadmin.FailedJobs;
import cn.yn.employment.processadmin.ProcessAdminModels.JobKind;
import cn.yn.employment.processadmin.ProcessAdminService;
import cn.yn.employment.processadmin.ProcessInstanceDiagrams;
import cn.yn.employment.processadmin.ProcessInstanceList;
import cn.yn.employment.processadmin.ProcessInstanceMigrations;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.review.BulkAction;
import cn.yn.employment.review.BulkResult;
import cn.yn.employment.review.Copies;
import cn.yn.employment.review.Handover;
import cn.yn.employment.review.InboxExport;
import cn.yn.employment.review.InboxPages;
import cn.yn.employment.review.InboxTab;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S1 (issue 14), the service layer: every public method of the report, review, period, notice, forwarding and
 * process-admin services × anonymous and the six demo roles × own / other scope / guessed id, in one table. A public
 * method missing from the table fails the test (reflection over the services below), so a new one needs a row.
 *
 * <p>Each cell runs in a transaction that is rolled back: every caller meets the same fixture, and the allowed ones
 * may really approve, transfer, grant or deploy. Legend: {@code A} = allowed through the role and scope checks (it
 * returned, or a business rule said no), {@code D} = refused ({@link AccessDeniedException}), {@code N} = not found
 * ({@link NotFoundException} or a domain error "…notFound") — for a reviewer, another city's item and a guessed id must
 * both be {@code N}, so no answer tells which ids exist. Any other exception is {@code E} and never expected.
 * Columns: anonymous, enterprise (demo enterprise, Kunming), city reviewer (Kunming), province reviewer, leader
 * (province), process admin, system admin. "Kunming" rows are another enterprise's report or task in the Kunming
 * reviewer's city, "Qujing" rows another city's.
 */
@TestPropertySource(properties = "ems.test.context=service-action-matrix")
class ServiceActionMatrixTest extends FoundationTest {

    static final List<String> CALLERS = List.of("anonymous", DemoAccounts.ENTERPRISE, DemoAccounts.CITY_REVIEWER,
            DemoAccounts.PROVINCE_REVIEWER, DemoAccounts.LEADER, DemoAccounts.PROCESS_ADMIN, DemoAccounts.SYSTEM_ADMIN);

    /** The services whose public methods must each have a row. */
    static final List<Class<?>> SERVICES = List.of(ReportService.class, ReviewService.class, Handover.class, Copies.class,
            InboxPages.class, InboxExport.class, PeriodService.class, PeriodCalendarService.class, LateFilingService.class,
            ProgressService.class, ChaseService.class, JobAdminService.class, NoticeService.class, NotificationService.class,
            OutboxAdminService.class, ForwardingService.class, ProcessAdminService.class, ProcessInstanceList.class,
            ProcessInstanceMigrations.class, ProcessInstanceDiagrams.class, FailedJobs.class);

    static final String P = "2019-07";
    static final Instant AT = LocalDateTime.of(2019, 8, 5, 10, 0).atZone(TimeConfig.ZONE).toInstant();
    static final long GUESS = 987_654_321L;
    static final String GUESS_TASK = "987654321";
    static final String NO_PERIOD = "1999-01";
    static final String EVERYONE = "A A A A A A A";
    static final String SIGNED_IN = "D A A A A A A";

    @Autowired DemoRunner runner;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired PlatformTransactionManager txManager;
    @Autowired ReportService reports;
    @Autowired ReviewService review;
    @Autowired Handover handover;
    @Autowired Copies copies;
    @Autowired InboxPages inboxPages;
    @Autowired InboxExport inboxExport;
    @Autowired PeriodService periods;
    @Autowired PeriodCalendarService calendar;
    @Autowired LateFilingService lateFiling;
    @Autowired ProgressService progress;
    @Autowired ChaseService chase;
    @Autowired JobAdminService jobs;
    @Autowired NoticeService notices;
    @Autowired NotificationService notifications;
    @Autowired OutboxAdminService outbox;
    @Autowired ForwardingService forwarding;
    @Autowired ProcessAdminService processAdmin;
    @Autowired ProcessInstanceList instances;
    @Autowired ProcessInstanceMigrations migrations;
    @Autowired ProcessInstanceDiagrams diagrams;
    @Autowired FailedJobs failedJobs;

    record Row(String action, String scope, String expected, Runnable call) {
    }

    /** The fixture: committed before the table runs. */
    long demoEnt;
    long kmEnt;
    long qjEnt;
    ReportView own;
    ReportView km;
    ReportView qj;
    ReportView accepted;
    String kmTask;
    String qjTask;
    String provinceTask;

    @Test
    void everyServiceActionByEveryRoleAndScope() {
        clock.set(AT);
        fixture();
        List<Row> rows = rows();

        Set<String> missing = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    String name = service.getSimpleName() + "." + m.getName();
                    if (rows.stream().noneMatch(r -> r.action().equals(name))) {
                        missing.add(name);
                    }
                }
            }
        }

        TransactionTemplate tx = new TransactionTemplate(txManager);
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        int cells = 0;
        for (Row row : rows) {
            String[] expected = row.expected().split(" ");
            assertThat(expected).as(row.action()).hasSize(CALLERS.size());
            StringBuilder actual = new StringBuilder();
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                Supplier<String> cell = () -> tx.execute(status -> {
                    status.setRollbackOnly();
                    return outcome(row.call());
                });
                String got = i == 0 ? anonymously(cell) : runner.callAs(caller, cell);
                actual.append(i == 0 ? "" : " ").append(got.charAt(0));
                cells++;
                if (!got.substring(0, 1).equals(expected[i])) {
                    mismatches.add(row.action() + " (" + row.scope() + ") as " + caller + ": expected " + expected[i]
                            + ", got " + got);
                }
            }
            table.append(String.format("%-44s %-28s | %s%n", row.action(), row.scope(), actual));
        }
        System.out.println("Service action matrix (anon E C P L PA SA):\n" + table);
        System.out.printf("S1 services: %d classes, %d rows x %d callers = %d cells, %d mismatches, %d public methods without a row%n",
                SERVICES.size(), rows.size(), CALLERS.size(), cells, mismatches.size(), missing.size());
        assertThat(missing).as("public service methods without a row in the table").isEmpty();
        assertThat(mismatches).as("cells that differ from the table").isEmpty();
    }

    /** Bulk answers name no foreign item: another city's task and a guessed id give the same failed result. */
    @Test
    void bulkResultsTellNothingAboutForeignItems() {
        clock.set(AT);
        fixture();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        runner.runAs(DemoAccounts.CITY_REVIEWER, () -> tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            List<List<BulkResult>> answers = List.of(
                    review.bulk(BulkAction.APPROVE, List.of(qjTask, GUESS_TASK), null, null, Set.of(), null),
                    handover.transferAll(List.of(qjTask, GUESS_TASK), DemoAccounts.PROVINCE_REVIEWER, "矩阵"),
                    copies.copyAll(List.of(qjTask, GUESS_TASK), List.of(DemoAccounts.LEADER), "矩阵"));
            for (List<BulkResult> a : answers) {
                assertThat(a).hasSize(2).allSatisfy(r -> {
                    assertThat(r.ok()).isFalse();
                    assertThat(r.enterpriseName()).isNull();
                    assertThat(r.messageKey()).isEqualTo(NotFoundException.DEFAULT_KEY);
                });
            }
        }));
    }

    // ------------------------------------------------------------------------------------------------ the table

    List<Row> rows() {
        ReportForm form = ReportForm.empty().withHeadcount(100);
        Window w = new Window(AT.minus(Duration.ofDays(1)), AT.plus(Duration.ofDays(3)));
        NoticeForm notice = new NoticeForm("矩阵通知", "正文", NoticeTarget.ALL, List.of(), null);
        OutputStream nowhere = OutputStream.nullOutputStream();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        List<Row> t = new ArrayList<>();
        // --- report ------------------------------------------------------------------------ anon E C P L PA SA
        t.add(new Row("ReportService.draftFor", "own enterprise", "D A D D D D D", () -> reports.draftFor(demoEnt, P)));
        t.add(new Row("ReportService.draftFor", "Qujing enterprise", "D D D D D D D", () -> reports.draftFor(qjEnt, P)));
        t.add(new Row("ReportService.draftFor", "guessed enterprise", "D D D D D D D", () -> reports.draftFor(GUESS, P)));
        t.add(new Row("ReportService.find", "own enterprise", "D A A A A D D", () -> reports.find(demoEnt, P)));
        t.add(new Row("ReportService.find", "Qujing enterprise", "D D D A A D D", () -> reports.find(qjEnt, P)));
        t.add(new Row("ReportService.find", "guessed enterprise", "D D D A A D D", () -> reports.find(GUESS, P)));
        t.add(new Row("ReportService.history", "own enterprise", "D A A A A D D", () -> reports.history(demoEnt)));
        t.add(new Row("ReportService.history", "Qujing enterprise", "D D D A A D D", () -> reports.history(qjEnt)));
        t.add(new Row("ReportService.home", "own enterprise", "D A A A A D D", () -> reports.home(demoEnt)));
        t.add(new Row("ReportService.home", "Qujing enterprise", "D D D A A D D", () -> reports.home(qjEnt)));
        for (var byId : List.<Map.Entry<String, java.util.function.LongConsumer>>of(
                Map.entry("ReportService.get", id -> reports.get(id)),
                Map.entry("ReportService.versions", id -> reports.versions(id)),
                Map.entry("ReportService.events", id -> reports.events(id)),
                Map.entry("ReportService.canWithdraw", id -> reports.canWithdraw(id)),
                Map.entry("ReportService.validate", id -> reports.validate(id, form)))) {
            t.add(new Row(byId.getKey(), "own report", "D A A A A D D", () -> byId.getValue().accept(own.id())));
            t.add(new Row(byId.getKey(), "Kunming report", "D N A A A D D", () -> byId.getValue().accept(km.id())));
            t.add(new Row(byId.getKey(), "Qujing report", "D N N A A D D", () -> byId.getValue().accept(qj.id())));
            t.add(new Row(byId.getKey(), "guessed report", "D N N N N D D", () -> byId.getValue().accept(GUESS)));
        }
        for (var byId : List.<Map.Entry<String, java.util.function.LongConsumer>>of(
                Map.entry("ReportService.saveDraft", id -> reports.saveDraft(id, form)),
                Map.entry("ReportService.submit", id -> reports.submit(id, form, null)),
                Map.entry("ReportService.withdraw", id -> reports.withdraw(id)))) {
            t.add(new Row(byId.getKey(), "own report", "D A D D D D D", () -> byId.getValue().accept(own.id())));
            t.add(new Row(byId.getKey(), "Kunming report", "D N D D D D D", () -> byId.getValue().accept(km.id())));
            t.add(new Row(byId.getKey(), "guessed report", "D N D D D D D", () -> byId.getValue().accept(GUESS)));
        }
        t.add(new Row("ReportService.correct", "accepted Kunming report", "D D D A D D D", () -> reports.correct(accepted.id(), "矩阵更正")));
        t.add(new Row("ReportService.correct", "guessed report", "D D D N D D D", () -> reports.correct(GUESS, "矩阵更正")));
        // --- review: inbox, task actions, timeline, saved filters ------------------------- anon E C P L PA SA
        t.add(new Row("ReviewService.inbox", "own group", "D D A A D D D", () -> review.inbox(InboxTab.TODO, null, null, 20)));
        t.add(new Row("ReviewService.count", "own group", "D D A A D D D", () -> review.count(InboxTab.TODO, null)));
        t.add(new Row("ReviewService.counts", "own group", "D D A A D D D", () -> review.counts()));
        t.add(new Row("ReviewService.matchingTaskIds", "own group", "D D A A D D D", () -> review.matchingTaskIds(InboxTab.TODO, null)));
        for (var byTask : List.<Map.Entry<String, java.util.function.Consumer<String>>>of(
                Map.entry("ReviewService.item", id -> review.item(id)),
                Map.entry("ReviewService.claim", id -> review.claim(id)),
                Map.entry("ReviewService.release", id -> review.release(id)),
                Map.entry("ReviewService.approve", id -> review.approve(id, "矩阵")),
                Map.entry("ReviewService.returnTask", id -> review.returnTask(id, ReturnTo.ENTERPRISE, "矩阵退回")),
                Map.entry("Handover.colleagues", id -> handover.colleagues(id)),
                Map.entry("Handover.transfer", id -> handover.transfer(id, "nobody-such", "矩阵")),
                Map.entry("Handover.delegate", id -> handover.delegate(id, "nobody-such", "矩阵")),
                Map.entry("Handover.resolve", id -> handover.resolve(id, "矩阵")))) {
            t.add(new Row(byTask.getKey(), "Kunming city task", "D D A N D D D", () -> byTask.getValue().accept(kmTask)));
            t.add(new Row(byTask.getKey(), "Qujing city task", "D D N N D D D", () -> byTask.getValue().accept(qjTask)));
            t.add(new Row(byTask.getKey(), "province task", "D D N A D D D", () -> byTask.getValue().accept(provinceTask)));
            t.add(new Row(byTask.getKey(), "guessed task", "D D N N D D D", () -> byTask.getValue().accept(GUESS_TASK)));
        }
        t.add(new Row("ReviewService.openTaskOf", "Kunming report", "D D A N D D D", () -> review.openTaskOf(ReportService.KIND, km.id())));
        t.add(new Row("ReviewService.openTaskOf", "Qujing report", "D D N N D D D", () -> review.openTaskOf(ReportService.KIND, qj.id())));
        t.add(new Row("ReviewService.openTaskOf", "guessed report", "D D N N D D D", () -> review.openTaskOf(ReportService.KIND, GUESS)));
        t.add(new Row("ReviewService.bulk", "Kunming, Qujing, guessed", "D D A A D D D", () -> review.bulk(BulkAction.APPROVE,
                List.of(kmTask, qjTask, GUESS_TASK), null, null, Set.of(), null)));
        t.add(new Row("ReviewService.timeline", "Qujing report (empty)", "D D A A D D D", () -> review.timeline(ReportService.KIND, qj.id())));
        t.add(new Row("ReviewService.saveFilter", "own", "D D A A D D D", () -> review.saveFilter("矩阵", null, false)));
        t.add(new Row("ReviewService.savedFilters", "own team", "D D A A D D D", () -> review.savedFilters()));
        t.add(new Row("ReviewService.deleteFilter", "guessed filter", "D D N N D D D", () -> review.deleteFilter(GUESS)));
        t.add(new Row("Handover.transferAll", "Kunming, Qujing, guessed", "D D A A D D D",
                () -> handover.transferAll(List.of(kmTask, qjTask, GUESS_TASK), "nobody-such", "矩阵")));
        // copies: by scope of the item's city (the province covers every city), not by review group
        for (var byTask : List.<Map.Entry<String, java.util.function.Consumer<String>>>of(
                Map.entry("Copies.candidates", id -> copies.candidates(id)),
                Map.entry("Copies.copy", id -> copies.copy(id, List.of(DemoAccounts.LEADER), "矩阵抄送")))) {
            t.add(new Row(byTask.getKey(), "Kunming city task", "D D A A D D D", () -> byTask.getValue().accept(kmTask)));
            t.add(new Row(byTask.getKey(), "Qujing city task", "D D N A D D D", () -> byTask.getValue().accept(qjTask)));
            t.add(new Row(byTask.getKey(), "guessed task", "D D N N D D D", () -> byTask.getValue().accept(GUESS_TASK)));
        }
        t.add(new Row("Copies.copyAll", "Kunming, Qujing, guessed", "D D A A D D D",
                () -> copies.copyAll(List.of(kmTask, qjTask, GUESS_TASK), List.of(DemoAccounts.LEADER), "矩阵抄送")));
        t.add(new Row("Copies.mine", "own", "D D A A A D D", () -> copies.mine(0, 20)));
        t.add(new Row("Copies.countMine", "own", "D D A A A D D", () -> copies.countMine()));
        t.add(new Row("Copies.countUnread", "own", "D D A A A D D", () -> copies.countUnread()));
        t.add(new Row("Copies.open", "guessed copy", "D D N N N D D", () -> copies.open(GUESS)));
        t.add(new Row("Copies.timeline", "guessed copy", "D D N N N D D", () -> copies.timeline(GUESS)));
        t.add(new Row("InboxPages.page", "own group", "D D A A D D D", () -> inboxPages.page(InboxTab.TODO, null, 0, 20)));
        t.add(new Row("InboxPages.periods", "own group", "D D A A D D D", () -> inboxPages.periods()));
        t.add(new Row("InboxExport.write", "own group", "D D A A D D D", () -> inboxExport.write(InboxTab.TODO, null, zh, nowhere)));
        // --- period: public calendar facts (no caller check), the province's calendar, jobs ------ anon E C P L PA SA
        t.add(new Row("PeriodService.current", "public fact", EVERYONE, () -> periods.current()));
        t.add(new Row("PeriodService.find", "public fact", EVERYONE, () -> periods.find(P)));
        t.add(new Row("PeriodService.require", "public fact", EVERYONE, () -> periods.require(P)));
        t.add(new Row("PeriodService.require", "no such period", "N N N N N N N", () -> periods.require(NO_PERIOD)));
        t.add(new Row("PeriodService.list", "public fact", EVERYONE, () -> periods.list()));
        t.add(new Row("PeriodService.windowFor", "public fact", EVERYONE, () -> periods.windowFor(P, "530100")));
        t.add(new Row("PeriodService.isOpenFor", "public fact", EVERYONE, () -> periods.isOpenFor(P, "530100", AT)));
        t.add(new Row("PeriodService.canSubmit", "public fact", EVERYONE, () -> periods.canSubmit(P, "530100", demoEnt, AT)));
        t.add(new Row("PeriodService.defaultWindow", "public fact", EVERYONE, () -> periods.defaultWindow(YearMonth.of(2019, 9))));
        t.add(new Row("PeriodService.create", "province", "D D D A D D D", () -> periods.create("2019-09")));
        t.add(new Row("PeriodService.create", "province, own window", "D D D A D D D", () -> periods.create("2019-09", w)));
        t.add(new Row("PeriodCalendarService.periods", "public fact", EVERYONE, () -> calendar.periods()));
        t.add(new Row("PeriodCalendarService.period", "public fact", EVERYONE, () -> calendar.period(P)));
        t.add(new Row("PeriodCalendarService.period", "no such period", "N N N N N N N", () -> calendar.period(NO_PERIOD)));
        t.add(new Row("PeriodCalendarService.endFor", "public fact", EVERYONE, () -> calendar.endFor(calendar.period(P), "530100")));
        // job entry points: no view or endpoint calls them; Quartz runs them without a user
        t.add(new Row("PeriodCalendarService.openDue", "job", EVERYONE, () -> calendar.openDue()));
        t.add(new Row("PeriodCalendarService.closeDue", "job", EVERYONE, () -> calendar.closeDue()));
        t.add(new Row("PeriodCalendarService.setWindow", "province", "D D D A D D D", () -> calendar.setWindow(P, w.start(), w.end(), List.of(1), 0)));
        t.add(new Row("PeriodCalendarService.setCityWindow", "province", "D D D A D D D", () -> calendar.setCityWindow(P, "530300", w.start(), w.end())));
        t.add(new Row("PeriodCalendarService.removeCityWindow", "province", "D D D A D D D", () -> calendar.removeCityWindow(P, "530300")));
        t.add(new Row("PeriodCalendarService.reopen", "province", "D D D A D D D", () -> calendar.reopen(P, w.end(), "矩阵")));
        t.add(new Row("PeriodCalendarService.markForwarded", "province or job", "D D D A D D D", () -> calendar.markForwarded(P)));
        t.add(new Row("PeriodCalendarService.archive", "province", "D D D A D D D", () -> calendar.archive(P)));
        t.add(new Row("LateFilingService.activeGrant", "internal read", EVERYONE, () -> lateFiling.activeGrant(demoEnt, P)));
        t.add(new Row("LateFilingService.activeGrantAt", "internal read", EVERYONE, () -> lateFiling.activeGrantAt(demoEnt, P, AT)));
        t.add(new Row("LateFilingService.allows", "internal read", EVERYONE, () -> lateFiling.allows(P, demoEnt, AT)));
        t.add(new Row("LateFilingService.defaultHours", "parameter", EVERYONE, () -> lateFiling.defaultHours()));
        t.add(new Row("LateFilingService.maxHours", "parameter", EVERYONE, () -> lateFiling.maxHours()));
        t.add(new Row("LateFilingService.grant", "Qujing enterprise", "D D D A D D D", () -> lateFiling.grant(P, List.of(qjEnt), 24, "矩阵")));
        t.add(new Row("LateFilingService.revoke", "guessed grant", "D D D A D D D", () -> lateFiling.revoke(GUESS)));
        t.add(new Row("LateFilingService.grants", "own city / all", "D D A A D D D", () -> lateFiling.grants(P)));
        t.add(new Row("LateFilingService.myActiveGrants", "own", SIGNED_IN, () -> lateFiling.myActiveGrants()));
        t.add(new Row("LateFilingService.expireDue", "job", EVERYONE, () -> lateFiling.expireDue()));
        t.add(new Row("ProgressService.byCity", "province", "D D D A A D D", () -> progress.byCity(P)));
        t.add(new Row("ProgressService.byCounty", "Kunming", "D D A A A D D", () -> progress.byCounty(P, "530100")));
        t.add(new Row("ProgressService.byCounty", "Qujing", "D D D A A D D", () -> progress.byCounty(P, "530300")));
        t.add(new Row("ProgressService.nonReporters", "Kunming", "D D A A A D D", () -> progress.nonReporters(P, "530100", null)));
        t.add(new Row("ProgressService.nonReporters", "Qujing", "D D D A A D D", () -> progress.nonReporters(P, "530300", null)));
        t.add(new Row("ProgressService.nonReporters", "whole province", "D D D A A D D", () -> progress.nonReporters(P, null, null)));
        t.add(new Row("ChaseService.chase", "Kunming enterprise", "D D A A D D D", () -> chase.chase(P, List.of(kmEnt))));
        t.add(new Row("ChaseService.chase", "Qujing enterprise", "D D N A D D D", () -> chase.chase(P, List.of(qjEnt))));
        t.add(new Row("ChaseService.chase", "guessed enterprise", "D D N N D D D", () -> chase.chase(P, List.of(GUESS))));
        t.add(new Row("ChaseService.chaseAll", "Kunming", "D D A A D D D", () -> chase.chaseAll(P, "530100")));
        t.add(new Row("ChaseService.chaseAll", "Qujing", "D D D A D D D", () -> chase.chaseAll(P, "530300")));
        t.add(new Row("ChaseService.log", "own city / all", "D D A A D D D", () -> chase.log(P)));
        t.add(new Row("JobAdminService.jobs", "-", "D D D A D D A", () -> jobs.jobs()));
        t.add(new Row("JobAdminService.runNow", "calendar job", "D D D A D D A", () -> jobs.runNow(CalendarJob.GRANT_EXPIRY)));
        t.add(new Row("JobAdminService.runNow", "system job", "D D D D D D A", () -> jobs.runNow(CalendarJob.FLOWABLE_HISTORY_CLEANUP)));
        // --- notice ---------------------------------------------------------------------- anon E C P L PA SA
        t.add(new Row("NoticeService.create", "own scope", "D D A A D D D", () -> notices.create(notice)));
        t.add(new Row("NoticeService.update", "guessed notice", "D D N N D D D", () -> notices.update(GUESS, notice, 0)));
        t.add(new Row("NoticeService.publish", "guessed notice", "D D N N D D D", () -> notices.publish(GUESS)));
        t.add(new Row("NoticeService.withdraw", "guessed notice", "D D N N D D D", () -> notices.withdraw(GUESS)));
        t.add(new Row("NoticeService.managed", "own scope", "D D A A D D D", () -> notices.managed()));
        t.add(new Row("NoticeService.getManaged", "guessed notice", "D D N N D D D", () -> notices.getManaged(GUESS)));
        t.add(new Row("NoticeService.readers", "guessed notice", "D D N N D D D", () -> notices.readers(GUESS, false)));
        t.add(new Row("NoticeService.mine", "own", SIGNED_IN, () -> notices.mine(false)));
        t.add(new Row("NoticeService.read", "guessed notice", "D N N N N N N", () -> notices.read(GUESS)));
        // module API other services notify through (no view or endpoint passes user input to it)
        t.add(new Row("NotificationService.notify", "module API", EVERYONE, () -> notifications.notify(List.of(), "X", "t", "b", null)));
        t.add(new Row("NotificationService.notifyScope", "module API", EVERYONE,
                () -> notifications.notifyScope(Scope.city("530100"), Role.CITY_REVIEWER, "X", "t", "b", null)));
        t.add(new Row("NotificationService.notifyKeys", "module API", EVERYONE, () -> notifications.notifyKeys(List.of(), "X", "t", null, null)));
        t.add(new Row("NotificationService.usersOf", "module API", EVERYONE, () -> notifications.usersOf(Scope.province(), Role.LEADER)));
        t.add(new Row("NotificationService.notifyEach", "module API", EVERYONE,
                () -> notifications.notifyEach(List.of(List.of()), "X", "t", "b", null)));
        t.add(new Row("NotificationService.usersOfEnterprises", "module API", EVERYONE,
                () -> notifications.usersOfEnterprises(List.of(GUESS), Role.ENTERPRISE)));
        t.add(new Row("NotificationService.unreadCount", "own", SIGNED_IN, () -> notifications.unreadCount()));
        t.add(new Row("NotificationService.mine", "own", SIGNED_IN, () -> notifications.mine(0, 20)));
        t.add(new Row("NotificationService.countMine", "own", SIGNED_IN, () -> notifications.countMine()));
        t.add(new Row("NotificationService.markRead", "guessed (own only)", SIGNED_IN, () -> notifications.markRead(GUESS)));
        t.add(new Row("NotificationService.markAllRead", "own", SIGNED_IN, () -> notifications.markAllRead()));
        t.add(new Row("OutboxAdminService.summary", "-", "D D D D D D A", () -> outbox.summary()));
        t.add(new Row("OutboxAdminService.messages", "-", "D D D D D D A", () -> outbox.messages(null, false, 0, 20)));
        t.add(new Row("OutboxAdminService.resend", "guessed message", "D D D D D D A", () -> outbox.resend(GUESS)));
        t.add(new Row("OutboxAdminService.resendAllDead", "-", "D D D D D D A", () -> outbox.resendAllDead()));
        // --- forwarding (province) --------------------------------------------------------- anon E C P L PA SA
        t.add(new Row("ForwardingService.overview", "-", "D D D A D D D", () -> forwarding.overview()));
        t.add(new Row("ForwardingService.status", "period", "D D D A D D D", () -> forwarding.status(P)));
        t.add(new Row("ForwardingService.status", "no such period", "D D D N D D D", () -> forwarding.status(NO_PERIOD)));
        t.add(new Row("ForwardingService.preview", "period", "D D D A D D D", () -> forwarding.preview(P)));
        t.add(new Row("ForwardingService.packages", "period", "D D D A D D D", () -> forwarding.packages(P)));
        t.add(new Row("ForwardingService.transmissions", "period", "D D D A D D D", () -> forwarding.transmissions(P)));
        t.add(new Row("ForwardingService.build", "no such period", "D D D N D D D", () -> forwarding.build(NO_PERIOD)));
        t.add(new Row("ForwardingService.send", "no such period", "D D D N D D D", () -> forwarding.send(NO_PERIOD)));
        t.add(new Row("ForwardingService.resend", "guessed package", "D D D N D D D", () -> forwarding.resend(P, 99)));
        t.add(new Row("ForwardingService.acknowledge", "guessed package", "D D D N D D D", () -> forwarding.acknowledge(P, 99, "矩阵")));
        t.add(new Row("ForwardingService.download", "guessed package", "D D D N D D D", () -> forwarding.download(P, 99)));
        // --- process administration ------------------------------------------------------- anon E C P L PA SA
        String reviewKey = ReportService.PROCESS_KEY;
        String bad = "<definitions/>";
        t.add(new Row("ProcessAdminService.definitions", "-", "D D D D D A D", () -> processAdmin.definitions()));
        t.add(new Row("ProcessAdminService.definition", "guessed id", "D D D D D N D", () -> processAdmin.definition(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.latest", "report review", "D D D D D A D", () -> processAdmin.latest(reviewKey)));
        t.add(new Row("ProcessAdminService.activityCounts", "guessed id", "D D D D D N D", () -> processAdmin.activityCounts(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.suspend", "guessed id", "D D D D D N D", () -> processAdmin.suspend(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.activate", "guessed id", "D D D D D N D", () -> processAdmin.activate(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.xml", "guessed id", "D D D D D N D", () -> processAdmin.xml(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.validate", "-", "D D D D D A D", () -> processAdmin.validate(reviewKey, bad)));
        t.add(new Row("ProcessAdminService.warnings", "-", "D D D D D A D", () -> processAdmin.warnings(bad)));
        t.add(new Row("ProcessAdminService.deploy", "invalid model", "D D D D D A D", () -> processAdmin.deploy(reviewKey, bad, "矩阵")));
        t.add(new Row("ProcessAdminService.diff", "guessed ids", "D D D D D N D", () -> processAdmin.diff(GUESS_TASK, GUESS_TASK)));
        t.add(new Row("ProcessAdminService.diffAgainst", "guessed id", "D D D D D N D", () -> processAdmin.diffAgainst(GUESS_TASK, bad)));
        t.add(new Row("ProcessAdminService.previousVersion", "guessed id", "D D D D D N D", () -> processAdmin.previousVersion(GUESS_TASK)));
        t.add(new Row("ProcessAdminService.counts", "-", "D D D D D A D", () -> processAdmin.counts()));
        t.add(new Row("ProcessInstanceList.steps", "report review", "D D D D D A D", () -> instances.steps(reviewKey)));
        t.add(new Row("ProcessInstanceList.search", "report review", "D D D D D A D", () -> instances.search(
                new ProcessInstanceList.Search(reviewKey, null, null, null, null, null), 0, 20)));
        t.add(new Row("ProcessInstanceList.versions", "report review", "D D D D D A D", () -> instances.versions(reviewKey)));
        t.add(new Row("ProcessInstanceList.processes", "-", "D D D D D A D", () -> instances.processes()));
        t.add(new Row("ProcessInstanceMigrations.previewMigration", "guessed ids", "D D D D D N D",
                () -> migrations.previewMigration(GUESS_TASK, GUESS_TASK)));
        t.add(new Row("ProcessInstanceMigrations.migrate", "guessed ids", "D D D D D N D", () -> migrations.migrate(GUESS_TASK, GUESS_TASK)));
        // a diagram: its enterprise, reviewers whose scope covers its city, process admins; one answer for foreign and guessed
        t.add(new Row("ProcessInstanceDiagrams.diagram", "own report", "D A A A D A D", () -> diagrams.diagram(own.processInstanceId())));
        t.add(new Row("ProcessInstanceDiagrams.diagram", "Kunming report", "D D A A D A D", () -> diagrams.diagram(km.processInstanceId())));
        t.add(new Row("ProcessInstanceDiagrams.diagram", "Qujing report", "D D D A D A D", () -> diagrams.diagram(qj.processInstanceId())));
        t.add(new Row("ProcessInstanceDiagrams.diagram", "guessed instance", "D D D D D N D", () -> diagrams.diagram(GUESS_TASK)));
        t.add(new Row("FailedJobs.failedJobs", "-", "D D D D D A D", () -> failedJobs.failedJobs()));
        t.add(new Row("FailedJobs.stacktrace", "guessed job", "D D D D D N D", () -> failedJobs.stacktrace(GUESS_TASK, JobKind.DEAD_LETTER)));
        t.add(new Row("FailedJobs.retry", "guessed job", "D D D D D N D", () -> failedJobs.retry(GUESS_TASK, JobKind.DEAD_LETTER)));
        t.add(new Row("FailedJobs.delete", "guessed job", "D D D D D N D", () -> failedJobs.delete(GUESS_TASK, JobKind.DEAD_LETTER)));
        return t;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A, D, N or E, followed by what was thrown (for the failure message). */
    static String outcome(Runnable call) {
        try {
            call.run();
            return "A";
        } catch (NotFoundException e) {
            return "N " + e.messageKey();
        } catch (AccessDeniedException e) {
            return "D " + e.getMessage();
        } catch (DomainException e) {
            return (e.messageKey().endsWith("otFound") ? "N " : "A ") + e.messageKey();
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            return "A " + e; // a business conflict, shown as "changed meanwhile"
        } catch (RuntimeException e) {
            return "E " + e;
        }
    }

    private static String anonymously(Supplier<String> cell) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            return cell.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void fixture() {
        runner.runAs(DemoAccounts.PROVINCE_REVIEWER, () -> {
            if (periods.find(P).isEmpty()) {
                periods.create(P, new Window(AT.minus(Duration.ofDays(4)), AT.plus(Duration.ofDays(5))));
            }
        });
        demoEnt = jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, DemoAccounts.ENTERPRISE_USCC);
        Integer baseline = jdbc.queryForObject("select baseline_headcount from enterprise where id = ?", Integer.class, demoEnt);
        own = runner.callAs(DemoAccounts.ENTERPRISE, () -> {
            ReportView draft = reports.draftFor(demoEnt, P);
            return draft.processInstanceId() != null ? draft : reports.submit(draft.id(), ReportForm.empty().withHeadcount(baseline), null);
        });
        kmEnt = filedEnterprise("530100", "530102");
        qjEnt = filedEnterprise("530300", "530302");
        km = submitted(kmEnt);
        qj = submitted(qjEnt);
        ReportView toProvince = submitted(filedEnterprise("530100", "530102"));
        accepted = submitted(filedEnterprise("530100", "530102"));
        kmTask = task(km);
        qjTask = task(qj);
        runner.runAs(DemoAccounts.CITY_REVIEWER, () -> {
            review.approve(task(toProvince), null);
            review.approve(task(accepted), null);
        });
        provinceTask = task(toProvince);
        runner.runAs(DemoAccounts.PROVINCE_REVIEWER, () -> review.approve(task(accepted), null));
        accepted = runner.callAs(DemoAccounts.PROVINCE_REVIEWER, () -> reports.get(accepted.id()));
        assertThat(accepted.state().name()).isEqualTo("ACCEPTED");
    }

    private String task(ReportView r) {
        return tasks.createTaskQuery().processInstanceId(r.processInstanceId()).singleResult().getId();
    }

    private ReportView submitted(long enterpriseId) {
        CurrentUser user = new CurrentUser(9_000_000 + enterpriseId, "matrix-ent-" + enterpriseId, "矩阵企业",
                Set.of(Role.ENTERPRISE), Scope.enterprise(enterpriseId));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(Role.ENTERPRISE.authority()))));
        SecurityContextHolder.setContext(ctx);
        try {
            ReportView draft = reports.draftFor(enterpriseId, P);
            return reports.submit(draft.id(), ReportForm.empty().withHeadcount(100), null);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A filed enterprise with baseline 100; a fresh one on every run (the PostgreSQL database outlives runs). */
    private long filedEnterprise(String city, String county) {
        String uscc = String.format("91%s%09dX", city, Math.floorMod(System.nanoTime(), 1_000_000_000L));
        java.sql.Timestamp now = java.sql.Timestamp.from(AT);
        jdbc.update("insert into enterprise (uscc, org_code, name, county_code, city_code, registration_type, industry_section,"
                        + " industry_division, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, '110', 'C', '13', 100, 'FILED', ?, ?, ?)",
                uscc, uscc.substring(8, 17), "矩阵企业" + uscc.substring(9, 17), county, city, now, now, now);
        return jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, uscc);
    }
}
