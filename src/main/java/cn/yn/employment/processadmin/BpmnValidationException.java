package cn.yn.employment.processadmin;

import cn.yn.employment.common.DomainException;
import java.util.List;

/** A model was refused before deployment; nothing was deployed. Carries every problem found. */
public class BpmnValidationException extends DomainException {

    private final transient List<ValidationProblem> problems;

    public BpmnValidationException(List<ValidationProblem> problems) {
        super("processadmin.validation.rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
