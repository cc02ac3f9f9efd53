package cn.yn.employment.processadmin;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceDiagram;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.variable.api.history.HistoricVariableInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagram of one process instance with its current step, for a subject's timeline. Other modules link to
 * {@link #path(String)}. Visible to process admins, to reviewers whose scope covers the instance's
 * {@code cityCode}, and to the enterprise the instance is about ({@code enterpriseId}).
 */
@Service
public class ProcessInstanceDiagrams {

    /** The route of the instance diagram view, relative to the application root. */
    public static final String ROUTE = "process/instance";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CurrentUserProvider currentUser;

    ProcessInstanceDiagrams(RuntimeService runtime, HistoryService history, RepositoryService repository,
                            CurrentUserProvider currentUser) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The link other modules put on a timeline, e.g. {@code process/instance/1234}. */
    public static String path(String processInstanceId) {
        return ROUTE + "/" + processInstanceId;
    }

    @Transactional(readOnly = true)
    public InstanceDiagram diagram(String processInstanceId) {
        CurrentUser me = currentUser.require();
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (pi == null) {
            if (!me.has(Role.PROCESS_ADMIN)) {
                throw new AccessDeniedException("outside your scope"); // do not reveal which ids exist
            }
            throw new DomainException("processadmin.instance.notFound", processInstanceId);
        }
        Map<String, Object> vars = variables(processInstanceId);
        requireMayView(me, vars);
        ProcessDefinition def = repository.getProcessDefinition(pi.getProcessDefinitionId());
        boolean ended = pi.getEndTime() != null;
        org.flowable.bpmn.model.BpmnModel model = repository.getBpmnModel(def.getId());
        List<String> active = ended ? List.of() : runtime.getActiveActivityIds(processInstanceId).stream()
                .map(a -> stepOf(model, a)).distinct().toList();
        List<String> completed = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .finished().list().stream().map(HistoricActivityInstance::getActivityId).filter(Objects::nonNull)
                .distinct().toList();
        String xml;
        try (var in = repository.getProcessModel(def.getId())) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> names = active.stream().map(a -> {
            org.flowable.bpmn.model.FlowElement e = model.getFlowElement(a);
            return e == null || e.getName() == null || e.getName().isBlank() ? a : e.getName();
        }).toList();
        return new InstanceDiagram(processInstanceId, def.getId(), def.getName(), def.getVersion(), xml, active,
                names, completed, ended);
    }

    /** A waiting boundary event is not a step of its own: the instance waits in the task it is attached to. */
    static String stepOf(org.flowable.bpmn.model.BpmnModel model, String activityId) {
        return model.getFlowElement(activityId) instanceof org.flowable.bpmn.model.BoundaryEvent b
                && b.getAttachedToRefId() != null ? b.getAttachedToRefId() : activityId;
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> vars = new java.util.HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (v.getTaskId() == null && (v.getVariableName().equals("cityCode") || v.getVariableName().equals("enterpriseId"))) {
                vars.put(v.getVariableName(), v.getValue());
            }
        }
        return vars;
    }

    static void requireMayView(CurrentUser me, Map<String, Object> vars) {
        if (me.has(Role.PROCESS_ADMIN)) {
            return;
        }
        Scope s = me.scope();
        Object city = vars.get("cityCode");
        if (me.hasAny(Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER) && city != null && s.coversCity(city.toString())) {
            return;
        }
        Object enterprise = vars.get("enterpriseId");
        if (me.has(Role.ENTERPRISE) && s.type() == ScopeType.ENTERPRISE && enterprise != null
                && s.code().equals(enterprise.toString())) {
            return;
        }
        throw new AccessDeniedException("outside your scope");
    }
}
