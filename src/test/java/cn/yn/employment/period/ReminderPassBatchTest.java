package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.db.StatementCounter;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.period.internal.EnterpriseMessenger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15, third round: the reminder pass is set-based. The same due enterprises get the same rows (claims,
 * notifications, outbox e-mails and SMS, in the same order) and the same per-channel outcomes as the pass that
 * claimed and messaged one enterprise at a time ({@link PerEnterpriseReminderPass}, the code before the change);
 * both run in a transaction that is rolled back, so each sees the same database. And its statement count no longer
 * grows with the number of enterprises.
 */
@Import(StatementCounter.Config.class)
class ReminderPassBatchTest extends CalendarTestBase {

    @Autowired
    PeriodReminders reminders;
    @Autowired
    PeriodCalendarService calendar;
    @Autowired
    EnterpriseMessenger messenger;
    @Autowired
    PlatformTransactionManager transactions;

    /** Each test's periods and filed enterprises are its own: the next test's pass must not see them. */
    @AfterEach
    void closeOpenPeriods() {
        jdbc.update("update survey_period set state = 'CLOSED' where state = 'OPEN'");
        jdbc.update("update enterprise set filing_state = 'DRAFT' where filing_state = 'FILED'");
    }

    @Test
    void theBatchedPassWritesWhatThePerEnterprisePassWrote() {
        String code = "2033-01";
        Instant end = at("2033-02-11T00:00");
        clock.set(at("2033-01-20T10:00"));
        period(code, at("2033-02-01T00:00"), end, "OPEN");
        // 昆明 has a window of its own that ends a day earlier: its enterprises are a group of their own
        Instant kunmingEnd = end.minus(Duration.ofDays(1));
        jdbc.update("insert into period_city_window (period_code, city_code, window_start, window_end) values (?, '530100', ?, ?)",
                code, Timestamp.from(at("2033-02-01T00:00")), Timestamp.from(kunmingEnd));
        List<Long> ids = new ArrayList<>();
        ids.add(enterprise("两个用户", "530300", "530302", "two@example.com", "13800000011"));
        ids.add(enterprise("无用户", "530300", "530302", "none@example.com", "0871-1234567"));
        ids.add(enterprise("无联系方式", "530300", "530303", null, null));
        ids.add(enterprise("错误邮箱", "530300", "530303", "not-an-address", " 13900000012 "));
        ids.add(enterprise("草稿企业", "530300", "530303", "draft@example.com", "13800000013"));
        ids.add(enterprise("已报企业", "530300", "530303", "done@example.com", "13800000014"));
        ids.add(enterprise("已提醒", "530300", "530303", "again@example.com", "13800000015"));
        ids.add(enterprise("昆明企业", "530100", "530102", "km@example.com", "13800000016"));
        ids.add(enterprise("昆明已报", "530100", "530102", "km2@example.com", "13800000017"));
        user("u" + unique(), Scope.enterprise(ids.get(0)), Role.ENTERPRISE);
        user("u" + unique(), Scope.enterprise(ids.get(0)), Role.ENTERPRISE);
        long disabled = user("u" + unique(), Scope.enterprise(ids.get(0)), Role.ENTERPRISE);
        jdbc.update("update app_user set enabled = false where id = ?", disabled);
        user("u" + unique(), Scope.enterprise(ids.get(3)), Role.ENTERPRISE);
        user("u" + unique(), Scope.enterprise(ids.get(4)), Role.ENTERPRISE);
        user("u" + unique(), Scope.enterprise(ids.get(7)), Role.ENTERPRISE);
        user("u" + unique(), Scope.city("530300"), Role.CITY_REVIEWER);
        report(ids.get(4), code, "DRAFT");
        report(ids.get(5), code, "PENDING_CITY");
        report(ids.get(8), code, "PENDING_CITY");
        jdbc.update("insert into period_reminder_sent (period_code, enterprise_id, offset_days, sent_at) values (?, ?, 3, ?)",
                code, ids.get(6), Timestamp.from(clock.instant()));
        clock.set(end.minus(Duration.ofDays(3)).plusSeconds(60));

        long[] mark = watermark();
        Written before = rolledBack(() -> written(code, mark, new PerEnterpriseReminderPass(jdbc, clock, calendar, messenger,
                transactions).remindDue()));
        Written after = rolledBack(() -> written(code, mark, reminders.remindDue()));

        assertThat(after).isEqualTo(before);
        // what the change must not lose: the two groups, the enterprise without users, the skipped channels
        assertThat(after.claims()).contains(ids.get(0) + "/3", ids.get(1) + "/3", ids.get(2) + "/3", ids.get(3) + "/3",
                ids.get(4) + "/3", ids.get(7) + "/3").doesNotContain(ids.get(5) + "/3", ids.get(8) + "/3");
        assertThat(after.reminded()).isEqualTo(6);
        assertThat(after.notifications()).hasSize(5);
        List<String> queued = after.outbox().stream().map(m -> m.substring(0, m.indexOf(' ', m.indexOf(' ') + 1))).toList();
        assertThat(queued).contains("EMAIL two@example.com", "SMS 13800000011", "EMAIL none@example.com", "SMS 13900000012",
                "EMAIL km@example.com", "SMS 13800000016").noneMatch(m -> m.contains("0871") || m.contains("not-an-address")
                || m.contains("again@example.com") || m.contains("done@example.com"));
    }

