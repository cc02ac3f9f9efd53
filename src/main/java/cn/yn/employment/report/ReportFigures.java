package cn.yn.employment.report;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A report's figures as the enterprise enters them: the text gate, normalising, validation against the business
 * parameters' thresholds and the code tables, the code labels stored beside the codes, and the snapshot a version
 * and the audit log keep.
 */
@Component
class ReportFigures {

    /** Errors that even a draft may not have: it must fit the columns. */
    private static final Set<String> SHAPE_ERRORS = Set.of("report.error.range", "report.error.tooLong", "report.error.code");

    private final ReportStore store;
    private final ParameterService parameters;
    private final CodeService codes;
    private final Clock clock;

    ReportFigures(ReportStore store, ParameterService parameters, CodeService codes, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.codes = codes;
        this.clock = clock;
    }

    /** The form's and the explanation's texts through the edge's text gate, normalised for the report's baseline. */
    static ReportForm checked(ReportForm form, String explanation, int baseline) {
        TextInput in = new TextInput();
        ReportForm t = form == null ? null : form.checkedText(in);
        in.text("explanation", explanation);
        in.throwIfInvalid();
        return normalise(t, baseline);
    }

    /** Trims texts, turns blanks into null, and drops the reduction fields when the headcount did not fall below the baseline. */
    static ReportForm normalise(ReportForm f, int baseline) {
        if (f == null) {
            return ReportForm.empty();
        }
        ReportForm t = new ReportForm(f.headcount(), f.hired(), f.separated(), f.dispatched(), clean(f.reductionType()),
                clean(f.reason1Code()), clean(f.reason1Note()), clean(f.reason2Code()), clean(f.reason2Note()),
                clean(f.reason3Code()), clean(f.reason3Note()), clean(f.otherNote()));
        if (t.headcount() != null && t.headcount() >= baseline) {
            t = t.withReduction(null, null, null, null, null, null, null);
        }
        return t;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The errors a draft may not be saved with (values that do not fit the columns). */
    List<FieldError> shapeErrors(ReportForm f, int baseline) {
        return validator(thresholds()).validate(f, baseline, null, List.of()).errors().stream()
                .filter(fe -> SHAPE_ERRORS.contains(fe.messageKey())).toList();
    }

    /** Hard errors and soft warnings of normalised figures, against the previous accepted reports. */
    ValidationResult validate(ReportView r, ReportForm f) {
        ReportValidator.Thresholds t = thresholds();
        Integer previous = store.previousAccepted(r.enterpriseId(), r.periodCode()).orElse(null);
        List<String> earlier = new ArrayList<>();
        YearMonth ym = YearMonth.parse(r.periodCode());
        for (int i = 1; i < t.unchangedPeriods(); i++) {
            earlier.add(ym.minusMonths(i).toString());
        }
        Map<String, Integer> accepted = store.acceptedHeadcounts(r.enterpriseId(), earlier);
        List<Integer> run = new ArrayList<>();
        for (String code : earlier) {
            Integer h = accepted.get(code);
            if (h == null) {
                break;
            }
            run.add(h);
        }
        return validator(t).validate(f, r.baselineHeadcount(), previous, run);
    }

    private ReportValidator.Thresholds thresholds() {
        return new ReportValidator.Thresholds(parameters.getInt(Parameter.SOFT_CHANGE_RATE_PERCENT),
                parameters.getDecimal(Parameter.SOFT_BASELINE_MULTIPLE), parameters.getInt(Parameter.SOFT_UNCHANGED_PERIODS));
    }

    private ReportValidator validator(ReportValidator.Thresholds t) {
        return new ReportValidator(
                codes.current(CodeType.REDUCTION_TYPE).stream().map(Code::code).collect(Collectors.toSet()),
                codes.current(CodeType.REDUCTION_REASON).stream().map(Code::code).collect(Collectors.toSet()), t);
    }

    ReportStore.Labels labels(ReportForm f) {
        return new ReportStore.Labels(label(CodeType.REDUCTION_TYPE, f.reductionType()), label(CodeType.REDUCTION_REASON, f.reason1Code()),
                label(CodeType.REDUCTION_REASON, f.reason2Code()), label(CodeType.REDUCTION_REASON, f.reason3Code()));
    }

    private String label(CodeType type, String code) {
        if (code == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfig.ZONE));
        return codes.findOn(type, code, today).map(Code::name).orElse(null);
    }

    static Map<String, Object> snapshotOf(ReportForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headcount", f.headcount());
        m.put("hired", f.hired());
        m.put("separated", f.separated());
        m.put("dispatched", f.dispatched());
        m.put("reductionType", f.reductionType());
        m.put("reason1Code", f.reason1Code());
        m.put("reason1Note", f.reason1Note());
        m.put("reason2Code", f.reason2Code());
        m.put("reason2Note", f.reason2Note());
        m.put("reason3Code", f.reason3Code());
        m.put("reason3Note", f.reason3Note());
        m.put("otherNote", f.otherNote());
        return m;
    }
}
