package cn.yn.employment.processadmin.ui;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.processadmin.ProcessAdminModels.ActivityCount;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessAdminService;
import cn.yn.employment.ui.HasViewTitle;
import cn.yn.employment.ui.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One definition version in the bpmn-js viewer with the number of running instances waiting in each activity. */
@Route(value = "process/diagram/:definitionId", layout = MainLayout.class)
@RolesAllowed(Role.PROCESS_ADMIN_)
public class DiagramView extends VerticalLayout implements BeforeEnterObserver, HasViewTitle {

    private final transient ProcessAdminService service;
    final BpmnViewer viewer = new BpmnViewer();
    final Grid<ActivityCount> counts = new Grid<>();
    private String title = "";

    public DiagramView(ProcessAdminService service) {
        this.service = service;
        setId("process-diagram");
        setWidthFull();
        viewer.setId("diagram-viewer");
        counts.setId("diagram-counts");
        counts.addThemeVariants(GridVariant.LUMO_COMPACT);
        counts.addColumn(a -> a.name() == null ? a.activityId() : a.name() + " (" + a.activityId() + ")")
                .setHeader(getTranslation("processadmin.col.activity")).setFlexGrow(1);
        counts.addColumn(ActivityCount::count).setHeader(getTranslation("processadmin.col.count")).setAutoWidth(true);
        counts.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("definitionId").orElse("");
        DefinitionVersion d;
        try {
            d = service.definition(id);
        } catch (cn.yn.employment.common.DomainException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        title = getTranslation("processadmin.diagram.title", d.name() == null ? d.key() : d.name(), d.version());
        List<ActivityCount> list = service.activityCounts(id);
        Map<String, Long> byActivity = new LinkedHashMap<>();
        list.forEach(a -> byActivity.put(a.activityId(), a.count()));
        removeAll();
        add(viewer);
        viewer.importXml(service.xml(id)).whenComplete((warnings, err) -> {
            if (err == null) {
                viewer.showCounts(byActivity);
            }
        });
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("processadmin.activities.none")));
        } else {
            counts.setItems(list);
            add(counts);
        }
    }

    @Override
    public String viewTitle() {
        return title;
    }
}
