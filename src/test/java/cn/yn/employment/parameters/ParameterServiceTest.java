package cn.yn.employment.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Business parameters: typed reads with defaults, validation with a field error, administrators only, audited. */
class ParameterServiceTest extends FoundationTest {

    static final CurrentUser ADMIN = new CurrentUser(9601, "param-admin", "管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system());
    static final CurrentUser PROVINCE = new CurrentUser(9602, "param-prov", "省审核员", Set.of(Role.PROVINCE_REVIEWER),
            Scope.province());

    @Autowired ParameterService parameters;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restoreDefaults() {
        as(ADMIN);
        parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, Parameter.REVIEW_SLA_WORKING_DAYS.defaultValue());
        parameters.set(Parameter.CALENDAR_HOLIDAYS, "");
    }

    private static void as(CurrentUser u) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(u, null,
                u.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @Test
    void valuesAreTypedValidatedAndAudited() {
        assertThat(parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS)).isEqualTo(3);
        as(ADMIN);
        parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, " 5 ");
        assertThat(parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PARAMETER_CHANGED'"
                + " and target_id = 'review.sla.workingDays'", Integer.class)).isGreaterThanOrEqualTo(1);
        for (String bad : new String[] {"0", "31", "x", ""}) {
            assertThatThrownBy(() -> parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, bad))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
                            .extracting(DomainException.FieldError::field).containsExactly("review.sla.workingDays"));
        }
        assertThat(parameters.getInt(Parameter.REVIEW_SLA_WORKING_DAYS)).isEqualTo(5);
    }

    @Test
    void onlyTheSystemAdministratorChangesThem() {
        as(PROVINCE);
        assertThatThrownBy(() -> parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, "4")).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> parameters.set(Parameter.REVIEW_SLA_WORKING_DAYS, "4")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theHolidayCalendarMovesReviewDueDates() {
        var thursday = LocalDateTime.of(2026, 10, 1, 9, 0).atZone(cn.yn.employment.common.time.TimeConfig.ZONE).toInstant();
        var plainDue = calendar.reviewDue(thursday);
        as(ADMIN);
        assertThatThrownBy(() -> parameters.set(Parameter.CALENDAR_HOLIDAYS, "2026-10-01..2026-09-01"))
                .isInstanceOf(DomainException.class);
        parameters.set(Parameter.CALENDAR_HOLIDAYS, "2026-10-01..2026-10-07");
        assertThat(calendar.reviewDue(thursday)).isAfter(plainDue)
                .isEqualTo(LocalDateTime.of(2026, 10, 12, 23, 59, 59).atZone(cn.yn.employment.common.time.TimeConfig.ZONE).toInstant());
    }
}
