package cn.yn.employment.processadmin;

import java.time.Instant;
import java.util.List;

/** The values the process-admin service hands to its views (and to tests). */
public final class ProcessAdminModels {

    private ProcessAdminModels() {
    }

    /** One version of a process definition. {@code deployedBy} is null for the engine's auto-deployment. */
    public record DefinitionVersion(String id, String key, String name, int version, boolean suspended,
                                    String deploymentId, Instant deployedAt, String deployedBy, String comment,
                                    long runningInstances, boolean latest) {
    }

    /** Running executions waiting in one activity of a definition version. */
    public record ActivityCount(String activityId, String name, String type, long count) {
    }

    /** Numbers for the admin home panel. */
    public record AdminCounts(long processKeys, long definitions, long suspendedDefinitions, long runningInstances,
                              long deadLetterJobs, long failingJobs) {
    }

    public enum ChangeKind { ADDED, REMOVED, CHANGED }

    public record AttributeChange(String name, String before, String after) {
    }

    public record ElementChange(String elementId, String elementType, String name, ChangeKind kind,
                                List<AttributeChange> attributes) {
    }

    /** Whether one running instance can move to the target version, and why not. */
    public record InstanceMigrationCheck(String processInstanceId, String businessKey, List<String> activeActivities,
                                         boolean migratable, List<String> messages) {
    }

    public record MigrationPreview(String fromDefinitionId, String toDefinitionId, List<InstanceMigrationCheck> instances) {

        public long migratableCount() {
            return instances.stream().filter(InstanceMigrationCheck::migratable).count();
        }
    }

    public record MigrationResult(List<String> migrated, List<String> skipped) {
    }

    public enum JobKind { DEAD_LETTER, EXECUTABLE, TIMER }

    public record FailedJob(String id, JobKind kind, String processInstanceId, String processDefinitionId,
                            String elementId, int retries, String exceptionMessage, Instant createdAt) {
    }

    /** A process instance's diagram with its current (active) and already completed steps. */
    public record InstanceDiagram(String processInstanceId, String processDefinitionId, String definitionName,
                                  int version, String xml, List<String> activeActivityIds,
                                  List<String> activeActivityNames, List<String> completedActivityIds, boolean ended) {
    }
}
