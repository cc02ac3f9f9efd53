package cn.yn.employment.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    @Test
    void axesHaveRoundBoundsAndSteps() {
        ChartOptions.NiceAxis a = ChartOptions.NiceAxis.of(List.of(76061d, 69950d, 1234d), true);
        assertThat(a.min()).isZero();
        assertThat(a.interval()).isEqualTo(20000);
        assertThat(a.max()).isEqualTo(80000);
        ChartOptions.NiceAxis r = ChartOptions.NiceAxis.of(List.of(-0.5d, 4.44d), false);
        assertThat(r.interval()).isEqualTo(1);
        assertThat(r.min()).isEqualTo(-1);
        assertThat(r.max()).isEqualTo(5);
        ChartOptions.NiceAxis small = ChartOptions.NiceAxis.of(List.of(3d), true);
        assertThat(small.interval()).isEqualTo(1); // counts never step by fractions
        assertThat(ChartOptions.NiceAxis.of(List.of(), false).max()).isEqualTo(1);
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void missingPeriodsAreGapsAndProvisionalOnesHatched() throws Exception {
        String json = ChartOptions.trend(List.of("2091-04", "2091-05", "2091-06 *"), "人数", Arrays.asList(null, 1000L, 1880L),
                "变化率", Arrays.asList(null, BigDecimal.ZERO, new BigDecimal("4.44")), Set.of(2));
        JsonNode o = JSON.readTree(json);
        JsonNode bars = o.get("series").get(0).get("data");
        assertThat(bars.get(0).isNull()).isTrue();
        assertThat(bars.get(1).asLong()).isEqualTo(1000);
        assertThat(bars.get(2).get("value").asLong()).isEqualTo(1880);
        assertThat(bars.get(2).get("itemStyle").get("borderType").asText()).isEqualTo("dashed");
        assertThat(bars.get(2).get("itemStyle").has("decal")).isTrue();
        JsonNode line = o.get("series").get(1);
        assertThat(line.get("data").get(0).isNull()).isTrue();
        assertThat(line.get("connectNulls").asBoolean()).isFalse();
        assertThat(o.get("yAxis").get(0).get("interval").asLong()).isEqualTo(500);
        assertThat(o.get("yAxis").get(0).get("max").asLong()).isEqualTo(2000);
        assertThat(ChartOptions.empty(Arrays.asList(null, null))).isTrue();
        assertThat(ChartOptions.empty(Arrays.asList(null, 0L))).isFalse();
    }

    @Test
    void groupNamesGoOnTheVerticalAxisSoTheyNeverOverlap() throws Exception {
        String json = ChartOptions.groupBars(List.of("西双版纳傣族自治州", "德宏傣族景颇族自治州"), "人数", List.of(10L, 20L), "变化率",
                List.of(BigDecimal.ONE, BigDecimal.TEN));
        JsonNode y = JSON.readTree(json).get("yAxis");
        assertThat(y.get("type").asText()).isEqualTo("category");
        assertThat(y.get("data").get(0).asText()).isEqualTo("西双版纳傣族自治州");
        assertThat(ChartOptions.heightFor(16)).isEqualTo("570px");
    }
}
