package cn.yn.employment.processadmin;

import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.parameters.Parameter;
import cn.yn.employment.parameters.ParameterService;
import cn.yn.employment.processadmin.ProcessAdminModels.ActivityCount;
import cn.yn.employment.processadmin.ProcessAdminModels.AdminCounts;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminModels.ElementChange;
import cn.yn.employment.processadmin.ProcessAdminModels.FailedJob;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceMigrationCheck;
import cn.yn.employment.processadmin.ProcessAdminModels.JobKind;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationPreview;
import cn.yn.employment.processadmin.ProcessAdminModels.MigrationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.migration.ProcessInstanceMigrationDocument;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process administration: the deployed definitions and their running instances, validation and deployment of
 * edited models, version diffs. Moving running instances between versions is {@link ProcessInstanceMigrations}, failed
 * jobs are {@link FailedJobs}. PROCESS_ADMIN only; every change is audited.
 */
@Service
public class ProcessAdminService {

    static final int MAX_COMMENT = 1000;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessMigrationService migration;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AllowedBeans allowedBeans;
    private final ApplicationContext context;
    private final CodeService codes;
    private final ParameterService parameters;

    ProcessAdminService(RepositoryService repository, RuntimeService runtime, ManagementService management,
                        ProcessMigrationService migration, CurrentUserProvider currentUser, AuditLog audit,
                        JdbcTemplate jdbc, Clock clock, AllowedBeans allowedBeans, ApplicationContext context,
                        CodeService codes, ParameterService parameters) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.migration = migration;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.allowedBeans = allowedBeans;
        this.context = context;
        this.codes = codes;
        this.parameters = parameters;
    }

    private CurrentUser requireAdmin() {
        return Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
    }

    // --- definitions ------------------------------------------------------------------------------------------

    /** Every version of every process definition, newest version first within a key. */
    @Transactional(readOnly = true)
    public List<DefinitionVersion> definitions() {
        requireAdmin();
        List<ProcessDefinition> defs = repository.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
        Map<String, Integer> latest = new HashMap<>();
        defs.forEach(d -> latest.merge(d.getKey(), d.getVersion(), Math::max));
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d, (a, b) -> a));
        Map<String, String[]> notes = new HashMap<>();
        jdbc.query("select deployment_id, deployed_by, deploy_comment from process_deployment_note",
                rs -> { notes.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}); });
        List<DefinitionVersion> out = new ArrayList<>();
        for (ProcessDefinition d : defs) {
            Deployment dep = deployments.get(d.getDeploymentId());
            String[] note = notes.get(d.getDeploymentId());
            out.add(new DefinitionVersion(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.isSuspended(),
                    d.getDeploymentId(), dep == null || dep.getDeploymentTime() == null ? null : dep.getDeploymentTime().toInstant(),
                    note == null ? null : note[0], note == null ? null : note[1],
                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count(),
                    latest.get(d.getKey()) == d.getVersion()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public DefinitionVersion definition(String definitionId) {
        requireAdmin();
        return definitions().stream().filter(d -> d.id().equals(definitionId)).findFirst()
                .orElseThrow(() -> new DomainException("processadmin.definition.notFound", definitionId));
    }

    @Transactional(readOnly = true)
    public DefinitionVersion latest(String processKey) {
        requireAdmin();
        return definitions().stream().filter(d -> d.key().equals(processKey) && d.latest()).findFirst()
                .orElseThrow(() -> new DomainException("processadmin.definition.notFound", processKey));
    }

    /** Running executions per activity of one definition version (only activities with at least one). */
    @Transactional(readOnly = true)
    public List<ActivityCount> activityCounts(String definitionId) {
        requireAdmin();
        BpmnModel model;
        try {
            model = repository.getBpmnModel(definitionId);
        } catch (org.flowable.common.engine.api.FlowableObjectNotFoundException e) {
            model = null; // an unknown id: "not found", not an engine exception (ServiceActionMatrixTest)
        }
        if (model == null) {
            throw new DomainException("processadmin.definition.notFound", definitionId);
        }
        List<ActivityCount> out = new ArrayList<>();
        for (FlowNode node : flowNodes(model)) {
            if (node instanceof BoundaryEvent) {
                continue; // its waiting executions belong to the step it is attached to
            }
            long n = instancesWaitingAt(definitionId, node);
            if (n > 0) {
                out.add(new ActivityCount(node.getId(), node.getName(), node.getClass().getSimpleName(), n));
            }
        }
        return out;
    }

    /**
     * Process instances (not executions) waiting in a step: a task with a boundary event has one execution for the
     * task and one per waiting boundary event, a multi-instance step one per instance plus its root; all of them
     * are the same instance waiting in the same step.
     */
    private long instancesWaitingAt(String definitionId, FlowNode node) {
        List<String> ids = new ArrayList<>(List.of(node.getId()));
        if (node instanceof Activity a) {
            a.getBoundaryEvents().forEach(b -> ids.add(b.getId()));
        }
        StringBuilder in = new StringBuilder();
        var query = runtime.createNativeExecutionQuery().parameter("definitionId", definitionId);
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ", ").append("#{a").append(i).append('}');
            query.parameter("a" + i, ids.get(i));
        }
        return query.sql("select count(distinct RES.PROC_INST_ID_) from " + management.getTableName(ExecutionEntity.class)
                + " RES where RES.PROC_DEF_ID_ = #{definitionId} and RES.ACT_ID_ in (" + in + ")").count();
    }

    static List<FlowNode> flowNodes(BpmnModel model) {
        List<FlowNode> nodes = new ArrayList<>();
        model.getProcesses().forEach(p -> addNodes(p, nodes));
        return nodes;
    }

    private static void addNodes(FlowElementsContainer container, List<FlowNode> into) {
        for (FlowElement e : container.getFlowElements()) {
            if (e instanceof FlowNode n) {
                into.add(n);
            }
            if (e instanceof FlowElementsContainer c) {
                addNodes(c, into);
            }
        }
    }

    @Transactional
    public void suspend(String definitionId) {
        requireAdmin();
        DefinitionVersion d = definition(definitionId);
        if (!d.suspended()) {
            repository.suspendProcessDefinitionById(definitionId);
            audit.record("PROCESS_DEFINITION_SUSPENDED", "process_definition", definitionId,
                    Map.of("suspended", false), Map.of("suspended", true));
        }
    }

    @Transactional
    public void activate(String definitionId) {
        requireAdmin();
        DefinitionVersion d = definition(definitionId);
        if (d.suspended()) {
            repository.activateProcessDefinitionById(definitionId);
            audit.record("PROCESS_DEFINITION_ACTIVATED", "process_definition", definitionId,
                    Map.of("suspended", true), Map.of("suspended", false));
        }
    }

    /** The BPMN XML of a version exactly as deployed. */
    @Transactional(readOnly = true)
    public String xml(String definitionId) {
        requireAdmin();
        return rawXml(definitionId);
    }

    String rawXml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.flowable.common.engine.api.FlowableObjectNotFoundException e) {
            throw new DomainException("processadmin.definition.notFound", definitionId);
        }
    }

    // --- validation and deployment ---------------------------------------------------------------------------

    BpmnModelValidator validator() {
        Set<String> cities = codes.cities().stream().map(Code::code).collect(Collectors.toSet());
        return new BpmnModelValidator(allowedBeans.names(), context::containsBean, cities, limits());
    }

    /** The runaway bounds an edited model must keep, as the system administrator set them. */
    ModelLimits limits() {
        return new ModelLimits(java.time.Duration.ofMinutes(parameters.getInt(Parameter.PROCESS_TIMER_MIN_INTERVAL_MINUTES)),
                parameters.getInt(Parameter.PROCESS_TIMER_MAX_REPETITIONS), parameters.getInt(Parameter.PROCESS_LOOP_MAX_CARDINALITY));
    }

    /** The problems that would stop this model from being deployed as a new version of {@code processKey}. */
    public List<ValidationProblem> validate(String processKey, String xml) {
        requireAdmin();
        return validator().validate(xml, processKey);
    }

    /** Modelling warnings for an edited model (bpmnlint's recommended rules); they never block a deployment. */
    public List<ValidationProblem> warnings(String xml) {
        requireAdmin();
        return BpmnModelValidator.lint(xml);
    }

    /**
     * Validates and deploys an edited model as the next version of an existing process. Nothing is deployed when
     * any rule fails ({@link BpmnValidationException} lists them).
     */
    @Transactional
    public DefinitionVersion deploy(String processKey, String xml, String input) {
        CurrentUser me = requireAdmin();
        String comment = TextInput.checked("comment", input);
        if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
            throw new DomainException("processadmin.deploy.invalid",
                    List.of(new FieldError("comment", "processadmin.deploy.commentRequired", MAX_COMMENT)));
        }
        ProcessDefinition previous = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (previous == null) {
            throw new DomainException("processadmin.definition.notFound", processKey);
        }
        List<ValidationProblem> problems = validator().validate(xml, processKey);
        if (!problems.isEmpty()) {
            throw new BpmnValidationException(problems);
        }
        Deployment dep = repository.createDeployment().name("processadmin:" + processKey)
                .category("processadmin").addString(processKey + ".bpmn20.xml", xml).deploy();
        ProcessDefinition created = repository.createProcessDefinitionQuery().deploymentId(dep.getId()).singleResult();
        jdbc.update("insert into process_deployment_note (deployment_id, process_key, deployed_by, deploy_comment, deployed_at)"
                        + " values (?, ?, ?, ?, ?)", dep.getId(), processKey, me.username(), comment.trim(),
                Timestamp.from(clock.instant()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("definitionId", created.getId());
        after.put("version", created.getVersion());
        after.put("deploymentId", dep.getId());
        after.put("comment", comment.trim());
        after.put("sha256", sha256(xml));
        audit.record("PROCESS_DEPLOYED", "process_definition", created.getId(),
                Map.of("definitionId", previous.getId(), "version", previous.getVersion()), after);
        return definitions().stream().filter(d -> d.id().equals(created.getId())).findFirst().orElseThrow();
    }

    /** Element-level changes from one version to another (usually the previous one to the newer one). */
    @Transactional(readOnly = true)
    public List<ElementChange> diff(String fromDefinitionId, String toDefinitionId) {
        requireAdmin();
        return BpmnDiff.diff(rawXml(fromDefinitionId), rawXml(toDefinitionId));
    }

    /** Changes an edited, not yet deployed model would make to a deployed version. */
    @Transactional(readOnly = true)
    public List<ElementChange> diffAgainst(String definitionId, String editedXml) {
        requireAdmin();
        return BpmnDiff.diff(rawXml(definitionId), editedXml);
    }

    /** The version just before this one, if any. */
    @Transactional(readOnly = true)
    public DefinitionVersion previousVersion(String definitionId) {
        DefinitionVersion d = definition(definitionId);
        return definitions().stream().filter(x -> x.key().equals(d.key()) && x.version() < d.version())
                .max(Comparator.comparingInt(DefinitionVersion::version)).orElse(null);
    }

    // --- home panel -------------------------------------------------------------------------------------------

    public AdminCounts counts() {
        requireAdmin();
        return new AdminCounts(
                repository.createProcessDefinitionQuery().latestVersion().count(),
                repository.createProcessDefinitionQuery().count(),
                repository.createProcessDefinitionQuery().suspended().count(),
                runtime.createProcessInstanceQuery().count(),
                management.createDeadLetterJobQuery().count(),
                management.createJobQuery().withException().count() + management.createTimerJobQuery().withException().count());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
