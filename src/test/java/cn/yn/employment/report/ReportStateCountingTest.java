package cn.yn.employment.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.reporting.ReportingStates;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The counting sets name exactly the report's states, so a new state cannot slip past the statistics. */
class ReportStateCountingTest {

    @Test
    void theSharedDefinitionNamesEveryStateAndNothingElse() {
        Set<String> names = Arrays.stream(ReportState.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(ReportingStates.ALL).isEqualTo(names);
    }

    @Test
    void typedSetsFollowTheDefinition() {
        assertThat(ReportState.REPORTED).isEqualTo(EnumSet.of(ReportState.PENDING_CITY, ReportState.PENDING_PROVINCE,
                ReportState.ACCEPTED, ReportState.FORWARDED));
        assertThat(ReportState.ACCEPTED_BY_PROVINCE).isEqualTo(EnumSet.of(ReportState.ACCEPTED, ReportState.FORWARDED));
        assertThat(ReportState.RETURNED_TO_ENTERPRISE).containsExactly(ReportState.RETURNED);
        assertThat(ReportState.RETURNED.reported()).isFalse();
        assertThat(ReportState.PENDING_CITY.reported()).isTrue();
        assertThat(ReportState.PENDING_CITY.acceptedByProvince()).isFalse();
        assertThat(ReportState.sqlIn(ReportState.ACCEPTED_BY_PROVINCE)).isEqualTo("('ACCEPTED','FORWARDED')");
    }
}
