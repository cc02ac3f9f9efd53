package cn.yn.employment.processadmin;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

/**
 * What two serialisations of one BPMN model share, whoever wrote them (a hand-written file, Flowable, the bpmn-js
 * modeler): names independent of the namespace prefixes, attributes at their schema default treated as absent
 * (bpmn-js writes {@code cancelActivity="true"} as nothing), QName values resolved, text without layout
 * whitespace. {@link BpmnDiff} compares models through it, so a round trip through the editor is no change.
 */
final class BpmnSemantics {

    static final String FLOWABLE_NS = "http://flowable.org/bpmn";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    /** Namespace → the prefix this project shows; BPMN's own elements and attributes go without one. */
    private static final Map<String, String> PREFIXES = Map.of(BpmnModelValidator.BPMN_NS, "", FLOWABLE_NS, "flowable:",
            XSI_NS, "xsi:");

    /** Defaults of the BPMN 2.0 schema (Semantic.xsd) and of Flowable's attributes: "element@attribute" or "*@attribute". */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("boundaryEvent@cancelActivity", "true"),
            Map.entry("startEvent@isInterrupting", "true"),
            Map.entry("*@parallelMultiple", "false"),
            Map.entry("*@isForCompensation", "false"),
            Map.entry("*@startQuantity", "1"),
            Map.entry("*@completionQuantity", "1"),
            Map.entry("*@gatewayDirection", "Unspecified"),
            Map.entry("*@triggeredByEvent", "false"),
            Map.entry("userTask@implementation", "##unspecified"),
            Map.entry("manualTask@implementation", "##unspecified"),
            Map.entry("serviceTask@implementation", "##WebService"),
            Map.entry("sendTask@implementation", "##WebService"),
            Map.entry("receiveTask@implementation", "##WebService"),
            Map.entry("businessRuleTask@implementation", "##unspecified"),
            Map.entry("receiveTask@instantiate", "false"),
            Map.entry("eventBasedGateway@instantiate", "false"),
            Map.entry("eventBasedGateway@eventGatewayType", "Exclusive"),
            Map.entry("multiInstanceLoopCharacteristics@isSequential", "false"),
            Map.entry("multiInstanceLoopCharacteristics@behavior", "All"),
            Map.entry("standardLoopCharacteristics@testBefore", "false"),
            Map.entry("process@isClosed", "false"),
            Map.entry("process@processType", "None"),
            Map.entry("*@flowable:async", "false"),
            Map.entry("*@flowable:exclusive", "true"),
            Map.entry("documentation@textFormat", "text/plain"),
            Map.entry("textAnnotation@textFormat", "text/plain"),
            Map.entry("association@associationDirection", "None"),
            Map.entry("dataObject@isCollection", "false"));

    /** Attributes whose value is a QName (its prefix is the writer's choice). */
    private static final Set<String> QNAME_VALUED = Set.of("xsi:type");

    /**
     * Children that restate what other elements already say: bpmn-js (and bpmnlint) write a node's
     * {@code incoming}/{@code outgoing} from the flows' {@code sourceRef}/{@code targetRef}, which are compared.
     */
    private static final Set<String> DERIVED_CHILDREN = Set.of("incoming", "outgoing");

    private BpmnSemantics() {
    }

    /** {@code name}, {@code flowable:candidateGroups}, {@code {urn:x}attr}: the same whatever prefix the file used. */
    static String name(String namespace, String localName) {
        if (namespace == null) {
            return localName;
        }
        String prefix = PREFIXES.get(namespace);
        return (prefix != null ? prefix : "{" + namespace + "}") + localName;
    }

    static String name(Element e) {
        return name(e.getNamespaceURI(), localName(e.getLocalName(), e.getNodeName()));
    }

    static boolean isNamespaceDeclaration(Attr a) {
        return XMLNS_NS.equals(a.getNamespaceURI());
    }

    /** Null when the attribute says nothing beyond its default; otherwise its normalised value. */
    static String value(Element owner, Attr a) {
        String attr = name(a.getNamespaceURI(), localName(a.getLocalName(), a.getName()));
        String value = a.getValue().strip();
        if (QNAME_VALUED.contains(attr)) {
            value = qname(owner, value);
        }
        String element = owner.getLocalName();
        String dflt = DEFAULTS.getOrDefault(element + "@" + attr, DEFAULTS.get("*@" + attr));
        return value.equals(dflt) ? null : value;
    }

    static String attributeName(Attr a) {
        return name(a.getNamespaceURI(), localName(a.getLocalName(), a.getName()));
    }

    static boolean isDerived(Element child) {
        return BpmnModelValidator.BPMN_NS.equals(child.getNamespaceURI()) && DERIVED_CHILDREN.contains(child.getLocalName());
    }

    /** Text without the layout: each line trimmed, blank lines dropped (a CDATA section and escaped text alike). */
    static String text(String raw) {
        return raw.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String qname(Element owner, String value) {
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        String ns = owner.lookupNamespaceURI(prefix);
        return ns == null ? value : name(ns, value.substring(colon + 1));
    }

    private static String localName(String local, String qualified) {
        return local != null ? local : qualified.substring(qualified.indexOf(':') + 1);
    }
}
