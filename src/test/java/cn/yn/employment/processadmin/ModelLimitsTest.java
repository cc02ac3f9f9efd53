package cn.yn.employment.processadmin;

import static cn.yn.employment.processadmin.MaliciousModelCorpusTest.cycle;
import static cn.yn.employment.processadmin.MaliciousModelCorpusTest.loop;
import static cn.yn.employment.processadmin.MaliciousModelCorpusTest.withBoundary;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The runaway bounds: safe defaults, the edge values, and a system administrator can move them. */
class ModelLimitsTest extends ProcessAdminTestBase {

    @Autowired
    ParameterService parameters;

    private java.util.List<String> problems(String xml) {
        loginAdmin();
        return service.validate(KEY, xml).stream().map(ValidationProblem::messageKey).toList();
    }

    @Test
    void defaultsAllowADailyReminderForAMonthAndSmallLoops() {
        testModel();
        assertThat(service.limits()).isEqualTo(new ModelLimits(Duration.ofMinutes(60), 30, 20));
        assertThat(problems(withBoundary("cityReview", cycle("R3/P1D"), false))).isEmpty();
        assertThat(problems(withBoundary("cityReview", cycle("R30/PT1H"), false))).isEmpty();
        assertThat(problems(withBoundary("cityReview", cycle("R2/2030-01-01T09:00:00/P1W"), false))).isEmpty();
        assertThat(problems(withBoundary("cityReview", cycle("R31/PT1H"), false))).containsExactly("processadmin.problem.timerRepetitions");
        assertThat(problems(withBoundary("cityReview", cycle("R3/PT59M"), false))).containsExactly("processadmin.problem.timerInterval");
        assertThat(problems(loop("<loopCardinality>20</loopCardinality>"))).isEmpty();
        assertThat(problems(loop("<loopCardinality>21</loopCardinality>"))).containsExactly("processadmin.problem.loopCardinality");
    }

    @Test
    void theSystemAdministratorMovesTheBounds() {
        testModel();
        loginAs(user("limitsAdmin", Role.SYSTEM_ADMIN, Scope.system()));
        parameters.set(Parameter.PROCESS_TIMER_MAX_REPETITIONS, "100");
        parameters.set(Parameter.PROCESS_TIMER_MIN_INTERVAL_MINUTES, "5");
        parameters.set(Parameter.PROCESS_LOOP_MAX_CARDINALITY, "50");
        try {
            assertThat(problems(withBoundary("cityReview", cycle("R100/PT5M"), false))).isEmpty();
            assertThat(problems(loop("<loopCardinality>50</loopCardinality>"))).isEmpty();
            assertThat(problems(withBoundary("cityReview", cycle("R101/PT5M"), false))).containsExactly("processadmin.problem.timerRepetitions");
        } finally {
            loginAs(user("limitsAdmin", Role.SYSTEM_ADMIN, Scope.system()));
            parameters.set(Parameter.PROCESS_TIMER_MAX_REPETITIONS, Parameter.PROCESS_TIMER_MAX_REPETITIONS.defaultValue());
            parameters.set(Parameter.PROCESS_TIMER_MIN_INTERVAL_MINUTES, Parameter.PROCESS_TIMER_MIN_INTERVAL_MINUTES.defaultValue());
            parameters.set(Parameter.PROCESS_LOOP_MAX_CARDINALITY, Parameter.PROCESS_LOOP_MAX_CARDINALITY.defaultValue());
        }
    }

    @Test
    void isoDurationsIncludingWeeksMonthsAndYears() {
        assertThat(RunawayCheck.duration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(RunawayCheck.duration("P2W")).isEqualTo(Duration.ofDays(14));
        assertThat(RunawayCheck.duration("P1DT30M")).isEqualTo(Duration.ofMinutes(24 * 60 + 30));
        assertThat(RunawayCheck.duration("P1M")).isEqualTo(Duration.ofDays(31));
        assertThat(RunawayCheck.duration("-P1D")).isNull();
        assertThat(RunawayCheck.duration("P")).isNull();
        assertThat(RunawayCheck.duration("soon")).isNull();
    }
}
