package cn.yn.employment.processadmin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ProcessInstanceList.Row;
import cn.yn.employment.processadmin.ui.DefinitionsView;
import cn.yn.employment.processadmin.ui.InstanceDiagramView;
import cn.yn.employment.processadmin.ui.InstancesView;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.ProcessDiagramProvider;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The running-instance list in Karibu: filters, numbered pages, rows opening the diagram, and the entry points. */
class InstancesViewTest extends ProcessAdminTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ProcessDiagramProvider diagrams;

    void openAs(CurrentUser user) {
        loginAs(user);
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Row> grid() {
        return (Grid<Row>) _get(Grid.class, s -> s.withId("instances-grid"));
    }

    private static List<Row> rows() {
        return grid().getGenericDataView().getItems().toList();
    }

    @Test
    void searchPagesAndOpenTheDiagramFromARow() {
        testModel();
        String tag = "视图" + UUID.randomUUID().toString().substring(0, 6);
        List<String> started = IntStream.range(0, 22).mapToObj(i -> runtime.startProcessInstanceByKey(KEY, "REPORT-" + i,
                java.util.Map.of("kind", "REPORT", "subjectId", 9300 + i, "enterpriseId", 9300 + i, "cityCode", "530100",
                        "enterpriseName", tag + "企业" + i, "uscc", ("USCC" + tag + i).toUpperCase(), "periodCode", "2026-08")).getId()).toList();
        openAs(admin());
        UI.getCurrent().navigate(ProcessInstanceList.ROUTE, com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("key", KEY)));
        InstancesView view = (InstancesView) UI.getCurrent().getCurrentView();
        @SuppressWarnings("unchecked")
        Select<String> process = (Select<String>) _get(Select.class, s -> s.withId("instances-process"));
        assertThat(process.getValue()).isEqualTo(KEY);

        _setValue(_get(TextField.class, s -> s.withId("instances-enterprise")), tag);
        _click(_get(Button.class, s -> s.withId("instances-search")));
        assertThat(rows()).hasSize(InstancesView.PAGE_SIZE);
        assertThat(_get(Span.class, s -> s.withId("instances-page")).getText())
                .isEqualTo(view.getTranslation("processadmin.instances.pageInfo", 1, 2, 22));
        assertThat(_get(Button.class, s -> s.withId("instances-previous")).isEnabled()).isFalse();
        _click(_get(Button.class, s -> s.withId("instances-next")));
        assertThat(rows()).hasSize(2);
        assertThat(_get(Button.class, s -> s.withId("instances-next")).isEnabled()).isFalse();

        _setValue(_get(TextField.class, s -> s.withId("instances-uscc")), ("uscc" + tag + "7").toLowerCase());
        _click(_get(Button.class, s -> s.withId("instances-search")));
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat(r.processInstanceId()).isEqualTo(started.get(7));
            assertThat(r.stepNames()).containsExactly("市级审核");
        });
        Anchor link = (Anchor) GridKt._getCellComponent(grid(), 0, "diagram");
        assertThat(link.getHref()).isEqualTo("process/instance/" + started.get(7));

        GridKt._clickItem(grid(), 0);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(InstanceDiagramView.class);
    }

    @Test
    void aVersionOnTheDefinitionsPageOpensItsRunningInstances() {
        testModel();
        runtime.startProcessInstanceByKey(KEY, "REPORT-x", java.util.Map.of("kind", "REPORT", "subjectId", 9399,
                "enterpriseId", 9399, "cityCode", "530100", "enterpriseName", "版本入口企业"));
        openAs(admin());
        UI.getCurrent().navigate("process/definitions");
        DefinitionsView defs = (DefinitionsView) UI.getCurrent().getCurrentView();
        @SuppressWarnings("unchecked")
        Grid<DefinitionVersion> g = (Grid<DefinitionVersion>) _get(defs, Grid.class, s -> s.withId("definitions-grid"));
        DefinitionVersion latest = g.getGenericDataView().getItems().filter(d -> d.key().equals(KEY) && d.latest())
                .findFirst().orElseThrow();
        g.select(latest);
        _click(_get(Button.class, s -> s.withId("action-instances")));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(InstancesView.class);
        @SuppressWarnings("unchecked")
        Select<String> version = (Select<String>) _get(Select.class, s -> s.withId("instances-version"));
        assertThat(version.getValue()).isEqualTo(latest.id());
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.definitionId()).isEqualTo(latest.id()));
    }

    @Test
    void theDiagramInsideAReviewItemLinksToTheFullPageForAReviewerInScopeOnly() {
        testModel();
        String pi = startInstance("530100", 9401);
        openAs(user("km-rev", Role.CITY_REVIEWER, Scope.city("530100")));
        Component panel = diagrams.diagram(pi).orElseThrow();
        Anchor open = _get(panel, Anchor.class, s -> s.withId("instance-open-" + pi));
        assertThat(open.getHref()).isEqualTo(ProcessInstanceDiagrams.path(pi));
        KaribuSpring.tearDown();
        openAs(user("qj-rev", Role.CITY_REVIEWER, Scope.city("530300")));
        assertThat(diagrams.diagram(pi)).as("another city's reviewer gets no diagram and no link").isEmpty();
    }

    @Test
    void nobodyElseReachesTheList() {
        testModel();
        for (Role role : Role.values()) {
            if (role == Role.PROCESS_ADMIN) {
                continue;
            }
            Scope scope = switch (role) {
                case ENTERPRISE -> Scope.enterprise(1);
                case CITY_REVIEWER -> Scope.city("530100");
                case PROVINCE_REVIEWER, LEADER -> Scope.province();
                default -> Scope.system();
            };
            openAs(user("iv" + role, role, scope));
            try {
                UI.getCurrent().navigate(ProcessInstanceList.ROUTE);
            } catch (RuntimeException e) {
                // the access checker may also refuse by throwing
            }
            assertThat(UI.getCurrent().getCurrentView()).as(role.name()).isNotInstanceOf(InstancesView.class);
            KaribuSpring.tearDown();
        }
    }
}
