package cn.yn.employment.processadmin;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.Association;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventListener;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.HasScriptInfo;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TextAnnotation;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.ValuedDataObject;

/**
 * Checks what the engine will execute: the {@link BpmnModel} Flowable's own converter builds from the XML. There a
 * condition, timer or field is one string, however the XML split it across text, CDATA sections, comments and
 * character references, so an expression the XML checks saw only in pieces is checked whole here.
 *
 * <ul>
 *   <li>only the element types our chains need (no script, rule, call, send, http, case or external-worker tasks);</li>
 *   <li>service tasks and listeners only as {@code delegateExpression} naming an allowed bean, no script;</li>
 *   <li>no script language on conditions (sequence flows, conditional events);</li>
 *   <li>every string of the model, in every model class, goes through the {@link ExpressionAllowList};</li>
 *   <li>timer cycles, job retry cycles and multi-instance loops within the {@link ModelLimits}.</li>
 * </ul>
 */
final class ExecutableModelRules {

    /** Exact classes: a subclass such as HttpServiceTask or CaseServiceTask is not a plain ServiceTask. */
    private static final Set<Class<?>> ALLOWED_ELEMENTS = Set.of(StartEvent.class, EndEvent.class, UserTask.class,
            ServiceTask.class, ManualTask.class, ReceiveTask.class, ExclusiveGateway.class, ParallelGateway.class,
            InclusiveGateway.class, SequenceFlow.class, BoundaryEvent.class, IntermediateCatchEvent.class,
            ThrowEvent.class, SubProcess.class, EventSubProcess.class);
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final ExpressionAllowList expressions;
    private final ModelLimits limits;

    ExecutableModelRules(ExpressionAllowList expressions, ModelLimits limits) {
        this.expressions = expressions;
        this.limits = limits;
    }

