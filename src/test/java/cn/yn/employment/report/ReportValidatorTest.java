package cn.yn.employment.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.DomainException.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/domain.md §5 hard and soft rules, one row each. Baseline 100 unless stated; thresholds 20 %, 2×, 6 periods. */
class ReportValidatorTest {

    static final ReportValidator V = new ReportValidator(Set.of("RT01", "RT03", "RT10"), Set.of("RC01", "RC04", "RC14"),
            new ReportValidator.Thresholds(20, new BigDecimal("2"), 6));

    static ReportForm f(Integer e) {
        return ReportForm.empty().withHeadcount(e);
    }

    static ReportForm down(Integer e) {
        return f(e).withReduction("RT03", "RC04", "订单不足", null, null, null, null);
    }

    static Stream<Arguments> hard() {
        return Stream.of(
                Arguments.of("headcount missing", f(null), "headcount", "report.error.required"),
                Arguments.of("headcount negative", f(-1), "headcount", "report.error.range"),
                Arguments.of("headcount too large", f(1_000_001), "headcount", "report.error.range"),
                Arguments.of("hired negative", f(100).withFlows(-1, null, null), "hired", "report.error.range"),
                Arguments.of("separated negative", f(100).withFlows(null, -2, null), "separated", "report.error.range"),
                Arguments.of("dispatched negative", f(100).withFlows(null, null, -3), "dispatched", "report.error.range"),
                Arguments.of("decrease without type", f(90).withReduction(null, "RC04", "x", null, null, null, null), "reductionType", "report.error.reductionRequired"),
                Arguments.of("decrease without main reason", f(90).withReduction("RT03", null, null, null, null, null, null), "reason1Code", "report.error.reductionRequired"),
                Arguments.of("decrease without main reason note", f(90).withReduction("RT03", "RC04", null, null, null, null, null), "reason1Note", "report.error.reasonNoteRequired"),
                Arguments.of("type other without note", f(90).withReduction("RT10", "RC04", "x", null, null, null, null), "otherNote", "report.error.otherNoteRequired"),
                Arguments.of("reason other without note", f(90).withReduction("RT03", "RC04", "x", "RC14", null, null, null), "reason2Note", "report.error.otherReasonNoteRequired"),
                Arguments.of("same reason twice", f(90).withReduction("RT03", "RC04", "x", "RC01", "y", "RC04", "z"), "reason3Code", "report.error.reasonDuplicate"),
                Arguments.of("unknown type code", f(90).withReduction("RT99", "RC04", "x", null, null, null, null), "reductionType", "report.error.code"),
                Arguments.of("unknown reason code", f(90).withReduction("RT03", "RC99", "x", null, null, null, null), "reason1Code", "report.error.code"),
                Arguments.of("note without reason", f(90).withReduction("RT03", "RC04", "x", null, "y", null, null), "reason2Code", "report.error.reasonMissing"),
                Arguments.of("note too long", down(90).withOtherNote("x".repeat(501)), "otherNote", "report.error.tooLong"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hard")
    void hardRule(String name, ReportForm form, String field, String key) {
        ValidationResult r = V.validate(form, 100, 100, List.of());
        assertThat(r.errors()).extracting(FieldError::field, FieldError::messageKey).contains(org.assertj.core.groups.Tuple.tuple(field, key));
    }

    /** Issue 20 §3: a negative headcount below the baseline is one error at the headcount, not four. */
    @org.junit.jupiter.api.Test
    void negativeHeadcountIsOneErrorNotFour() {
        ValidationResult r = V.validate(f(-5), 100, 100, List.of());
        assertThat(r.errors()).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("headcount", "report.error.range"));
        assertThat(V.validate(f(90), 100, 100, List.of()).errors()).extracting(FieldError::field)
                .contains("reductionType", "reason1Code", "reason1Note");
    }

    static Stream<Arguments> soft() {
        return Stream.of(
                // name, form, baseline, previous, earlier run, expected warnings
                Arguments.of("change > 20 % up", f(121), 100, 100, List.of(), List.of(SoftWarning.CHANGE_RATE)),
                Arguments.of("change = 20 % is fine", f(120), 100, 100, List.of(), List.of()),
                Arguments.of("change > 20 % down", down(79), 100, 100, List.of(), List.of(SoftWarning.CHANGE_RATE)),
                Arguments.of("no previous, no change rule", f(150), 100, null, List.of(), List.of()),
                Arguments.of("above 2x baseline", f(201), 100, 190, List.of(), List.of(SoftWarning.ABOVE_BASELINE)),
                Arguments.of("exactly 2x baseline is fine", f(200), 100, 190, List.of(), List.of()),
                Arguments.of("unchanged for 6 periods", f(100), 100, 100, List.of(100, 100, 100, 100, 100), List.of(SoftWarning.UNCHANGED)),
                Arguments.of("unchanged for only 5 periods", f(100), 100, 100, List.of(100, 100, 100, 100), List.of()),
                Arguments.of("a change breaks the run", f(100), 100, 100, List.of(100, 100, 99, 100, 100), List.of()),
                Arguments.of("P + hired - separated != E", f(105).withFlows(10, 4, null), 100, 100, List.of(), List.of(SoftWarning.BALANCE)),
                Arguments.of("P + hired - separated = E", f(106).withFlows(10, 4, null), 100, 100, List.of(), List.of()),
                Arguments.of("balance only when all three filled", f(105).withFlows(10, null, null), 100, 100, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soft")
    void softRule(String name, ReportForm form, int baseline, Integer previous, List<Integer> run, List<String> expected) {
        ValidationResult r = V.validate(form, baseline, previous, run);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warningCodes()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "layoff {0} → {1}")
    @MethodSource("layoff")
    void layoffLevels(String name, Integer previous, Integer headcount, String level) {
        assertThat(new LayoffRule(20, 10, 20).level(previous, headcount)).isEqualTo(level);
    }

    static Stream<Arguments> layoff() {
        return Stream.of(
                Arguments.of("no previous", null, 10, null),
                Arguments.of("increase", 100, 110, null),
                Arguments.of("-9 of 100", 100, 91, null),
                Arguments.of("-10 of 100 (10 %)", 100, 90, LayoffRule.WARNING),
                Arguments.of("-20 of 1000 (2 %, absolute)", 1000, 980, LayoffRule.WARNING),
                Arguments.of("-19 of 1000", 1000, 981, null),
                Arguments.of("-20 of 100 (20 %)", 100, 80, LayoffRule.SEVERE));
    }
}
