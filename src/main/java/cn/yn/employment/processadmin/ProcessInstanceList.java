package cn.yn.employment.processadmin;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.text.TextInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The running instances of one process (all its versions, or one), searched by the chain contract's variables
 * (enterprise name, USCC, period) and by the step they wait in, a page at a time; each row links to its diagram
 * ({@link ProcessInstanceDiagrams#path}). The paging and the filters run in Flowable's query, so the list stays fast
 * with every enterprise of the province in review. PROCESS_ADMIN only.
 */
@Service
public class ProcessInstanceList {

    /** The route of the list view; {@code ?key=<processKey>[&definitionId=<id>]} preselects the definition. */
    public static final String ROUTE = "process/instances";
    public static final int MAX_PAGE_SIZE = 100;
    private static final List<String> SHOWN_VARIABLES = List.of("enterpriseName", "uscc", "periodCode", "cityCode");

    /** Blank fields do not filter; {@code definitionId} narrows the process to one version. */
    public record Search(String processKey, String definitionId, String enterprise, String uscc, String periodCode,
                         String step) {
    }

    /** One deployed version of the process, for the version pick-list. */
    public record Version(String definitionId, int version, long running) {
    }

    /** A step an instance can wait in, for the pick-list. */
    public record Step(String id, String name) {
    }

    public record Row(String processInstanceId, String definitionId, int version, String businessKey,
                      String enterpriseName, String uscc, String periodCode, String cityCode, List<String> stepIds,
                      List<String> stepNames, Instant startedAt) {
    }

    /** One page (0-based) of the matches, newest start first. */
    public record Page(List<Row> rows, long total, int page, int pageSize) {

        public int pages() {
            return total == 0 ? 1 : (int) ((total + pageSize - 1) / pageSize);
        }
    }

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CurrentUserProvider currentUser;

    ProcessInstanceList(RuntimeService runtime, RepositoryService repository, CurrentUserProvider currentUser) {
        this.runtime = runtime;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The steps of the latest version where an instance can wait (tasks, sub-processes, catching events). */
    @Transactional(readOnly = true)
    public List<Step> steps(String processKey) {
        Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
        ProcessDefinition latest = latest(processKey);
        List<Step> out = new ArrayList<>();
        for (FlowNode n : ProcessAdminService.flowNodes(repository.getBpmnModel(latest.getId()))) {
            if (n instanceof Activity || n instanceof IntermediateCatchEvent) {
                out.add(new Step(n.getId(), n.getName() == null || n.getName().isBlank() ? n.getId() : n.getName()));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Page search(Search search, int page, int pageSize) {
        Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new DomainException("processadmin.instances.badPage", MAX_PAGE_SIZE);
        }
        ProcessInstanceQuery query = query(search);
        long total = query.count();
        List<ProcessInstance> found = total == 0 ? List.of()
                : query(search).orderByStartTime().desc().orderByProcessInstanceId().asc()
                        .listPage(page * pageSize, pageSize);
        Map<String, BpmnModel> models = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (ProcessInstance pi : found) {
            BpmnModel model = models.computeIfAbsent(pi.getProcessDefinitionId(), repository::getBpmnModel);
            Map<String, Object> vars = runtime.getVariables(pi.getId(), SHOWN_VARIABLES);
            List<String> steps = runtime.getActiveActivityIds(pi.getId()).stream()
                    .map(a -> ProcessInstanceDiagrams.stepOf(model, a)).distinct().toList();
            List<String> names = steps.stream().map(s -> {
                FlowElement e = model.getFlowElement(s);
                return e == null || e.getName() == null || e.getName().isBlank() ? s : e.getName();
            }).toList();
            int version = versions.computeIfAbsent(pi.getProcessDefinitionId(),
                    id -> pi.getProcessDefinitionVersion() != null ? pi.getProcessDefinitionVersion()
                            : repository.getProcessDefinition(id).getVersion());
            rows.add(new Row(pi.getId(), pi.getProcessDefinitionId(), version, pi.getBusinessKey(),
                    text(vars.get("enterpriseName")), text(vars.get("uscc")), text(vars.get("periodCode")),
                    text(vars.get("cityCode")), steps, names, pi.getStartTime() == null ? null : pi.getStartTime().toInstant()));
        }
        return new Page(rows, total, page, pageSize);
    }

    private ProcessInstanceQuery query(Search s) {
        ProcessInstanceQuery q = runtime.createProcessInstanceQuery();
        String definitionId = blankToNull(s.definitionId());
        if (definitionId != null) {
            q.processDefinitionId(definitionId);
        } else {
            q.processDefinitionKey(latest(s.processKey()).getKey());
        }
        String enterprise = blankToNull(TextInput.checked("enterprise", s.enterprise()));
        if (enterprise != null) {
            // a typed % or _ would be a wildcard of the LIKE: drop them, the names do not need them
            q.variableValueLikeIgnoreCase("enterpriseName", "%" + enterprise.replace("%", "").replace("_", "") + "%");
        }
        String uscc = blankToNull(TextInput.checked("uscc", s.uscc()));
        if (uscc != null) {
            q.variableValueEquals("uscc", uscc.toUpperCase(Locale.ROOT));
        }
        String period = blankToNull(TextInput.checked("periodCode", s.periodCode()));
        if (period != null) {
            q.variableValueEquals("periodCode", period);
        }
        String step = blankToNull(s.step());
        if (step != null) {
            q.activeActivityId(step);
        }
        return q;
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition d = blankToNull(processKey) == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionKey(processKey.strip()).latestVersion().singleResult();
        if (d == null) {
            throw new DomainException("processadmin.definition.notFound", Objects.toString(processKey, ""));
        }
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** The versions of a process, newest first, with their running instances. */
    @Transactional(readOnly = true)
    public List<Version> versions(String processKey) {
        Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
        return repository.createProcessDefinitionQuery().processDefinitionKey(latest(processKey).getKey())
                .orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getId(), d.getVersion(),
                        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
                .toList();
    }

    /** The distinct process keys with the name of their latest version, for the definition pick-list. */
    @Transactional(readOnly = true)
    public Map<String, String> processes() {
        Access.requireAny(currentUser.require(), Role.PROCESS_ADMIN);
        Map<String, String> out = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .forEach(d -> out.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return out;
    }
}
