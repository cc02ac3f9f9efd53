package cn.yn.employment.period;

import cn.yn.employment.TestClock;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.notice.SmsSender;
import cn.yn.employment.notice.internal.LoggingSmsSender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for all calendar and notice tests: a mutable clock, an in-process SMTP server (GreenMail on a
 * free port) and helpers that insert enterprises, users, periods and reports.
 */
@SpringBootTest(properties = {
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000"})
@org.springframework.context.annotation.Import(CalendarTestBase.Config.class)
public abstract class CalendarTestBase {

    protected static final GreenMail MAIL;
    private static final AtomicInteger SEQ = new AtomicInteger(1000);

    static {
        // a fixed port (found free once) rather than a dynamic one: the outbox tests stop and restart the server,
        // and the application's mail sender must find it again where it was
        MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MAIL.start();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-01-15T00:00:00Z"), TimeConfig.ZONE);
        }

        @Bean
        ClosedEvents closedEvents() {
            return new ClosedEvents();
        }
    }

    /** Records {@link PeriodClosed} events. */
    public static class ClosedEvents {
        public final List<String> codes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PeriodClosed e) {
            codes.add(e.periodCode());
        }
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected SmsSender sms;
    @Autowired
    protected ClosedEvents closedEvents;
    @Autowired
    protected cn.yn.employment.notice.internal.OutboxWorker outboxWorker;

    @BeforeEach
    void resetBase() throws Exception {
        // messages a previous test queued and did not deliver must not arrive during this one
        jdbc.update("delete from outbox_message");
        MAIL.purgeEmailFromAllMailboxes();
        ((LoggingSmsSender) sms).clear();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void clearAuth() {
        SecurityContextHolder.clearContext();
    }

    /** Delivers every e-mail and SMS the outbox holds due now, as the worker's passes would. */
    protected void deliverOutbox() {
        while (outboxWorker.deliverDue().attempted() > 0) {
            // next batch
        }
    }

    /** Karibu for the calendar and notice views; the notice views are the routes they navigate to. */
    protected static void startVaadin(org.springframework.context.ApplicationContext ctx) {
        cn.yn.employment.ui.KaribuSpring.setup(ctx, new com.github.mvysny.kaributesting.v10.Routes(Set.of(
                cn.yn.employment.notice.ui.NoticeReadView.class, cn.yn.employment.notice.ui.NoticesView.class,
                cn.yn.employment.notice.ui.NotificationsView.class), Set.of(), true));
    }

    protected static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TimeConfig.ZONE).toInstant();
    }

    protected static String unique() {
        return Integer.toString(SEQ.incrementAndGet());
    }

    /** A filed enterprise; returns its id. */
    protected long enterprise(String name, String city, String county, String email, String phone) {
        return enterprise(name, city, county, email, phone, "C");
    }

    protected long enterprise(String name, String city, String county, String email, String phone, String section) {
        String n = unique();
        String uscc = ("91530" + n + "0000000000000").substring(0, 18);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into enterprise (uscc, org_code, name, county_code, city_code, industry_section,"
                    + " industry_division, contact_person, phone, email, baseline_headcount, filing_state, filed_at, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, '13', '张三', ?, ?, 100, 'FILED', ?, ?, ?)", new String[] {"id"});
            ps.setString(1, uscc);
            ps.setString(2, ("X" + n + "00000000").substring(0, 9));
            ps.setString(3, name + n);
            ps.setString(4, county);
            ps.setString(5, city);
            ps.setString(6, section);
            ps.setString(7, phone);
            ps.setString(8, email);
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            ps.setTimestamp(11, now);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** A user with roles and scope; returns its id. */
    protected long user(String username, Scope scope, Role... roles) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into app_user (username, password_hash, display_name, scope_type, scope_code,"
                    + " enabled, created_at, updated_at) values (?, 'x', ?, ?, ?, true, ?, ?)", new String[] {"id"});
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setString(3, scope.type().name());
            ps.setString(4, scope.code());
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        for (Role r : roles) {
            jdbc.update("insert into app_user_role (user_id, role) values (?, ?)", id, r.name());
        }
        return id;
    }

    /** Signs in as this user (the CurrentUser is the principal, as the accounts module accepts). */
    protected CurrentUser signIn(long id, String username, Scope scope, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        CurrentUser u = new CurrentUser(id, username, username, set, scope);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null,
                set.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        return u;
    }

    /** A new user with the role and scope, signed in. */
    protected CurrentUser signInNew(Scope scope, Role... roles) {
        String name = "u" + unique();
        long id = user(name, scope, roles);
        return signIn(id, name, scope, roles);
    }

    protected void period(String code, Instant start, Instant end, String state) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into survey_period (code, window_start, window_end, state, reminder_offsets, created_at, updated_at)"
                + " values (?, ?, ?, ?, '3,1', ?, ?)", code, Timestamp.from(start), Timestamp.from(end), state, now, now);
    }

    protected void report(long enterpriseId, String periodCode, String state) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, state, baseline_headcount, headcount,"
                        + " submitted_at, created_at, updated_at) select id, ?, city_code, county_code, ?, 100, ?, ?, ?, ? from enterprise where id = ?",
                periodCode, state, "DRAFT".equals(state) ? null : 100, "DRAFT".equals(state) ? null : now, now, now, enterpriseId);
    }

    protected String reportState(long enterpriseId, String periodCode) {
        return jdbc.queryForList("select state from report where enterprise_id = ? and period_code = ?", String.class,
                enterpriseId, periodCode).stream().findFirst().orElse(null);
    }

    protected int notifications(long userId, String kind) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and kind = ?", Integer.class, userId, kind);
    }

    protected String periodState(String code) {
        return jdbc.queryForObject("select state from survey_period where code = ?", String.class, code);
    }
}
