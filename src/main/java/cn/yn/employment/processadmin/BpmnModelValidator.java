package cn.yn.employment.processadmin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Decides whether an edited BPMN model may be deployed. Our rules on an XXE-safe DOM first, then the same rules
 * again on the model Flowable's own converter builds (what the engine will execute: {@link ExecutableModelRules}),
 * then Flowable's own validator. The rules keep the engine from running anything but our allow-listed beans: no scripts, no
 * {@code class}/{@code expression} delegates, no service-task types (shell, http, mail...), no expression that
 * calls a method or reaches a bean, candidate groups only from the known set, the process key unchanged.
 */
final class BpmnModelValidator {

    static final int MAX_BYTES = 512 * 1024;
    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Flowable reads its extension attributes from both namespaces. */
    static final Set<String> ENGINE_NS = Set.of("http://flowable.org/bpmn", "http://activiti.org/bpmn");

    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    private static final Set<String> LISTENER_ELEMENTS = Set.of("executionListener", "taskListener", "eventListener");
    /** tFormalExpression's language: Flowable runs a condition with one as a script. (definitions' expressionLanguage it ignores.) */
    private static final Set<String> SCRIPT_LANGUAGE_ATTRIBUTES = Set.of("language", "scriptFormat");
    private static final Set<String> FORBIDDEN_TASKS = Set.of("scriptTask", "businessRuleTask");

    private final ExpressionAllowList expressions;
    private final Set<String> cityCodes;
    private final ModelLimits limits;

    /**
     * @param allowedBeans beans a {@code delegateExpression} may name
     * @param isBeanName   true for names of beans in the application context (expressions must not reach them)
     * @param cityCodes    the prefecture codes a literal {@code city:<code>} candidate group may use
     * @param limits       timer and loop bounds
     */
    BpmnModelValidator(Set<String> allowedBeans, Predicate<String> isBeanName, Set<String> cityCodes, ModelLimits limits) {
        this.expressions = new ExpressionAllowList(allowedBeans, isBeanName);
        this.cityCodes = Set.copyOf(cityCodes);
        this.limits = limits;
    }

