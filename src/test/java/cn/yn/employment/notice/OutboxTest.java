package cn.yn.employment.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.internal.LoggingSmsSender;
import cn.yn.employment.notice.internal.OutboxWorker;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.period.CalendarTestBase;
import cn.yn.employment.period.ChaseService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: queued in the business transaction, delivered after it, retried with back-off, dead, resent. */
class OutboxTest extends CalendarTestBase {

    @Autowired
    MessageOutbox outbox;
    @Autowired
    OutboxAdminService admin;
    @Autowired
    OutboxWorker worker;
    @Autowired
    ChaseService chase;
    @Autowired
    ParameterService parameters;
    @Autowired
    PlatformTransactionManager txManager;

    @AfterEach
    void mailServerUpAgain() {
        if (!MAIL.isRunning()) {
            MAIL.start();
        }
    }

    @Test
    void messagesExistOnlyIfTheBusinessChangeCommits() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            outbox.email("rollback@example.com", "主题", "正文", NotificationService.CHASE);
            outbox.sms("13700000001", "短信", NotificationService.CHASE);
            throw new IllegalStateException("the business change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("PENDING")).isZero();

        tx.executeWithoutResult(s -> {
            assertThat(outbox.email("commit@example.com", "主题", "正文", NotificationService.CHASE)).isEqualTo(ChannelOutcome.QUEUED);
            assertThat(outbox.sms("13700000001", "短信", NotificationService.CHASE)).isEqualTo(ChannelOutcome.QUEUED);
            // nothing to queue for an invalid address or a landline
            assertThat(outbox.email("not-an-address", "主题", "正文", NotificationService.CHASE)).isEqualTo(ChannelOutcome.SKIPPED);
            assertThat(outbox.sms("0871-6543210", "短信", NotificationService.CHASE)).isEqualTo(ChannelOutcome.SKIPPED);
        });
        assertThat(count("PENDING")).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        OutboxWorker.Pass pass = worker.deliverDue();
        assertThat(pass.sent()).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(((LoggingSmsSender) sms).sent()).hasSize(1);
        assertThat(count("SENT")).isEqualTo(2);
        assertThat(worker.deliverDue().attempted()).isZero();
    }

    @Test
    void aMailServerThatIsDownLosesNothingAndDelaysNothingElse() throws Exception {
        String code = "2034-01";
        clock.set(at("2034-01-05T09:00"));
        period(code, at("2034-01-01T00:00"), at("2034-01-11T00:00"), "OPEN");
        String city = "530300";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(enterprise("邮件中断", city, "530302", "down" + i + "@example.com", "1370000010" + i));
        }
        MAIL.stop();

        // the business change does not wait for the mail server: chasing queues and is done
        signInNew(Scope.city(city), Role.CITY_REVIEWER);
        assertThat(chase.chase(code, ids).chased()).isEqualTo(3);
        assertThat(jdbc.queryForList("select outcome from chase_log where period_code = ?", String.class, code))
                .hasSize(3).allMatch(o -> o.endsWith("EMAIL:QUEUED SMS:QUEUED"));

        // one pass: the text messages go out; one e-mail is tried, fails, and the other two wait without an attempt
        OutboxWorker.Pass pass = worker.deliverDue();
        assertThat(pass.sent()).isEqualTo(3);
        assertThat(pass.retrying()).isEqualTo(1);
        assertThat(pass.deferred()).isEqualTo(2);
        assertThat(((LoggingSmsSender) sms).sent()).hasSize(3);
        assertThat(count("PENDING")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select sum(attempts) from outbox_message where channel = 'EMAIL'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_error from outbox_message where channel = 'EMAIL' and attempts = 1", String.class)).isNotBlank();

        // the mail server comes back: every e-mail arrives, once
        MAIL.start();
        clock.advance(Duration.ofSeconds(30));
        deliverOutbox();
        assertThat(count("SENT")).isEqualTo(6);
        assertThat(recipients()).containsExactlyInAnyOrder("down0@example.com", "down1@example.com", "down2@example.com");
        assertThat(((LoggingSmsSender) sms).sent()).hasSize(3);
    }

