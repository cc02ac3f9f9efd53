package cn.yn.employment.report;

import cn.yn.employment.common.DomainException.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of docs/domain.md §5, as a pure function of the form, the baseline, the previous headcount and the accepted
 * headcounts of the periods just before. Window and filing checks are the service's.
 */
public final class ReportValidator {

    public static final int MAX_HEADCOUNT = 1_000_000;
    public static final int MAX_NOTE = 500;
    /** The reduction type "其他" (its explanation goes in 其他原因/备注) and the reason "其他". */
    public static final String OTHER_TYPE = "RT10";
    public static final String OTHER_REASON = "RC14";

    /** Soft-rule thresholds (system parameters). */
    public record Thresholds(int changeRatePercent, BigDecimal baselineMultiple, int unchangedPeriods) {
    }

    private final Set<String> reductionTypes;
    private final Set<String> reasons;
    private final Thresholds thresholds;

    public ReportValidator(Set<String> reductionTypes, Set<String> reasons, Thresholds thresholds) {
        this.reductionTypes = Set.copyOf(reductionTypes);
        this.reasons = Set.copyOf(reasons);
        this.thresholds = thresholds;
    }

    /**
     * @param previous      the previous accepted headcount (上期), or null
     * @param earlierEqualRun accepted headcounts of the consecutive periods before this one, newest first (may be
     *                        shorter than needed; a gap ends it)
     */
    public ValidationResult validate(ReportForm f, int baseline, Integer previous, List<Integer> earlierEqualRun) {
        List<FieldError> errors = new ArrayList<>();
        List<SoftWarning> warnings = new ArrayList<>();
        Integer e = f.headcount();
        if (e == null) {
            errors.add(new FieldError("headcount", "report.error.required"));
        } else if (e < 0 || e > MAX_HEADCOUNT) {
            errors.add(new FieldError("headcount", "report.error.range", 0, MAX_HEADCOUNT));
        }
        range(errors, "hired", f.hired());
        range(errors, "separated", f.separated());
        range(errors, "dispatched", f.dispatched());

        // reduction reasons are asked for a valid headcount only: a negative one is one error, not four
        boolean decreased = e != null && e >= 0 && e <= MAX_HEADCOUNT && e < baseline;
        if (f.reductionType() != null && !reductionTypes.contains(f.reductionType())) {
            errors.add(new FieldError("reductionType", "report.error.code"));
        }
        checkReason(errors, 1, f.reason1Code(), f.reason1Note());
        checkReason(errors, 2, f.reason2Code(), f.reason2Note());
        checkReason(errors, 3, f.reason3Code(), f.reason3Note());
        if (decreased) {
            if (blank(f.reductionType())) {
                errors.add(new FieldError("reductionType", "report.error.reductionRequired"));
            }
            if (blank(f.reason1Code())) {
                errors.add(new FieldError("reason1Code", "report.error.reductionRequired"));
            }
            if (blank(f.reason1Note())) {
                errors.add(new FieldError("reason1Note", "report.error.reasonNoteRequired"));
            }
            if (OTHER_TYPE.equals(f.reductionType()) && blank(f.otherNote())) {
                errors.add(new FieldError("otherNote", "report.error.otherNoteRequired"));
            }
        }
        Set<String> seen = new HashSet<>();
        String[] codes = {f.reason1Code(), f.reason2Code(), f.reason3Code()};
        for (int i = 0; i < codes.length; i++) {
            if (!blank(codes[i]) && !seen.add(codes[i])) {
                errors.add(new FieldError("reason" + (i + 1) + "Code", "report.error.reasonDuplicate"));
            }
        }
        if (f.otherNote() != null && f.otherNote().length() > MAX_NOTE) {
            errors.add(new FieldError("otherNote", "report.error.tooLong", MAX_NOTE));
        }
        if (e == null || !errors.isEmpty()) {
            return new ValidationResult(errors, warnings);
        }

        if (previous != null && previous > 0) {
            BigDecimal rate = BigDecimal.valueOf(Math.abs((long) e - previous) * 100L)
                    .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
            if (rate.compareTo(BigDecimal.valueOf(thresholds.changeRatePercent())) > 0) {
                warnings.add(new SoftWarning(SoftWarning.CHANGE_RATE,
                        List.of(rate.toPlainString(), Integer.toString(thresholds.changeRatePercent()), previous.toString(), e.toString())));
            }
        }
        if (baseline > 0 && BigDecimal.valueOf(e).compareTo(thresholds.baselineMultiple().multiply(BigDecimal.valueOf(baseline))) > 0) {
            warnings.add(new SoftWarning(SoftWarning.ABOVE_BASELINE,
                    List.of(e.toString(), thresholds.baselineMultiple().stripTrailingZeros().toPlainString(), Integer.toString(baseline))));
        }
        int needed = thresholds.unchangedPeriods() - 1;
        if (earlierEqualRun.size() >= needed && earlierEqualRun.subList(0, needed).stream().allMatch(e::equals)) {
            warnings.add(new SoftWarning(SoftWarning.UNCHANGED, List.of(Integer.toString(thresholds.unchangedPeriods()), e.toString())));
        }
        if (previous != null && f.hired() != null && f.separated() != null && previous + f.hired() - f.separated() != e) {
            warnings.add(new SoftWarning(SoftWarning.BALANCE, List.of(previous.toString(), f.hired().toString(),
                    f.separated().toString(), Integer.toString(previous + f.hired() - f.separated()), e.toString())));
        }
        return new ValidationResult(errors, warnings);
    }

    private void checkReason(List<FieldError> errors, int n, String code, String note) {
        if (!blank(code) && !reasons.contains(code)) {
            errors.add(new FieldError("reason" + n + "Code", "report.error.code"));
        }
        if (blank(code) && !blank(note)) {
            errors.add(new FieldError("reason" + n + "Code", "report.error.reasonMissing"));
        }
        if (OTHER_REASON.equals(code) && blank(note)) {
            errors.add(new FieldError("reason" + n + "Note", "report.error.otherReasonNoteRequired"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("reason" + n + "Note", "report.error.tooLong", MAX_NOTE));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer v) {
        if (v != null && (v < 0 || v > MAX_HEADCOUNT)) {
            errors.add(new FieldError(field, "report.error.range", 0, MAX_HEADCOUNT));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
