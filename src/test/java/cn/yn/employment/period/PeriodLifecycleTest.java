package cn.yn.employment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.notice.internal.LoggingSmsSender;
import cn.yn.employment.period.internal.CalendarScheduler;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A period's whole life under a controlled clock: open, reminders, close with 缺报, late filing, expiry; SLA escalation. */
class PeriodLifecycleTest extends CalendarTestBase {

    @Autowired
    PeriodCalendarService calendar;
    @Autowired
    PeriodReminders reminders;
    @Autowired
    LateFilingService lateFiling;
    @Autowired
    CalendarScheduler scheduler;
    @Autowired
    NotificationService notifications;
    @Autowired
    PeriodService periods;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @Test
    void periodLifeFromOpeningToLateFilingExpiry() throws Exception {
        String code = "2031-01";
        Instant start = at("2031-02-01T00:00");
        Instant end = at("2031-02-11T00:00");
        clock.set(at("2031-01-20T10:00"));
        period(code, start, end, "SCHEDULED");
        // five filed enterprises of 曲靖: one submits, one keeps a draft, three do nothing
        long submitted = enterprise("已报企业", "530300", "530302", "a@example.com", "13800000001");
        long draft = enterprise("草稿企业", "530300", "530302", "b@example.com", "13800000002");
        long silent1 = enterprise("未报企业甲", "530300", "530303", "c@example.com", "13800000003");
        long silent2 = enterprise("未报企业乙", "530300", "530303", null, "0871-1234567");
        long silent3 = enterprise("未报企业丙", "530300", "530303", "e@example.com", null);
        long userOfSubmitted = user("ent" + unique(), Scope.enterprise(submitted), Role.ENTERPRISE);
        long userOfSilent1 = user("ent" + unique(), Scope.enterprise(silent1), Role.ENTERPRISE);

        // the plan: an open trigger at the window start, a close at the end, reminders 3 and 1 days before
        Map<TriggerKey, CalendarScheduler.Planned> plan = scheduler.plan(calendar.period(code));
        assertThat(plan.get(TriggerKey.triggerKey("open", "period:" + code)).at()).isEqualTo(start);
        assertThat(plan.get(TriggerKey.triggerKey("close@" + end.getEpochSecond(), "period:" + code)).at()).isEqualTo(end);
        assertThat(plan.get(TriggerKey.triggerKey("remind-3@" + end.getEpochSecond(), "period:" + code)).at())
                .isEqualTo(end.minus(Duration.ofDays(3)));

        // before the start nothing opens; at the start it opens (once)
        clock.set(start.minusSeconds(1));
        assertThat(calendar.openDue()).doesNotContain(code);
        assertThat(periodState(code)).isEqualTo("SCHEDULED");
        clock.set(start);
        assertThat(calendar.openDue()).contains(code);
        assertThat(calendar.openDue()).doesNotContain(code);
        assertThat(periodState(code)).isEqualTo("OPEN");

        report(submitted, code, "PENDING_CITY");
        report(draft, code, "DRAFT");

        // no reminder before 3 days ahead
        clock.set(end.minus(Duration.ofDays(4)));
        reminders.remindDue();
        assertThat(reminded(code)).doesNotContain(draft, silent1, silent2, silent3, submitted);
        // 3 days ahead: exactly the four that have not submitted
        clock.set(end.minus(Duration.ofDays(3)).plusSeconds(60));
        reminders.remindDue();
        assertThat(reminded(code)).contains(draft, silent1, silent2, silent3).doesNotContain(submitted);
        assertThat(notifications(userOfSilent1, NotificationService.REMINDER)).isEqualTo(1);
        assertThat(notifications(userOfSubmitted, NotificationService.REMINDER)).isZero();
        // e-mail and SMS were queued with the reminder; nothing has gone out until the outbox is delivered
        assertThat(recipients()).isEmpty();
        deliverOutbox();
        List<String> to = recipients();
        assertThat(to).contains("b@example.com", "c@example.com", "e@example.com").doesNotContain("a@example.com");
        // SMS only to mobiles of non-submitters (silent2 has a landline, silent3 none)
        List<String> phones = ((LoggingSmsSender) sms).sent().stream().map(s -> s[0]).toList();
        assertThat(phones).contains("13800000002", "13800000003").doesNotContain("13800000001");
        // a re-run (e.g. a misfire catch-up) sends nothing again
        reminders.remindDue();
        assertThat(notifications(userOfSilent1, NotificationService.REMINDER)).isEqualTo(1);
        // 1 day ahead: the second reminder
        clock.set(end.minus(Duration.ofDays(1)));
        reminders.remindDue();
        assertThat(notifications(userOfSilent1, NotificationService.REMINDER)).isEqualTo(2);

        // close: not before the end; at the end every non-submitter is 缺报, drafts included
        clock.set(end.minusSeconds(1));
        assertThat(calendar.closeDue()).doesNotContain(code);
        assertThat(reportState(silent1, code)).isNull();
        clock.set(end);
        assertThat(calendar.closeDue()).containsExactly(code);
        assertThat(periodState(code)).isEqualTo("CLOSED");
        assertThat(reportState(submitted, code)).isEqualTo("PENDING_CITY");
        assertThat(reportState(draft, code)).isEqualTo("MISSING");
        assertThat(reportState(silent1, code)).isEqualTo("MISSING");
        assertThat(reportState(silent2, code)).isEqualTo("MISSING");
        assertThat(reportState(silent3, code)).isEqualTo("MISSING");
        assertThat(closedEvents.codes).contains(code);
        // idempotent
        assertThat(calendar.closeDue()).doesNotContain(code);

        // late filing: the province grants silent1 72 hours
        clock.set(end.plus(Duration.ofHours(5)));
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        List<LateFilingGrant> grants = lateFiling.grant(code, List.of(silent1, submitted), 72, "系统故障");
        assertThat(grants).extracting(LateFilingGrant::enterpriseId).containsExactly(silent1); // the submitted one is skipped
        assertThat(lateFiling.activeGrant(silent1, code)).isPresent();
        assertThat(lateFiling.activeGrant(silent2, code)).isEmpty();
        assertThat(notifications(userOfSilent1, NotificationService.GRANT)).isEqualTo(1);
        // a grant longer than the maximum is refused
        assertThatThrownBy(() -> lateFiling.grant(code, List.of(silent2), 7 * 24 + 1, null)).isInstanceOf(DomainException.class);
        // the enterprise submits late (as the report module does when the grant allows it): the close re-run leaves it alone
        jdbc.update("update report set state = 'PENDING_CITY', submitted_at = ? where enterprise_id = ? and period_code = ?",
                java.sql.Timestamp.from(clock.instant()), silent1, code);
        calendar.closeDue();
        assertThat(reportState(silent1, code)).isEqualTo("PENDING_CITY");

        // a grant for silent3 expires after its hours
        List<LateFilingGrant> g3 = lateFiling.grant(code, List.of(silent3), 1, null);
        clock.advance(Duration.ofMinutes(61));
        assertThat(lateFiling.activeGrant(silent3, code)).isEmpty();
        assertThat(lateFiling.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select state from late_filing_grant where id = ?", String.class, g3.get(0).id()))
                .isEqualTo("EXPIRED");
        assertThat(lateFiling.expireDue()).isZero();

        // only the province grants
        signInNew(Scope.city("530300"), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> lateFiling.grant(code, List.of(silent2), 24, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPeriodCreatedThroughTheServiceHasItsTriggersAtOnce() throws Exception {
        clock.set(at("2032-05-20T10:00"));
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        periods.create("2032-05");
        org.quartz.Scheduler quartz = applicationContext.getBean(org.quartz.Scheduler.class);
        assertThat(quartz.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals("period:2032-05")))
                .extracting(TriggerKey::getName).contains("open", "close@" + at("2032-06-11T00:00").getEpochSecond());
    }

    @Test
    void cityWindowClosesItsCityLaterAndReopenRestoresDrafts() {
        String code = "2031-02";
        clock.set(at("2031-03-05T00:00"));
        period(code, at("2031-03-01T00:00"), at("2031-03-11T00:00"), "OPEN");
        long kunming = enterprise("昆明企业", "530100", "530102", null, null);
        long yuxi = enterprise("玉溪企业", "530400", "530402", null, null);
        report(yuxi, code, "DRAFT");
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        calendar.setCityWindow(code, "530400", at("2031-03-01T00:00"), at("2031-03-15T00:00"));

        clock.set(at("2031-03-11T00:00"));
        calendar.closeDue();
        assertThat(periodState(code)).isEqualTo("OPEN"); // 玉溪 still has time
        assertThat(reportState(kunming, code)).isEqualTo("MISSING");
        assertThat(reportState(yuxi, code)).isEqualTo("DRAFT");
        clock.set(at("2031-03-15T00:00"));
        calendar.closeDue();
        assertThat(periodState(code)).isEqualTo("CLOSED");
        assertThat(reportState(yuxi, code)).isEqualTo("MISSING");

        // reopen needs a reason and a future end; it removes placeholders and gives drafts back
        assertThatThrownBy(() -> calendar.reopen(code, at("2031-03-20T00:00"), " ")).isInstanceOf(DomainException.class);
        calendar.reopen(code, at("2031-03-20T00:00"), "部分企业系统故障");
        assertThat(periodState(code)).isEqualTo("OPEN");
        assertThat(reportState(kunming, code)).isNull();
        assertThat(reportState(yuxi, code)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PERIOD_REOPENED' and target_id = ?",
                Integer.class, code)).isEqualTo(1);
    }

    private List<Long> reminded(String code) {
        return jdbc.queryForList("select enterprise_id from period_reminder_sent where period_code = ?", Long.class, code);
    }

    private List<String> recipients() throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages()).map(m -> {
            try {
                return Arrays.stream(((MimeMessage) m).getAllRecipients()).map(Object::toString).collect(Collectors.joining());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
