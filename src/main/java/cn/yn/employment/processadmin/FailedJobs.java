package cn.yn.employment.processadmin;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.FailedJob;
import cn.yn.employment.processadmin.ProcessAdminModels.JobKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.springframework.stereotype.Service;

/** The engine's failed jobs: list, stack trace, retry, delete. PROCESS_ADMIN only; retries and deletions are audited. */
@Service
public class FailedJobs {

    private final ManagementService management;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;

    FailedJobs(ManagementService management, CurrentUserProvider currentUser, AuditLog audit) {
        this.management = management;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private CurrentUser requireAdmin() {
        return Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
    }

    /** Dead-letter jobs (out of retries) and jobs that failed at least once and will be retried. */
    public List<FailedJob> failedJobs() {
        requireAdmin();
        List<FailedJob> out = new ArrayList<>();
        management.createDeadLetterJobQuery().orderByJobCreateTime().desc().list()
                .forEach(j -> out.add(failed(j, JobKind.DEAD_LETTER)));
        management.createJobQuery().withException().orderByJobCreateTime().desc().list()
                .forEach(j -> out.add(failed(j, JobKind.EXECUTABLE)));
        management.createTimerJobQuery().withException().orderByJobCreateTime().desc().list()
                .forEach(j -> out.add(failed(j, JobKind.TIMER)));
        return out;
    }

    private static FailedJob failed(Job j, JobKind kind) {
        return new FailedJob(j.getId(), kind, j.getProcessInstanceId(), j.getProcessDefinitionId(), j.getElementId(),
                j.getRetries(), j.getExceptionMessage(), j.getCreateTime() == null ? null : j.getCreateTime().toInstant());
    }

    public String stacktrace(String jobId, JobKind kind) {
        requireAdmin();
        return existing(jobId, () -> switch (kind) {
            case DEAD_LETTER -> management.getDeadLetterJobExceptionStacktrace(jobId);
            case EXECUTABLE -> management.getJobExceptionStacktrace(jobId);
            case TIMER -> management.getTimerJobExceptionStacktrace(jobId);
        });
    }

    /** Gives a failed job three fresh attempts (a dead-letter or failing timer job becomes executable now). */
    public void retry(String jobId, JobKind kind) {
        requireAdmin();
        existing(jobId, () -> {
            switch (kind) {
                case DEAD_LETTER -> management.moveDeadLetterJobToExecutableJob(jobId, 3);
                case TIMER -> {
                    management.setTimerJobRetries(jobId, 3);
                    management.moveTimerToExecutableJob(jobId);
                }
                case EXECUTABLE -> management.setJobRetries(jobId, 3);
            }
            return null;
        });
        audit.record("PROCESS_JOB_RETRIED", "process_job", jobId, Map.of("kind", kind.name()), Map.of("retries", 3));
    }

    public void delete(String jobId, JobKind kind) {
        requireAdmin();
        String message = existing(jobId, () -> switch (kind) {
            case DEAD_LETTER -> {
                Job j = management.createDeadLetterJobQuery().jobId(jobId).singleResult();
                management.deleteDeadLetterJob(jobId);
                yield j == null ? null : j.getExceptionMessage();
            }
            case TIMER -> {
                Job j = management.createTimerJobQuery().jobId(jobId).singleResult();
                management.deleteTimerJob(jobId);
                yield j == null ? null : j.getExceptionMessage();
            }
            case EXECUTABLE -> {
                Job j = management.createJobQuery().jobId(jobId).singleResult();
                management.deleteJob(jobId);
                yield j == null ? null : j.getExceptionMessage();
            }
        });
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kind", kind.name());
        before.put("exception", message);
        audit.record("PROCESS_JOB_DELETED", "process_job", jobId, before, null);
    }

    /**
     * A job that is gone (run, retried or deleted meanwhile, or an id that never existed) is one clear "not found",
     * not an engine exception (ServiceActionMatrixTest).
     */
    private static <T> T existing(String jobId, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (org.flowable.common.engine.api.FlowableObjectNotFoundException e) {
            throw new cn.yn.employment.common.DomainException("processadmin.job.notFound", jobId);
        }
    }
}