    @Test
    void failuresBackOffExponentiallyThenTheMessageIsDeadUntilResent() throws Exception {
        signInNew(Scope.province(), Role.SYSTEM_ADMIN);
        parameters.set(Parameter.OUTBOX_MAX_ATTEMPTS, "3");
        try {
            clock.set(at("2034-02-01T10:00"));
            new TransactionTemplate(txManager).executeWithoutResult(s ->
                    outbox.email("dead@example.com", "退避", "正文", NotificationService.REMINDER));
            MAIL.stop();
            assertThat(worker.deliverDue().retrying()).isEqualTo(1); // attempt 1, next in 30 s
            clock.advance(Duration.ofSeconds(29));
            assertThat(worker.deliverDue().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(worker.deliverDue().retrying()).isEqualTo(1); // attempt 2, next in 60 s
            clock.advance(Duration.ofSeconds(59));
            assertThat(worker.deliverDue().attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(worker.deliverDue().dead()).isEqualTo(1); // attempt 3 of 3
            clock.advance(Duration.ofDays(1));
            assertThat(worker.deliverDue().attempted()).isZero();

            assertThat(admin.summary().count(OutboxState.DEAD)).isEqualTo(1);
            OutboxMessage dead = admin.messages(OutboxState.DEAD, false, 0, 10).get(0);
            assertThat(dead.recipient()).isEqualTo("dead@example.com");
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.lastError()).isNotBlank();

            MAIL.start();
            admin.resend(dead.id());
            assertThat(worker.deliverDue().sent()).isEqualTo(1);
            assertThat(recipients()).containsExactly("dead@example.com");
            assertThatThrownBy(() -> admin.resend(dead.id())).isInstanceOf(DomainException.class)
                    .hasMessage("notice.outbox.error.notResendable");
        } finally {
            parameters.set(Parameter.OUTBOX_MAX_ATTEMPTS, Parameter.OUTBOX_MAX_ATTEMPTS.defaultValue());
        }
    }

    @Test
    void backOffDoublesUpToTheCap() {
        assertThat(worker.backoffFor(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(worker.backoffFor(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(worker.backoffFor(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(worker.backoffFor(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void twoWorkersAtOnceSendEveryMessageExactlyOnce() throws Exception {
        int n = 60;
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                outbox.sms("13600000000", "并发" + i, NotificationService.REMINDER);
            }
        });
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                passes.add(pool.submit(() -> {
                    start.await();
                    int sent = 0;
                    OutboxWorker.Pass p;
                    while ((p = worker.deliverDue()).attempted() > 0) {
                        sent += p.sent();
                    }
                    return sent;
                }));
            }
            int total = 0;
            for (Future<Integer> f : passes) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        List<String> texts = ((LoggingSmsSender) sms).sent().stream().map(s -> s[1]).toList();
        assertThat(texts).hasSize(n).doesNotHaveDuplicates();
        assertThat(count("SENT")).isEqualTo(n);
    }

    @Test
    void aClaimLeftByADeadNodeIsTakenOverAfterItsLease() {
        clock.set(at("2034-03-01T10:00"));
        new TransactionTemplate(txManager).executeWithoutResult(s -> outbox.sms("13600000009", "接管", NotificationService.REMINDER));
        // another node claimed it and died before it finished
        jdbc.update("update outbox_message set state = 'SENDING', attempts = 1, claimed_by = 'dead-node', claimed_until = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))));
        assertThat(worker.deliverDue().attempted()).isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(worker.deliverDue().sent()).isEqualTo(1);
        assertThat(((LoggingSmsSender) sms).sent()).extracting(s -> s[1]).containsExactly("接管");
    }

    @Test
    void onlyTheSystemAdministratorSeesAndResendsTheOutbox() {
        new TransactionTemplate(txManager).executeWithoutResult(s -> outbox.sms("13600000008", "权限", NotificationService.REMINDER));
        long id = jdbc.queryForObject("select max(id) from outbox_message", Long.class);
        for (Role role : Role.values()) {
            if (role == Role.SYSTEM_ADMIN) {
                continue;
            }
            signInNew(role == Role.ENTERPRISE ? Scope.enterprise(1) : role == Role.CITY_REVIEWER ? Scope.city("530100") : Scope.province(), role);
            assertThatThrownBy(() -> admin.summary()).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.messages(OutboxState.PENDING, false, 0, 10)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.resend(id)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.resendAllDead()).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        signInNew(Scope.province(), Role.SYSTEM_ADMIN);
        assertThat(admin.summary().count(OutboxState.PENDING)).isEqualTo(1);
        assertThat(admin.messages(OutboxState.PENDING, false, 0, 10)).extracting(OutboxMessage::id).containsExactly(id);
    }

    private int count(String state) {
        return jdbc.queryForObject("select count(*) from outbox_message where state = ?", Integer.class, state);
    }

    private List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString());
        }
        return to;
    }
}
