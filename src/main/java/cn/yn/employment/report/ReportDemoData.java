package cn.yn.employment.report;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.Window;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo reports for the out-of-the-box experience (called by the demo module, or by {@code ReportDemoRunner}):
 * an open current period (the month before the clock's month, window open now), accepted history for the three
 * periods before it, and current-period reports in every state — submitted and reviewed through the real
 * {@link ReportService} and engine, so process instances, tasks and the inbox projection exist.
 */
@Component
public class ReportDemoData {

    private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);

    private final ReportService reports;
    private final PeriodService periods;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportDemoData(ReportService reports, PeriodService periods, TaskService tasks, JdbcTemplate jdbc, Clock clock) {
        this.reports = reports;
        this.periods = periods;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current demo period's code: the month before the clock's month. */
    public String currentCode() {
        return YearMonth.now(clock.withZone(TimeConfig.ZONE)).minusMonths(1).toString();
    }

    /** Populates every filed enterprise (at most {@code max}) that has no report for the current period yet. */
    public int populate(int max) {
        List<Long> ids = jdbc.queryForList("select id from enterprise where filing_state = 'FILED' order by id limit ?", Long.class, max);
        return populate(ids);
    }

    /** Populates the given filed enterprises; returns how many current-period reports were created. */
    public int populate(List<Long> enterpriseIds) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        try {
            String code = currentCode();
            YearMonth ym = YearMonth.parse(code);
            act(new CurrentUser(0, "demo-province", "演示省级", java.util.Set.of(Role.PROVINCE_REVIEWER), Scope.province()));
            for (int i = 3; i >= 1; i--) {
                String older = ym.minusMonths(i).toString();
                if (periods.find(older).isEmpty()) {
                    periods.create(older);
                }
            }
            if (periods.find(code).isEmpty()) {
                Instant now = clock.instant();
                Window def = periods.defaultWindow(ym);
                Instant start = ym.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.ZONE).toInstant();
                Instant end = def.end().isAfter(now.plus(Duration.ofDays(7))) ? def.end()
                        : now.plus(Duration.ofDays(10)).atZone(TimeConfig.ZONE).toLocalDate().atStartOfDay(TimeConfig.ZONE).toInstant();
                periods.create(code, new Window(start.isAfter(now) ? now.minus(Duration.ofDays(1)) : start, end));
            }
            int created = 0;
            int n = 0;
            for (long id : enterpriseIds) {
                n++;
                Map<String, Object> e = jdbc.queryForMap("select city_code, county_code, baseline_headcount from enterprise where id = ?", id);
                String city = (String) e.get("city_code");
                int baseline = ((Number) e.get("baseline_headcount")).intValue();
                Random rnd = new Random(id);
                int headcount = history(id, e, ym, baseline, rnd);
                if (hasReport(id, code)) {
                    continue;
                }
                try {
                    current(id, city, baseline, headcount, n, rnd);
                    created++;
                } catch (RuntimeException ex) {
                    log.warn("demo report for enterprise {} skipped: {}", id, ex.getMessage());
                }
                act(new CurrentUser(0, "demo-province", "演示省级", java.util.Set.of(Role.PROVINCE_REVIEWER), Scope.province()));
            }
            log.info("demo reports: {} for period {}", created, code);
            return created;
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private boolean hasReport(long id, String code) {
        return jdbc.queryForObject("select count(*) from report where enterprise_id = ? and period_code = ?", Integer.class, id, code) > 0;
    }

    /** Accepted reports for the three periods before; returns the latest headcount. */
    private int history(long id, Map<String, Object> e, YearMonth ym, int baseline, Random rnd) {
        int h = baseline;
        for (int i = 3; i >= 1; i--) {
            String code = ym.minusMonths(i).toString();
            Integer existing = jdbc.query("select headcount from report where enterprise_id = ? and period_code = ? and state in ('ACCEPTED','FORWARDED')",
                    (rs, k) -> rs.getInt(1), id, code).stream().findFirst().orElse(null);
            if (existing != null) {
                h = existing;
                continue;
            }
            if (hasReport(id, code)) {
                continue;
            }
            Integer previous = i == 3 ? null : h;
            h = Math.max(0, h + (int) Math.round(h * (rnd.nextGaussian() * 0.03)));
            Instant accepted = YearMonth.parse(code).plusMonths(1).atDay(12).atStartOfDay(TimeConfig.ZONE).toInstant();
            jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, state, baseline_headcount,"
                            + " previous_headcount, headcount, hired, separated, version_no, submitted_at, accepted_at, created_at, updated_at)"
                            + " values (?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, null, null, 1, ?, ?, ?, ?)",
                    id, code, e.get("city_code"), e.get("county_code"), baseline, previous, h,
                    Timestamp.from(accepted.minus(Duration.ofDays(3))), Timestamp.from(accepted),
                    Timestamp.from(accepted.minus(Duration.ofDays(5))), Timestamp.from(accepted));
        }
        return h;
    }

    /** One current-period report, spread over the states by the enterprise's position. */
    private void current(long id, String city, int baseline, int previous, int n, Random rnd) {
        act(new CurrentUser(id, "demo-enterprise-" + id, "演示企业", java.util.Set.of(Role.ENTERPRISE), Scope.enterprise(id)));
        ReportView draft = reports.draftFor(id, currentCode());
        int slot = n % 10;
        boolean warn = n % 7 == 0;
        int headcount = warn ? (int) Math.round(previous * 1.3) + 1 : Math.max(0, previous + rnd.nextInt(5) - 2);
        ReportForm form = ReportForm.empty().withHeadcount(headcount);
        if (headcount < baseline) {
            form = form.withReduction("RT0" + (1 + rnd.nextInt(9)), "RC0" + (1 + rnd.nextInt(9)), "订单减少，人员自然流失", null, null, null, null);
        }
        if (slot == 0) {
            return; // started, not submitted: a draft
        }
        if (slot == 1) {
            reports.saveDraft(draft.id(), form);
            return;
        }
        ReportView r = reports.submit(draft.id(), form, warn ? "本月新项目投产，集中招聘" : null);
        if (slot <= 4) {
            return; // awaiting the city
        }
        CurrentUser cityUser = new CurrentUser(0, "demo-city-" + city, "演示市级", java.util.Set.of(Role.CITY_REVIEWER), Scope.city(city));
        act(cityUser);
        if (slot == 6) {
            complete(r, ReportService.TASK_CITY, "RETURN", null, "请核实本期减员人数并补充说明");
            return;
        }
        complete(r, ReportService.TASK_CITY, "APPROVE", null, null);
        if (slot == 5) {
            return; // awaiting the province
        }
        act(new CurrentUser(0, "demo-province", "演示省级", java.util.Set.of(Role.PROVINCE_REVIEWER), Scope.province()));
        if (slot == 7) {
            complete(r, ReportService.TASK_PROVINCE, "RETURN", n % 2 == 0 ? "CITY" : "ENTERPRISE", "数据与往期差异较大，请复核");
            return;
        }
        complete(r, ReportService.TASK_PROVINCE, "APPROVE", null, null);
    }

    private void complete(ReportView r, String key, String decision, String returnTo, String comment) {
        Task t = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).taskDefinitionKey(key).singleResult();
        if (t == null) {
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", decision);
        if (returnTo != null) {
            vars.put("returnTo", returnTo);
        }
        if (comment != null) {
            vars.put("comment", comment);
        }
        tasks.complete(t.getId(), vars);
    }

    private static void act(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