    List<ValidationProblem> validate(String xml, String expectedKey) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (xml == null || xml.isBlank()) {
            problems.add(new ValidationProblem(null, "processadmin.problem.empty", ""));
            return problems;
        }
        int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add(new ValidationProblem(null, "processadmin.problem.tooLarge", (bytes / 1024) + " KB > " + (MAX_BYTES / 1024) + " KB"));
            return problems;
        }
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            boolean doctype = msg.contains("DOCTYPE") || msg.toLowerCase().contains("entit");
            problems.add(new ValidationProblem(null, doctype ? "processadmin.problem.doctype" : "processadmin.problem.notXml",
                    "line " + e.getLineNumber() + ": " + msg));
            return problems;
        } catch (Exception e) {
            problems.add(new ValidationProblem(null, "processadmin.problem.notXml", String.valueOf(e.getMessage())));
            return problems;
        }
        checkProcessKey(doc, expectedKey, problems);
        walk(doc.getDocumentElement(), problems);
        BpmnModel model = parse(xml, problems);
        if (model != null) {
            problems.addAll(new ExecutableModelRules(expressions, limits).check(model));
            if (problems.isEmpty()) {
                flowableValidation(model, problems);
            }
        }
        return dedupe(problems);
    }

    /**
     * Modelling warnings (bpmnlint's recommended rules, {@link BpmnLint}) for a model that parses safely; they do
     * not block a deployment. Empty when the XML cannot be read: {@link #validate} reports why.
     */
    static List<ValidationProblem> lint(String xml) {
        if (xml == null || xml.isBlank() || xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return List.of();
        }
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (Exception e) {
            return List.of();
        }
        BpmnModel model = parse(xml, new ArrayList<>());
        return model == null ? List.of() : BpmnLint.check(model, BpmnLint.declaredFlows(doc));
    }

    /** The model exactly as the engine will read it (after the safe-XML checks above), or null with a problem. */
    static BpmnModel parse(String xml, List<ValidationProblem> problems) {
        try {
            return new BpmnXMLConverter().convertToBpmnModel(
                    () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), true, true, "UTF-8");
        } catch (RuntimeException e) {
            String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            problems.add(new ValidationProblem(null, "processadmin.problem.schema", abbreviate(String.valueOf(msg))));
            return null;
        }
    }

    private void checkProcessKey(Document doc, String expectedKey, List<ValidationProblem> problems) {
        NodeList processes = doc.getElementsByTagNameNS(BPMN_NS, "process");
        if (processes.getLength() != 1) {
            problems.add(new ValidationProblem(null, "processadmin.problem.processCount", Integer.toString(processes.getLength())));
            return;
        }
        String id = ((Element) processes.item(0)).getAttribute("id");
        if (expectedKey != null && !expectedKey.equals(id)) {
            problems.add(new ValidationProblem(id, "processadmin.problem.keyChanged", expectedKey + " → " + id));
        }
    }

    private void walk(Element e, List<ValidationProblem> problems) {
        String ns = e.getNamespaceURI();
        String local = e.getLocalName();
        String owner = ownerId(e);
        boolean engineElement = ns != null && ENGINE_NS.contains(ns);
        if (BPMN_NS.equals(ns) && FORBIDDEN_TASKS.contains(local)) {
            problems.add(new ValidationProblem(owner, "processadmin.problem.scriptTask", local));
        }
        if (engineElement && "script".equals(local)) {
            problems.add(new ValidationProblem(owner, "processadmin.problem.scriptTask", "flowable:script"));
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ans = a.getNamespaceURI();
            String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
            String value = a.getValue();
            if ("http://www.w3.org/2000/xmlns/".equals(ans)) {
                continue;
            }
            if (ans == null && BPMN_NS.equals(ns) && SCRIPT_LANGUAGE_ATTRIBUTES.contains(name)) {
                // <conditionExpression language="groovy">: the engine would run the text as a script
                problems.add(new ValidationProblem(owner, "processadmin.problem.scriptLanguage", local + " " + name + "=" + value));
                continue;
            }
            // engine attributes: flowable:x on BPMN elements, and plain attributes of flowable:* elements
            boolean engineAttr = (ans != null && ENGINE_NS.contains(ans)) || (ans == null && engineElement);
            if (engineAttr) {
                checkEngineAttribute(e, local, engineElement, name, value, owner, problems);
            } else {
                expressions.check(value, owner, problems);
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                walk(child, problems);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions.check(c.getNodeValue(), owner, problems);
            }
        }
    }

    private void checkEngineAttribute(Element e, String local, boolean engineElement, String name, String value,
                                      String owner, List<ValidationProblem> problems) {
        switch (name) {
            case "class" -> problems.add(new ValidationProblem(owner, "processadmin.problem.classDelegate", value));
            case "expression" -> {
                if (engineElement && "field".equals(local)) {
                    expressions.check(value, owner, problems);
                } else {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.expressionDelegate", value));
                }
            }
            case "delegateExpression" -> {
                Matcher m = DELEGATE.matcher(value.trim());
                if (!m.matches()) {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.delegateForm", value));
                } else if (!expressions.beanAllowed(m.group(1))) {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.beanNotAllowed", m.group(1)));
                }
            }
            case "type" -> {
                if (engineElement && LISTENER_ELEMENTS.contains(local)) {
                    problems.add(new ValidationProblem(owner, "script".equals(value)
                            ? "processadmin.problem.scriptTask" : "processadmin.problem.taskType", value));
                } else if (!engineElement) {
                    problems.add(new ValidationProblem(owner, "processadmin.problem.taskType", value));
                }
            }
            case "candidateGroups" -> {
                expressions.check(value, owner, problems);
                for (String g : value.split(",")) {
                    if (!knownGroup(g.trim())) {
                        problems.add(new ValidationProblem(owner, "processadmin.problem.unknownGroup", g.trim()));
                    }
                }
            }
            default -> expressions.check(value, owner, problems);
        }
    }

    private boolean knownGroup(String g) {
        return "province".equals(g) || "city:${cityCode}".equals(g)
                || (g.startsWith("city:") && cityCodes.contains(g.substring(5)));
    }

    private void flowableValidation(BpmnModel model, List<ValidationProblem> problems) {
        ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
        for (ValidationError err : validator.validate(model)) {
            if (!err.isWarning()) {
                problems.add(new ValidationProblem(err.getActivityId(), "processadmin.problem.flowable",
                        err.getDefaultDescription() + " [" + err.getProblem() + "]"));
            }
        }
    }

    /** The id of the element a problem concerns: the nearest element (itself or an ancestor) that has an id. */
    private static String ownerId(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("id") && BPMN_NS.equals(el.getNamespaceURI())) {
                return el.getAttribute("id");
            }
        }
        return null;
    }

    private static List<ValidationProblem> dedupe(List<ValidationProblem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private static String abbreviate(String s) {
        return ExpressionAllowList.abbreviate(s);
    }
}
