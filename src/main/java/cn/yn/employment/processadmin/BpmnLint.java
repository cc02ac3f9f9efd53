package cn.yn.employment.processadmin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ComplexGateway;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventGateway;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;

/**
 * The modelling rules of bpmnlint's {@code recommended} set (the same {@code .bpmnlintrc} CI runs over
 * {@code processes/}), checked on Flowable's model of an edited process. They are warnings: the engine runs such a
 * model, but other modelers and readers misread it. Each warning's detail is the bpmnlint rule name.
 *
 * <p>Like bpmnlint (and every modeler but Flowable), an element's flows are the {@code <incoming>} and
 * {@code <outgoing>} it lists, not the flows that merely name it as source or target: a file without them looks
 * disconnected to other tools although the engine runs it.
 */
final class BpmnLint {

    /** The flow ids each element lists in its {@code <incoming>} / {@code <outgoing>} children. */
    record DeclaredFlows(Map<String, List<String>> incoming, Map<String, List<String>> outgoing) {
    }

    private final BpmnModel model;
    private final DeclaredFlows declared;

    private BpmnLint(BpmnModel model, DeclaredFlows declared) {
        this.model = model;
        this.declared = declared;
    }

    static List<ValidationProblem> check(BpmnModel model, DeclaredFlows declared) {
        List<ValidationProblem> out = new ArrayList<>();
        BpmnLint lint = new BpmnLint(model, declared);
        for (Process process : model.getProcesses()) {
            lint.container(process, process.getId(), out);
        }
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    /** The flows of an XML document's elements, read from their {@code <incoming>}/{@code <outgoing>} children. */
    static DeclaredFlows declaredFlows(org.w3c.dom.Document doc) {
        Map<String, List<String>> in = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        for (String kind : List.of("incoming", "outgoing")) {
            org.w3c.dom.NodeList refs = doc.getElementsByTagNameNS(BpmnModelValidator.BPMN_NS, kind);
            for (int i = 0; i < refs.getLength(); i++) {
                org.w3c.dom.Node ref = refs.item(i);
                if (ref.getParentNode() instanceof org.w3c.dom.Element owner && owner.hasAttribute("id")) {
                    (kind.equals("incoming") ? in : out).computeIfAbsent(owner.getAttribute("id"), k -> new ArrayList<>())
                            .add(ref.getTextContent().trim());
                }
            }
        }
        return new DeclaredFlows(in, out);
    }

    private List<SequenceFlow> flows(Map<String, List<String>> refs, String elementId) {
        return refs.getOrDefault(elementId, List.of()).stream().map(model::getFlowElement)
                .filter(SequenceFlow.class::isInstance).map(SequenceFlow.class::cast).toList();
    }

    private void container(FlowElementsContainer container, String containerId, List<ValidationProblem> out) {
        List<FlowElement> elements = List.copyOf(container.getFlowElements());
        boolean eventSubProcess = container instanceof EventSubProcess;
        if (!eventSubProcess && elements.stream().noneMatch(StartEvent.class::isInstance)) {
            out.add(warning(containerId, "startEventRequired", "start-event-required"));
        }
        if (!eventSubProcess && elements.stream().noneMatch(EndEvent.class::isInstance)) {
            out.add(warning(containerId, "endEventRequired", "end-event-required"));
        }
        if (elements.stream().filter(e -> e instanceof StartEvent s && s.getEventDefinitions().isEmpty()).count() > 1) {
            out.add(warning(containerId, "singleBlankStartEvent", "single-blank-start-event"));
        }
        Set<String> flowKeys = new HashSet<>();
        for (FlowElement e : elements) {
            if (e instanceof FlowNode node) {
                node(node, out);
            }
            if (e instanceof SequenceFlow flow) {
                String key = flow.getSourceRef() + "→" + flow.getTargetRef() + "|" + condition(flow);
                if (!flowKeys.add(key)) {
                    out.add(warning(flow.getId(), "duplicateFlow", "no-duplicate-sequence-flows"));
                }
                if (hasCondition(flow) && blank(flow.getName())) {
                    out.add(warning(flow.getId(), "labelRequired", "label-required"));
                }
                if (model.getFlowLocationGraphicInfo(flow.getId()) == null) {
                    out.add(warning(flow.getId(), "noDiagram", "no-bpmndi"));
                }
            }
            if (e instanceof FlowElementsContainer inner) {
                container(inner, e.getId(), out);
            }
        }
    }

    private void node(FlowNode node, List<ValidationProblem> out) {
        String id = node.getId();
        List<SequenceFlow> incoming = flows(declared.incoming(), id);
        List<SequenceFlow> outgoing = flows(declared.outgoing(), id);
        int in = incoming.size();
        int out0 = outgoing.size();
        boolean eventSubProcess = node instanceof EventSubProcess;
        boolean activityOrEvent = node instanceof Activity || node instanceof Event;
        if (!eventSubProcess && in == 0 && out0 == 0) {
            out.add(warning(id, "disconnected", "no-disconnected"));
        }
        if (!eventSubProcess && in == 0 && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
            out.add(warning(id, "implicitStart", "no-implicit-start"));
        }
        if (!eventSubProcess && out0 == 0 && !(node instanceof EndEvent)) {
            out.add(warning(id, "implicitEnd", "no-implicit-end"));
        }
        if (activityOrEvent && in > 1) {
            out.add(warning(id, "fakeJoin", "fake-join"));
        }
        String defaultFlow = defaultFlow(node);
        if (activityOrEvent && outgoing.stream()
                .filter(f -> !hasCondition(f) && !f.getId().equals(defaultFlow)).count() > 1) {
            out.add(warning(id, "implicitSplit", "no-implicit-split"));
        }
        if (defaultFlow != null || outgoing.stream().anyMatch(BpmnLint::hasCondition)) {
            outgoing.stream().filter(f -> !hasCondition(f) && !f.getId().equals(defaultFlow))
                    .forEach(f -> out.add(warning(f.getId(), "conditionMissing", "conditional-flows")));
        }
        if (node instanceof Gateway) {
            if (in == 1 && out0 == 1) {
                out.add(warning(id, "superfluousGateway", "superfluous-gateway"));
            }
            if (in > 1 && out0 > 1) {
                out.add(warning(id, "gatewayJoinFork", "no-gateway-join-fork"));
            }
            if (node instanceof InclusiveGateway) {
                out.add(warning(id, "inclusiveGateway", "no-inclusive-gateway"));
            }
            if (node instanceof ComplexGateway) {
                out.add(warning(id, "complexGateway", "no-complex-gateway"));
            }
        }
        if (node instanceof Event event && event.getEventDefinitions().size() > 1) {
            out.add(warning(id, "singleEventDefinition", "single-event-definition"));
        }
        if (needsLabel(node, out0) && blank(node.getName())) {
            out.add(warning(id, "labelRequired", "label-required"));
        }
        if (model.getGraphicInfo(id) == null) {
            out.add(warning(id, "noDiagram", "no-bpmndi"));
        }
    }

    /** bpmnlint asks a name of every step and event, and of gateways that fork on a decision. */
    private static boolean needsLabel(FlowNode node, int outgoing) {
        if (node instanceof ParallelGateway || node instanceof EventGateway || node instanceof SubProcess) {
            return false;
        }
        return !(node instanceof Gateway) || outgoing > 1;
    }

    private static String defaultFlow(FlowNode node) {
        if (node instanceof Gateway g) {
            return g.getDefaultFlow();
        }
        return node instanceof Activity a ? a.getDefaultFlow() : null;
    }

    private static boolean hasCondition(SequenceFlow flow) {
        return !blank(flow.getConditionExpression());
    }

    private static String condition(SequenceFlow flow) {
        return hasCondition(flow) ? flow.getConditionExpression().trim() : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ValidationProblem warning(String elementId, String rule, String bpmnlintRule) {
        return new ValidationProblem(elementId, "processadmin.lint." + rule, bpmnlintRule);
    }
}
