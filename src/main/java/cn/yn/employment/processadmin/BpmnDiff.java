package cn.yn.employment.processadmin;

import cn.yn.employment.processadmin.ProcessAdminModels.AttributeChange;
import cn.yn.employment.processadmin.ProcessAdminModels.ChangeKind;
import cn.yn.employment.processadmin.ProcessAdminModels.ElementChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Element-level difference of two BPMN models: the process elements (by id) that were added, removed or changed,
 * with the attributes and id-less children (documentation, conditions, listeners) that differ. The comparison is
 * semantic ({@link BpmnSemantics}): diagram layout (BPMNDI), namespace prefixes, attribute order, whitespace, the
 * derived {@code incoming}/{@code outgoing} lists and attributes at their default value are no change, so the bpmn-js
 * round trip of an unchanged model gives an empty list.
 */
final class BpmnDiff {

    private BpmnDiff() {
    }

    record Snapshot(String type, String name, Map<String, String> properties) {
    }

    static List<ElementChange> diff(String beforeXml, String afterXml) {
        Map<String, Snapshot> before = elements(beforeXml);
        Map<String, Snapshot> after = elements(afterXml);
        List<ElementChange> changes = new ArrayList<>();
        for (var e : before.entrySet()) {
            Snapshot a = after.get(e.getKey());
            Snapshot b = e.getValue();
            if (a == null) {
                changes.add(new ElementChange(e.getKey(), b.type(), b.name(), ChangeKind.REMOVED, List.of()));
            } else {
                List<AttributeChange> attrs = new ArrayList<>();
                TreeSet<String> keys = new TreeSet<>(b.properties().keySet());
                keys.addAll(a.properties().keySet());
                if (!b.type().equals(a.type())) {
                    attrs.add(new AttributeChange("(type)", b.type(), a.type()));
                }
                for (String k : keys) {
                    String x = b.properties().get(k);
                    String y = a.properties().get(k);
                    if (!Objects.equals(x, y)) {
                        attrs.add(new AttributeChange(k, x, y));
                    }
                }
                if (!attrs.isEmpty()) {
                    changes.add(new ElementChange(e.getKey(), a.type(), a.name(), ChangeKind.CHANGED, attrs));
                }
            }
        }
        for (var e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                Snapshot a = e.getValue();
                List<AttributeChange> attrs = a.properties().entrySet().stream()
                        .map(p -> new AttributeChange(p.getKey(), null, p.getValue())).toList();
                changes.add(new ElementChange(e.getKey(), a.type(), a.name(), ChangeKind.ADDED, attrs));
            }
        }
        return changes;
    }

    static Map<String, Snapshot> elements(String xml) {
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable BPMN model", e);
        }
        Map<String, Snapshot> out = new LinkedHashMap<>();
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element e, Map<String, Snapshot> out) {
        if (!BpmnModelValidator.BPMN_NS.equals(e.getNamespaceURI())) {
            return; // diagram interchange and foreign content
        }
        if (e.hasAttribute("id") && !"definitions".equals(e.getLocalName())) {
            Map<String, String> props = new LinkedHashMap<>();
            attributes(e, "", props);
            idlessChildren(e, "", props);
            out.put(e.getAttribute("id"), new Snapshot(e.getLocalName(), e.getAttribute("name"), props));
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, out);
            }
        }
    }

    private static void attributes(Element e, String prefix, Map<String, String> props) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String name = BpmnSemantics.attributeName(a);
            if (BpmnSemantics.isNamespaceDeclaration(a) || (prefix.isEmpty() && "id".equals(name))) {
                continue;
            }
            String value = BpmnSemantics.value(e, a);
            if (value != null) {
                props.put(prefix + "@" + name, value);
            }
        }
    }

    /** Children without their own id (documentation, conditionExpression, extension elements) belong to the parent. */
    private static void idlessChildren(Element e, String prefix, Map<String, String> props) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                if ((child.hasAttribute("id") && BpmnModelValidator.BPMN_NS.equals(child.getNamespaceURI()))
                        || BpmnSemantics.isDerived(child)) {
                    continue;
                }
                String name = BpmnSemantics.name(child);
                int n = seen.merge(name, 1, Integer::sum);
                String path = prefix + name + (n > 1 ? "[" + n + "]" : "");
                attributes(child, path, props);
                idlessChildren(child, path + "/", props);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
            }
        }
        String t = BpmnSemantics.text(text.toString());
        if (!prefix.isEmpty() && !t.isEmpty()) {
            props.put(prefix.substring(0, prefix.length() - 1), t);
        }
    }
}