    @Test
    void deliveriesOfTheBulkSendMatchOneSendPerEnterprise() {
        clock.set(at("2033-03-01T09:00"));
        long withUser = enterprise("单个", "530300", "530302", "one@example.com", "13800000021");
        long landline = enterprise("座机", "530300", "530302", null, "0871-7654321");
        user("u" + unique(), Scope.enterprise(withUser), Role.ENTERPRISE);
        List<Long> ids = List.of(withUser, landline, 999_999_999L);
        long[] mark = watermark();
        Object[] args = {"2033-02", "2033-03-10 18:00"};
        List<String> one = rolledBack(() -> {
            List<String> d = ids.stream().map(id -> messenger.send(id, NotificationService.CHASE, "calendar.chase.title",
                    "calendar.chase.body", "", args)).map(EnterpriseMessenger.Delivery::toString).toList();
            return concat(d, written("none", mark, 0));
        });
        List<String> bulk = rolledBack(() -> {
            Map<Long, EnterpriseMessenger.Delivery> d = messenger.sendAll(ids, NotificationService.CHASE, "calendar.chase.title",
                    "calendar.chase.body", "", args);
            assertThat(d.keySet()).containsExactlyElementsOf(ids);
            return concat(d.values().stream().map(EnterpriseMessenger.Delivery::toString).toList(), written("none", mark, 0));
        });
        assertThat(bulk).isEqualTo(one);
        assertThat(bulk.get(0)).contains("appRecipients=1", "email=QUEUED", "sms=QUEUED");
        assertThat(bulk.get(1)).contains("appRecipients=0", "email=SKIPPED", "sms=SKIPPED");
        assertThat(bulk.get(2)).contains("recipients=]");
    }

    @Test
    void statementsPerPassNoLongerGrowWithTheEnterprises() {
        String code = "2033-05";
        Instant end = at("2033-06-11T00:00");
        clock.set(at("2033-05-20T10:00"));
        period(code, at("2033-06-01T00:00"), end, "OPEN");
        // more than one chunk of 1,000, each with a user and both contacts
        int n = 1_050;
        long first = enterprises(n);
        clock.set(end.minus(Duration.ofDays(1)).plusSeconds(60));

        StatementCounter.Counted<Integer> old = rolledBack(() -> StatementCounter.count(() -> new PerEnterpriseReminderPass(jdbc,
                clock, calendar, messenger, transactions).remindDue()));
        StatementCounter.Counted<Integer> batched = rolledBack(() -> StatementCounter.count(() -> reminders.remindDue()));

        assertThat(batched.value()).isEqualTo(old.value()).isGreaterThanOrEqualTo(n);
        System.out.printf("REMINDER-PASS %d reminded: per enterprise before %s, after %s%n", batched.value(), old.count(),
                batched.count());
        // before: about six calls per enterprise (claim, enterprise, users (+ roles), notification, e-mail, SMS)
        assertThat(old.count().calls()).isGreaterThan(5L * n);
        // after: the due query, one claim batch, and per 1,000 enterprises contacts, users, notifications, outbox
        assertThat(batched.count().calls()).isLessThan(20);
        assertThat(batched.count().statements()).isLessThan(old.count().statements());
        assertThat(first).isPositive();
    }

