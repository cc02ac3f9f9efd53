package cn.yn.employment.processadmin;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceMigrationCheck;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationPreview;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.migration.ProcessInstanceMigrationDocument;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving running instances from one version of a process to another (same key): a preview of which can move and
 * why not, then the move of those that can. PROCESS_ADMIN only; each moved instance is audited.
 */
@Service
public class ProcessInstanceMigrations {

    private final ProcessAdminService definitions;
    private final RuntimeService runtime;
    private final ProcessMigrationService migration;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;

    ProcessInstanceMigrations(ProcessAdminService definitions, RuntimeService runtime, ProcessMigrationService migration,
                              CurrentUserProvider currentUser, AuditLog audit) {
        this.definitions = definitions;
        this.runtime = runtime;
        this.migration = migration;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private CurrentUser requireAdmin() {
        return Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
    }

    private ProcessInstanceMigrationDocument migrationDocument(String fromDefinitionId, String toDefinitionId) {
        DefinitionVersion from = definitions.definition(fromDefinitionId);
        DefinitionVersion to = definitions.definition(toDefinitionId);
        if (!from.key().equals(to.key()) || from.id().equals(to.id())) {
            throw new DomainException("processadmin.migration.sameKeyRequired");
        }
        return migration.createProcessInstanceMigrationBuilder().migrateToProcessDefinition(toDefinitionId)
                .getProcessInstanceMigrationDocument();
    }

    /** For each running instance of {@code fromDefinitionId}: can it move to {@code toDefinitionId}, and why not. */
    @Transactional(readOnly = true)
    public MigrationPreview previewMigration(String fromDefinitionId, String toDefinitionId) {
        requireAdmin();
        ProcessInstanceMigrationDocument doc = migrationDocument(fromDefinitionId, toDefinitionId);
        List<InstanceMigrationCheck> checks = new ArrayList<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionId(fromDefinitionId)
                .orderByProcessInstanceId().asc().list()) {
            checks.add(check(pi, doc));
        }
        return new MigrationPreview(fromDefinitionId, toDefinitionId, checks);
    }

    private InstanceMigrationCheck check(ProcessInstance pi, ProcessInstanceMigrationDocument doc) {
        List<String> active = runtime.createExecutionQuery().processInstanceId(pi.getId()).list().stream()
                .map(Execution::getActivityId).filter(a -> a != null).distinct().sorted().toList();
        ProcessInstanceMigrationValidationResult r = migration.validateMigrationForProcessInstance(pi.getId(), doc);
        return new InstanceMigrationCheck(pi.getId(), pi.getBusinessKey(), active, r.isMigrationValid(),
                List.copyOf(r.getValidationMessages()));
    }

    /**
     * Moves every running instance that can move from one version to another; the others stay where they are and
     * are reported as skipped. Each moved instance is audited.
     */
    public MigrationResult migrate(String fromDefinitionId, String toDefinitionId) {
        requireAdmin();
        ProcessInstanceMigrationDocument doc = migrationDocument(fromDefinitionId, toDefinitionId);
        List<String> migrated = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionId(fromDefinitionId).list()) {
            InstanceMigrationCheck c = check(pi, doc);
            if (!c.migratable()) {
                skipped.add(pi.getId());
                continue;
            }
            try {
                migration.migrateProcessInstance(pi.getId(), doc);
                migrated.add(pi.getId());
                audit.record("PROCESS_INSTANCE_MIGRATED", "process_instance", pi.getId(),
                        Map.of("definitionId", fromDefinitionId, "activities", c.activeActivities()),
                        Map.of("definitionId", toDefinitionId));
            } catch (RuntimeException e) {
                skipped.add(pi.getId());
            }
        }
        return new MigrationResult(migrated, skipped);
    }
}
