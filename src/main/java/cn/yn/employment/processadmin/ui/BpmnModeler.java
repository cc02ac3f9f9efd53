package cn.yn.employment.processadmin.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The bpmn-js modeler (prebuilt bundle, see docs/notes/bpmn-js.md) driven from Java. The selected element's
 * properties come to the server ({@link #setSelectionListener}); the property form writes back through
 * {@link #applyProperties}. The bpmn.io watermark stays visible (licence).
 */
@Tag("div")
@JavaScript("context://bpmn-js/dist/bpmn-modeler.production.min.js")
@StyleSheet("context://bpmn-js/dist/assets/diagram-js.css")
@StyleSheet("context://bpmn-js/dist/assets/bpmn-js.css")
@StyleSheet("context://bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css")
@StyleSheet("context://processadmin/bpmn-markers.css")
public class BpmnModeler extends Component implements HasSize {

    /** What the property form shows for the selected element. Null fields are absent on the element. */
    public record Selection(String id, String type, String name, String candidateGroups, String dueDate,
                            String documentation) {
    }

    /**
     * {@code el.__fit()}: bpmn-js's {@code zoom('fit-viewport')} fits the diagram to the whole canvas, and the palette
     * (drawn over the canvas's left edge) then hides the start event. This fits it (never above 100 %) into the part
     * right of the palette, centred vertically.
     */
    static final String FIT_BESIDE_PALETTE = "el.__fit = () => { const c = el.__modeler.get('canvas');"
            + " c.zoom('fit-viewport', 'auto'); const vb = c.viewbox(); const inner = vb.inner, outer = vb.outer;"
            + " if (!inner || !inner.width || !outer.width) return;"
            + " const pal = el.querySelector('.djs-palette'); const pad = 16;"
            + " const left = (pal ? pal.getBoundingClientRect().right - el.getBoundingClientRect().left : 0) + pad;"
            + " const scale = Math.min(1, (outer.width - left - pad) / inner.width, (outer.height - 2 * pad) / inner.height);"
            + " if (!(scale > 0)) return;"
            + " c.viewbox({x: inner.x - left / scale, y: inner.y - (outer.height / scale - inner.height) / 2,"
            + "   width: outer.width / scale, height: outer.height / scale}); };";

    private transient Consumer<Selection> selectionListener;
    private transient Consumer<String> changeListener;

    public BpmnModeler() {
        setWidthFull();
        setHeight("560px");
        getElement().getStyle().set("flex-shrink", "0").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("background", "#fff");
        getElement().setAttribute("class", "ems-bpmn-modeler");
        getElement().executeJs("if (!window.__emsBpmnModeler && window.BpmnJS && window.BpmnJS.prototype._modelingModules)"
                + " { window.__emsBpmnModeler = window.BpmnJS; }"
                + "const el = this; const M = window.__emsBpmnModeler || window.BpmnJS;"
                + "el.__modeler = new M({container: el}); window.__emsModeler = el.__modeler;"
                + "const attr = (bo, n) => (bo.$attrs && bo.$attrs[n] != null) ? String(bo.$attrs[n]) : null;"
                + "el.__modeler.on('selection.changed', e => { const s = e.newSelection || [];"
                + "  if (s.length !== 1) { el.$server.selected(null, null, null, null, null, null); return; }"
                + "  const bo = s[0].businessObject; const doc = (bo.documentation && bo.documentation.length) ? bo.documentation[0].text : null;"
                + "  el.$server.selected(bo.id, bo.$type, bo.name || null, attr(bo, 'flowable:candidateGroups'),"
                + "    attr(bo, 'flowable:dueDate'), doc || null); });"
                + "el.__modeler.on('commandStack.changed', () => el.$server.changed());"
                + FIT_BESIDE_PALETTE);
    }

    public CompletableFuture<Integer> importXml(String xml) {
        return getElement().executeJs("return this.__modeler.importXML($0).then(r => {"
                        + "this.__fit(); return (r.warnings || []).length; })", xml)
                .toCompletableFuture(Integer.class);
    }

    /** The current model; never wait on it from the UI thread (the callbacks run with the session locked). */
    public CompletableFuture<String> saveXml() {
        return getElement().executeJs("return this.__modeler.saveXML({format: true}).then(r => r.xml)")
                .toCompletableFuture(String.class);
    }

    /**
     * Writes the form's values to one element: the label via {@code modeling.updateLabel}, the Flowable attributes
     * and the documentation via {@code modeling.updateProperties} (one undoable command each). Blank removes.
     */
    public void applyProperties(String elementId, String name, String candidateGroups, String dueDate,
                                String documentation) {
        getElement().executeJs("const m = this.__modeler; const el = m.get('elementRegistry').get($0); if (!el) return;"
                + "const modeling = m.get('modeling'); const bo = el.businessObject; const blank = v => v == null || v === '';"
                + "if ((bo.name || '') !== ($1 || '')) modeling.updateLabel(el, blank($1) ? null : $1);"
                + "const props = {};"
                + "const isTask = bo.$type === 'bpmn:UserTask';"
                + "const attr = n => (bo.$attrs && bo.$attrs[n] != null) ? String(bo.$attrs[n]) : '';"
                + "if (isTask && attr('flowable:candidateGroups') !== ($2 || '')) props['flowable:candidateGroups'] = blank($2) ? undefined : $2;"
                + "if (isTask && attr('flowable:dueDate') !== ($3 || '')) props['flowable:dueDate'] = blank($3) ? undefined : $3;"
                + "const oldDoc = (bo.documentation && bo.documentation.length) ? bo.documentation[0].text : '';"
                + "if ((oldDoc || '') !== ($4 || '')) props.documentation = blank($4) ? [] :"
                + "  [m.get('bpmnFactory').create('bpmn:Documentation', {text: $4})];"
                + "if (Object.keys(props).length) modeling.updateProperties(el, props);",
                elementId, nullToEmpty(name), nullToEmpty(candidateGroups), nullToEmpty(dueDate), nullToEmpty(documentation));
    }

    /** Red outline on the elements a validation problem concerns; clears the previous ones. */
    public void markProblems(List<String> elementIds) {
        getElement().executeJs("const c = this.__modeler.get('canvas'); const reg = this.__modeler.get('elementRegistry');"
                + "(this.__problems || []).forEach(id => { if (reg.get(id)) c.removeMarker(id, 'ems-problem'); });"
                + "this.__problems = JSON.parse($0).filter(id => reg.get(id));"
                + "this.__problems.forEach(id => c.addMarker(id, 'ems-problem'));", BpmnViewer.toJson(elementIds));
    }

    /** Selects an element (and so fills the form), e.g. from the problem list. */
    public void select(String elementId) {
        getElement().executeJs("const m = this.__modeler; const el = m.get('elementRegistry').get($0);"
                + "if (el) { m.get('selection').select(el); m.get('canvas').scrollToElement && m.get('canvas').scrollToElement(el); }",
                elementId);
    }

    public void setSelectionListener(Consumer<Selection> listener) {
        this.selectionListener = listener;
    }

    public void setChangeListener(Consumer<String> listener) {
        this.changeListener = listener;
    }

    @ClientCallable
    private void selected(String id, String type, String name, String candidateGroups, String dueDate,
                          String documentation) {
        if (selectionListener != null) {
            selectionListener.accept(id == null ? null : new Selection(id, type, name, candidateGroups, dueDate, documentation));
        }
    }

    @ClientCallable
    private void changed() {
        if (changeListener != null) {
            changeListener.accept(null);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
