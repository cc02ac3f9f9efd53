package cn.yn.employment.processadmin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Read-only BPMN diagram (bpmn-js NavigatedViewer: pan and zoom, no editing) with per-activity count overlays and
 * step highlighting. The bpmn.io watermark stays visible in the bottom-right corner, as its licence requires.
 */
@Tag("div")
@JavaScript("context://bpmn-js/dist/bpmn-navigated-viewer.production.min.js")
@StyleSheet("context://bpmn-js/dist/assets/diagram-js.css")
@StyleSheet("context://bpmn-js/dist/assets/bpmn-js.css")
@StyleSheet("context://bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css")
@StyleSheet("context://processadmin/bpmn-markers.css")
public class BpmnViewer extends Component implements HasSize {

    public BpmnViewer() {
        setWidthFull();
        setHeight("480px");
        getElement().getStyle().set("flex-shrink", "0").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("background", "#fff");
        getElement().setAttribute("class", "ems-bpmn-viewer");
        // the modeler bundle also defines window.BpmnJS: keep the viewer class we loaded (it has no modeling modules)
        getElement().executeJs("if (!window.__emsBpmnViewer && window.BpmnJS && !window.BpmnJS.prototype._modelingModules)"
                + " { window.__emsBpmnViewer = window.BpmnJS; }"
                + "const V = window.__emsBpmnViewer || window.BpmnJS; this.__viewer = new V({container: this});");
    }

    /** Imports the model and fits it into the view; completes with the number of import warnings. */
    public CompletableFuture<Integer> importXml(String xml) {
        return getElement().executeJs("return this.__viewer.importXML($0).then(r => {"
                        + "this.__viewer.get('canvas').zoom('fit-viewport', 'auto'); return (r.warnings || []).length; })", xml)
                .toCompletableFuture(Integer.class);
    }

    /**
     * A small badge with the count just above the top-right corner of each step: outside the shape, so it covers
     * neither a task's name (inside the shape) nor an event's or gateway's label (below it), nor the boundary events
     * usually attached to a task's lower edge.
     */
    public void showCounts(Map<String, Long> counts) {
        List<String> keys = List.copyOf(counts.keySet());
        List<String> values = keys.stream().map(k -> Long.toString(counts.get(k))).toList();
        getElement().executeJs("const ov = this.__viewer.get('overlays'); const reg = this.__viewer.get('elementRegistry');"
                + "ov.remove({type: 'ems-count'}); const ids = JSON.parse($0), vals = JSON.parse($1);"
                + "ids.forEach((id, i) => { if (!reg.get(id)) return; const d = document.createElement('div');"
                + " d.className = 'ems-count-badge'; d.textContent = vals[i]; d.setAttribute('data-activity', id);"
                + " ov.add(id, 'ems-count', {position: {top: -24, right: 12}, html: d}); });",
                toJson(keys), toJson(values));
    }

    /** Marks the current steps (blue) and the completed ones (green). */
    public void highlight(List<String> active, List<String> completed) {
        getElement().executeJs("const c = this.__viewer.get('canvas'); const reg = this.__viewer.get('elementRegistry');"
                + "JSON.parse($1).forEach(id => { if (reg.get(id)) c.addMarker(id, 'ems-completed'); });"
                + "JSON.parse($0).forEach(id => { if (reg.get(id)) { c.removeMarker(id, 'ems-completed'); c.addMarker(id, 'ems-active'); } });",
                toJson(active), toJson(completed));
    }

    static String toJson(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        }
        return b.append(']').toString();
    }
}
