package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceDiagram;
import cn.yn.employment.processadmin.ProcessInstanceDiagrams;
import cn.yn.employment.ui.ProcessDiagramProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The instance diagram (current step blue, the path taken green) as a panel for other modules' views, e.g. the review
 * item dialog. {@link ProcessInstanceDiagrams#diagram} checks that the user may see the instance.
 */
@org.springframework.stereotype.Component
class InstanceDiagramPanel implements ProcessDiagramProvider {

    private final ProcessInstanceDiagrams diagrams;

    InstanceDiagramPanel(ProcessInstanceDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    @Override
    public Optional<Component> diagram(String processInstanceId) {
        InstanceDiagram d;
        try {
            d = diagrams.diagram(processInstanceId);
        } catch (AccessDeniedException | DomainException e) {
            return Optional.empty();
        }
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.addClassName("ems-instance-diagram");
        Paragraph state = new Paragraph(d.ended() ? panel.getTranslation("processadmin.instance.ended")
                : panel.getTranslation("processadmin.instance.current", String.join("、", d.activeActivityNames())));
        state.addClassName("ems-instance-state");
        BpmnViewer viewer = new BpmnViewer();
        viewer.setHeight("320px");
        Paragraph legend = new Paragraph(panel.getTranslation("processadmin.instance.legend"));
        legend.addClassName("ems-muted");
        // the full-page diagram (process/instance/<id>), e.g. from the review item: larger, and a link to share
        com.vaadin.flow.component.html.Anchor open = new com.vaadin.flow.component.html.Anchor(
                ProcessInstanceDiagrams.path(processInstanceId), panel.getTranslation("processadmin.instance.openFull"));
        open.setTarget("_blank");
        open.addClassName("ems-instance-open");
        open.setId("instance-open-" + processInstanceId);
        panel.add(state, viewer, new com.vaadin.flow.component.html.Div(legend, open));
        viewer.importXml(d.xml()).whenComplete((w, err) -> {
            if (err == null) {
                viewer.highlight(d.activeActivityIds(), d.completedActivityIds());
            }
        });
        return Optional.of(panel);
    }

    @Override
    public String path(String processInstanceId) {
        return ProcessInstanceDiagrams.path(processInstanceId);
    }
}
