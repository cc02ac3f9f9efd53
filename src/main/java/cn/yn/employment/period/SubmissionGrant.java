package cn.yn.employment.period;

import java.time.Instant;

/**
 * Extension point for late filing (补报授权): a bean that may allow an enterprise to submit for a period outside
 * its window. {@link PeriodService#canSubmit} consults every such bean. The calendar work implements it.
 */
public interface SubmissionGrant {

    boolean allows(String periodCode, long enterpriseId, Instant at);
}
