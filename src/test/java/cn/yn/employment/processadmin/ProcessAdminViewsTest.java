package cn.yn.employment.processadmin;

import cn.yn.employment.ui.KaribuSpring;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.processadmin.ProcessAdminModels.DefinitionVersion;
import cn.yn.employment.processadmin.ui.DefinitionsView;
import cn.yn.employment.processadmin.ui.DiagramView;
import cn.yn.employment.processadmin.ui.EditorView;
import cn.yn.employment.processadmin.ui.FailedJobsView;
import cn.yn.employment.processadmin.ui.InstanceDiagramView;
import cn.yn.employment.ui.HomeView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The views in Karibu: what a process admin sees, and that nobody else gets in. */
class ProcessAdminViewsTest extends ProcessAdminTestBase {

    @Autowired
    ApplicationContext ctx;

    void openAs(CurrentUser user) {
        loginAs(user);
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    private Component currentView() {
        return UI.getCurrent().getCurrentView();
    }

    @Test
    void theEditorShowsModellingWarningsThatDoNotBlockDeployment() {
        testModel();
        openAs(admin());
        UI.getCurrent().navigate("process/editor/" + KEY);
        EditorView editor = (EditorView) currentView();
        // the test model lists no <incoming>/<outgoing>: bpmnlint's no-disconnected and implicit start/end
        // what the Validate button does once the browser has sent the model (no browser in Karibu); called on the
        // view itself, not its method-security proxy, whose security context Karibu does not provide
        loginAdmin();
        org.springframework.test.util.AopTestUtils.<EditorView>getUltimateTargetObject(editor).runValidation(resource(MODEL));
        @SuppressWarnings("unchecked")
        Grid<ValidationProblem> warnings = (Grid<ValidationProblem>) _get(editor, Grid.class, s -> s.withId("editor-warnings"));
        List<ValidationProblem> shown = warnings.getGenericDataView().getItems().toList();
        assertThat(warnings.isVisible()).isTrue();
        assertThat(shown).extracting(ValidationProblem::elementId, ValidationProblem::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("cityReview", "no-disconnected"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(editor, Grid.class, s -> s.withId("editor-problems")))
                .as("no blocking problem: the problems grid stays hidden").isEmpty();
        assertThat(_get(editor, com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("editor-status")).getText())
                .isEqualTo(editor.getTranslation("processadmin.editor.validWithWarnings", shown.size()))
                .contains(Integer.toString(shown.size()));
        for (ValidationProblem w : shown) {
            assertThat(editor.getTranslation(w.messageKey(), w.detail())).as(w.messageKey())
                    .doesNotContain(w.messageKey()).contains(w.detail());
        }

        // warnings are advice: the same model deploys
        loginAdmin();
        int before = testModel().getVersion();
        assertThat(service.deploy(KEY, resource(MODEL), "warnings do not block").version()).isEqualTo(before + 1);
    }

    @Test
    void adminSeesDefinitionsWithRunningCountsAndTheAutoDeployer() {
        testModel();
        String pi = startInstance("530100", 501);
        openAs(admin());
        UI.getCurrent().navigate("process/definitions");
        DefinitionsView view = (DefinitionsView) currentView();
        @SuppressWarnings("unchecked")
        Grid<DefinitionVersion> grid = (Grid<DefinitionVersion>) _get(view, Grid.class, spec -> spec.withId("definitions-grid"));
        List<DefinitionVersion> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo(KEY);
            assertThat(d.runningInstances()).isGreaterThanOrEqualTo(1);
        });
        DefinitionVersion latest = rows.stream().filter(d -> d.key().equals(KEY) && d.latest()).findFirst().orElseThrow();
        grid.select(latest);
        assertThat(_get(view, com.vaadin.flow.component.button.Button.class, s -> s.withId("action-edit")).isVisible()).isTrue();

        UI.getCurrent().navigate("process/diagram/" + latest.id());
        assertThat(currentView()).isInstanceOf(DiagramView.class);
        UI.getCurrent().navigate("process/editor/" + KEY);
        assertThat(currentView()).isInstanceOf(EditorView.class);
        UI.getCurrent().navigate("process/jobs");
        assertThat(currentView()).isInstanceOf(FailedJobsView.class);
        UI.getCurrent().navigate("process/instance/" + pi);
        assertThat(currentView()).isInstanceOf(InstanceDiagramView.class);
        UI.getCurrent().navigate("");
        assertThat(currentView()).isInstanceOf(HomeView.class);
        assertThat(_get(Div.class, s -> s.withId("processadmin-home-running")).getElement().getTextRecursively())
                .containsPattern("\\d");
    }

    @Test
    void otherRolesDoNotReachTheAdminViews() {
        String defId = testModel().getId();
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
            openAs(user("v" + role, role, scope));
            for (String path : List.of("process/definitions", "process/diagram/" + defId, "process/editor/" + KEY, "process/jobs")) {
                try {
                    UI.getCurrent().navigate(path);
                } catch (RuntimeException e) {
                    // the access checker may also refuse by throwing
                }
                assertThat(currentView()).as(role + " " + path)
                        .isNotInstanceOfAny(DefinitionsView.class, DiagramView.class, EditorView.class, FailedJobsView.class);
            }
            KaribuSpring.tearDown();
        }
    }

    @Test
    void instanceViewRefusesAReviewerOfAnotherCity() {
        testModel();
        String pi = startInstance("530100", 502);
        openAs(user("qj", Role.CITY_REVIEWER, Scope.city("530300")));
        try {
            UI.getCurrent().navigate("process/instance/" + pi);
        } catch (RuntimeException e) {
            // refused
        }
        assertThat(currentView()).isNotInstanceOf(InstanceDiagramView.class);
        KaribuSpring.tearDown();
        openAs(user("km", Role.CITY_REVIEWER, Scope.city("530100")));
        UI.getCurrent().navigate("process/instance/" + pi);
        assertThat(currentView()).isInstanceOf(InstanceDiagramView.class);
    }
}