    List<ValidationProblem> check(BpmnModel model) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (Process process : model.getProcesses()) {
            listeners(process.getExecutionListeners(), process.getId(), problems);
            for (EventListener l : process.getEventListeners()) {
                delegate(l.getImplementationType(), l.getImplementation(), process.getId(), problems);
            }
            container(process, problems);
            process.getArtifacts().stream().filter(a -> !(a instanceof TextAnnotation || a instanceof Association))
                    .forEach(a -> problems.add(new ValidationProblem(a.getId(), "processadmin.problem.elementNotAllowed",
                            a.getClass().getSimpleName())));
        }
        new StringWalk(problems).visit(model, null);
        return problems;
    }

    private void container(FlowElementsContainer container, List<ValidationProblem> problems) {
        for (FlowElement e : container.getFlowElements()) {
            element(e, problems);
            if (e instanceof FlowElementsContainer inner) {
                container(inner, problems);
            }
        }
    }

    private void element(FlowElement e, List<ValidationProblem> problems) {
        String id = e.getId();
        if (!ALLOWED_ELEMENTS.contains(e.getClass()) && !(e instanceof ValuedDataObject)) {
            problems.add(new ValidationProblem(id, "processadmin.problem.elementNotAllowed", e.getClass().getSimpleName()));
        }
        listeners(e.getExecutionListeners(), id, problems);
        if (e instanceof HasScriptInfo s && s.getScriptInfo() != null) {
            problems.add(new ValidationProblem(id, "processadmin.problem.scriptLanguage", s.getScriptInfo().getLanguage()));
        }
        if (e instanceof UserTask task) {
            listeners(task.getTaskListeners(), id, problems);
        }
        if (e instanceof ServiceTask task) {
            if (task.getType() != null && !task.getType().isBlank()) {
                problems.add(new ValidationProblem(id, "processadmin.problem.taskType", task.getType()));
            }
            if (task.getImplementationType() != null) {
                delegate(task.getImplementationType(), task.getImplementation(), id, problems);
            }
        }
        if (e instanceof SequenceFlow flow && notBlank(flow.getConditionLanguage())) {
            problems.add(new ValidationProblem(id, "processadmin.problem.scriptLanguage", flow.getConditionLanguage()));
        }
        if (e instanceof Event event) {
            for (EventDefinition d : event.getEventDefinitions()) {
                if (d instanceof ConditionalEventDefinition c && notBlank(c.getConditionLanguage())) {
                    problems.add(new ValidationProblem(id, "processadmin.problem.scriptLanguage", c.getConditionLanguage()));
                }
                if (d instanceof TimerEventDefinition t && notBlank(t.getTimeCycle())) {
                    timerCycle(t.getTimeCycle(), id, problems);
                }
            }
        }
        if (e instanceof Activity a) {
            if (notBlank(a.getFailedJobRetryTimeCycleValue())) {
                timerCycle(a.getFailedJobRetryTimeCycleValue(), id, problems);
            }
            loop(a.getLoopCharacteristics(), id, problems);
        }
    }

    private void listeners(List<FlowableListener> listeners, String owner, List<ValidationProblem> problems) {
        for (FlowableListener l : listeners) {
            if (l.getScriptInfo() != null) {
                problems.add(new ValidationProblem(owner, "processadmin.problem.scriptLanguage", l.getScriptInfo().getLanguage()));
            }
            if (notBlank(l.getCustomPropertiesResolverImplementation())) {
                problems.add(new ValidationProblem(owner, "processadmin.problem.taskType", "customPropertiesResolver"));
            }
            delegate(l.getImplementationType(), l.getImplementation(), owner, problems);
        }
    }

    /** Listeners, event listeners and service tasks run only a bean of the allow-list, named by delegateExpression. */
    private void delegate(String type, String implementation, String owner, List<ValidationProblem> problems) {
        String value = implementation == null ? "" : implementation;
        switch (type == null ? "" : type) {
            case "delegateExpression" -> {
                Matcher m = DELEGATE.matcher(value.trim());
                if (!m.matches()) {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.delegateForm", value));
                } else if (!expressions.beanAllowed(m.group(1))) {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.beanNotAllowed", m.group(1)));
                }
            }
            case "class" -> problems.add(new ValidationProblem(owner, "processadmin.problem.classDelegate", value));
            case "expression" -> problems.add(new ValidationProblem(owner, "processadmin.problem.expressionDelegate", value));
            case "script" -> problems.add(new ValidationProblem(owner, "processadmin.problem.scriptLanguage", "script"));
            default -> problems.add(new ValidationProblem(owner, "processadmin.problem.taskType", type));
        }
    }

    private void timerCycle(String cycle, String owner, List<ValidationProblem> problems) {
        RunawayCheck.cycle(cycle, limits).ifPresent(p -> problems.add(new ValidationProblem(owner, p.messageKey(), p.detail())));
    }

    private void loop(MultiInstanceLoopCharacteristics loop, String owner, List<ValidationProblem> problems) {
        if (loop != null) {
            RunawayCheck.loop(loop, limits).ifPresent(p -> problems.add(new ValidationProblem(owner, p.messageKey(), p.detail())));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Every string any getter of any Flowable model object returns (names, conditions, assignees, due dates,
     * candidate users and groups, field extensions, form properties, data objects, timer definitions, signal and
     * message names, skip expressions, extension elements and attributes...): whatever Flowable adds to its model
     * classes is covered without a new line here.
     */
    private final class StringWalk {

        private static final String MODEL_PACKAGE = "org.flowable.bpmn.model";
        /** Diagram geometry and back-references: no strings the engine evaluates, and big. */
        private static final Set<String> SKIPPED = Set.of("getLocationMap", "getLabelLocationMap", "getFlowLocationMap",
                "getEdgeMap", "getParentContainer", "getSubProcess", "getSourceFlowElement", "getTargetFlowElement",
                "getIncomingFlows", "getOutgoingFlows", "getAttachedToRef", "getFlowElementMap", "getMainProcess");
        private static final Map<Class<?>, List<Method>> GETTERS = new ConcurrentHashMap<>();

        private final List<ValidationProblem> problems;
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        StringWalk(List<ValidationProblem> problems) {
            this.problems = problems;
        }

        void visit(Object value, String owner) {
            if (value == null) {
                return;
            }
            if (value instanceof String s) {
                expressions.check(s, owner, problems);
            } else if (value instanceof Collection<?> c) {
                c.forEach(v -> visit(v, owner));
            } else if (value instanceof Map<?, ?> m) {
                m.values().forEach(v -> visit(v, owner));
            } else if (value.getClass().getName().startsWith(MODEL_PACKAGE) && seen.add(value)) {
                String here = value instanceof FlowElement || value instanceof Process
                        || value instanceof org.flowable.bpmn.model.Artifact ? ((BaseElement) value).getId() : owner;
                for (Method getter : getters(value.getClass())) {
                    try {
                        visit(getter.invoke(value), here);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // a getter that cannot answer for this object carries nothing the engine reads
                    }
                }
            }
        }

        private static List<Method> getters(Class<?> type) {
            return GETTERS.computeIfAbsent(type, t -> {
                List<Method> out = new ArrayList<>();
                for (Method m : t.getMethods()) {
                    if (m.getParameterCount() == 0 && m.getName().startsWith("get") && !m.getName().equals("getClass")
                            && !Modifier.isStatic(m.getModifiers()) && !m.getReturnType().isPrimitive()
                            && !SKIPPED.contains(m.getName())) {
                        out.add(m);
                    }
                }
                return List.copyOf(out);
            });
        }
    }
}
