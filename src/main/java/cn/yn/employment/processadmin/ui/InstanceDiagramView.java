package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.InstanceDiagram;
import cn.yn.employment.processadmin.ProcessInstanceDiagrams;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A process instance's diagram with its current step highlighted, linked from a report's or filing's timeline
 * ({@link ProcessInstanceDiagrams#path}). The service checks that the user may see this instance.
 */
@Route(value = ProcessInstanceDiagrams.ROUTE + "/:processInstanceId", layout = MainLayout.class)
@RolesAllowed({Role.PROCESS_ADMIN_, Role.CITY_REVIEWER_, Role.PROVINCE_REVIEWER_, Role.ENTERPRISE_})
public class InstanceDiagramView extends VerticalLayout implements BeforeEnterObserver, HasViewTitle {

    private final transient ProcessInstanceDiagrams diagrams;
    final BpmnViewer viewer = new BpmnViewer();
    private String title = "";

    public InstanceDiagramView(ProcessInstanceDiagrams diagrams) {
        this.diagrams = diagrams;
        setId("process-instance");
        setWidthFull();
        viewer.setId("instance-viewer");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("processInstanceId").orElse("");
        InstanceDiagram d;
        try {
            d = diagrams.diagram(id);
        } catch (org.springframework.security.access.AccessDeniedException | cn.yn.employment.common.DomainException e) {
            // outside the user's scope, or no such instance: the same answer, so ids cannot be probed
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        title = getTranslation("processadmin.instance.title", d.processInstanceId(), d.definitionName(), d.version());
        removeAll();
        Paragraph state = new Paragraph(d.ended() ? getTranslation("processadmin.instance.ended")
                : getTranslation("processadmin.instance.current", String.join("、", d.activeActivityNames())));
        state.setId("instance-state");
        Paragraph legend = new Paragraph(getTranslation("processadmin.instance.legend"));
        legend.addClassName("ems-muted");
        add(state, viewer, legend);
        viewer.importXml(d.xml()).whenComplete((w, err) -> {
            if (err == null) {
                viewer.highlight(d.activeActivityIds(), d.completedActivityIds());
            }
        });
    }

    @Override
    public String viewTitle() {
        return title;
    }
}
