package cn.yn.employment.report;

import cn.yn.employment.common.DomainException.FieldError;
import java.util.List;

/** Hard errors (field-level; they block submission) and soft warnings (they require an explanation). */
public record ValidationResult(List<FieldError> errors, List<SoftWarning> warnings) {

    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    public List<String> warningCodes() {
        return warnings.stream().map(SoftWarning::code).toList();
    }
}