    /** n filed enterprises of 玉溪 with a mobile, an address and an enterprise user each (test data, one batch each). */
    private long enterprises(int n) {
        Timestamp now = Timestamp.from(clock.instant());
        String tag = unique();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = tag + String.format("%05d", i);
            rows.add(new Object[] {("92530" + key + "000000000000").substring(0, 18), "Y" + key.substring(key.length() - 8),
                    "批量企业" + key, "e" + key + "@example.com", "139" + ("00000000" + key).substring(("00000000" + key).length() - 8),
                    now, now, now});
        }
        jdbc.batchUpdate("insert into enterprise (uscc, org_code, name, county_code, city_code, industry_section, industry_division,"
                + " contact_person, email, phone, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                + " values (?, ?, ?, '530402', '530400', 'C', '13', '李四', ?, ?, 50, 'FILED', ?, ?, ?)", rows);
        List<Long> ids = jdbc.queryForList("select id from enterprise where name like ? order by id", Long.class, "批量企业" + tag + "%");
        jdbc.batchUpdate("insert into app_user (username, password_hash, display_name, scope_type, scope_code, enabled,"
                + " created_at, updated_at) values (?, 'x', ?, 'ENTERPRISE', ?, true, ?, ?)", ids.stream()
                .map(id -> new Object[] {"bulk" + id, "bulk" + id, Long.toString(id), now, now}).toList());
        jdbc.update("insert into app_user_role (user_id, role) select id, 'ENTERPRISE' from app_user where username like 'bulk%'"
                + " and not exists (select 1 from app_user_role r where r.user_id = app_user.id)");
        return ids.get(0);
    }

    /** What a pass wrote after the watermark: claims, notifications and outbox rows, without their generated ids. */
    record Written(int reminded, List<String> claims, List<String> notifications, List<String> outbox) {
    }

    private Written written(String code, long[] mark, int reminded) {
        List<String> claims = jdbc.queryForList("select enterprise_id || '/' || offset_days from period_reminder_sent"
                + " where period_code = ? order by enterprise_id, offset_days", String.class, code);
        // per enterprise the users come in id order now; before, in the order JPA returned them: compare by user
        List<String> notifications = jdbc.queryForList("select user_id || ' ' || kind || ' ' || title || ' ' || body || ' '"
                + " || coalesce(link, '-') || ' ' || created_at from notification where id > ? order by user_id, id", String.class, mark[0]);
        List<String> outbox = jdbc.queryForList("select channel || ' ' || recipient || ' ' || coalesce(subject, '-') || ' ' || body"
                + " || ' ' || kind || ' ' || state || ' ' || attempts || ' ' || next_attempt_at || ' ' || created_at"
                + " from outbox_message where id > ? order by id", String.class, mark[1]);
        return new Written(reminded, claims, notifications, outbox);
    }

    private long[] watermark() {
        return new long[] {jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class),
                jdbc.queryForObject("select coalesce(max(id), 0) from outbox_message", Long.class)};
    }

    private static List<String> concat(List<String> deliveries, Written w) {
        List<String> all = new ArrayList<>(deliveries);
        all.addAll(w.notifications());
        all.addAll(w.outbox());
        return all;
    }

    private <T> T rolledBack(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(s -> {
            s.setRollbackOnly();
            return work.get();
        });
    }
}
