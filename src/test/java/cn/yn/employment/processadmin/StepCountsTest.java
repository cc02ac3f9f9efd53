package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.processadmin.ProcessAdminModels.ActivityCount;
import java.util.Map;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running instances per step when a task has a boundary event: the engine keeps one execution for the task and one
 * for the waiting boundary event, but it is one instance waiting in one step.
 */
class StepCountsTest extends ProcessAdminTestBase {

    static final String BOUNDARY_KEY = "paBoundaryTest";

    @Autowired
    ProcessInstanceDiagrams diagrams;

    /** The test model with a withdraw message on an interrupting boundary event of the city review. */
    private ProcessDefinition boundaryModel() {
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(BOUNDARY_KEY).latestVersion().singleResult();
        if (d != null) {
            return d;
        }
        String xml = resource(MODEL).replace("\"" + KEY + "\"", "\"" + BOUNDARY_KEY + "\"")
                .replace("<process ", "<message id=\"paWithdraw\" name=\"paWithdraw\"/><process ")
                .replace("<endEvent id=\"end\"", "<boundaryEvent id=\"withdrawn\" name=\"撤回\" attachedToRef=\"cityReview\""
                        + " cancelActivity=\"true\"><messageEventDefinition messageRef=\"paWithdraw\"/></boundaryEvent>"
                        + "<sequenceFlow id=\"fWithdrawn\" sourceRef=\"withdrawn\" targetRef=\"end\"/><endEvent id=\"end\"");
        assertThat(xml).contains("withdrawn").contains(BOUNDARY_KEY);
        repository.createDeployment().name("boundary test").addString(BOUNDARY_KEY + ".bpmn20.xml", xml).deploy();
        return repository.createProcessDefinitionQuery().processDefinitionKey(BOUNDARY_KEY).latestVersion().singleResult();
    }

    private String start(long enterpriseId) {
        return runtime.startProcessInstanceByKey(BOUNDARY_KEY, Map.of("kind", "REPORT", "subjectId", enterpriseId,
                "enterpriseId", enterpriseId, "cityCode", "530100", "enterpriseName", "边界事件企业" + enterpriseId)).getId();
    }

    @Test
    void aWaitingBoundaryEventIsCountedUnderItsTaskNotAsAStep() {
        ProcessDefinition d = boundaryModel();
        String first = start(9101);
        start(9102);
        assertThat(runtime.createExecutionQuery().processDefinitionId(d.getId()).activityId("withdrawn").count())
                .as("the engine does wait in the boundary event").isEqualTo(2);

        loginAdmin();
        assertThat(service.activityCounts(d.getId())).extracting(ActivityCount::activityId, ActivityCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cityReview", 2L));

        var diagram = diagrams.diagram(first);
        assertThat(diagram.activeActivityIds()).containsExactly("cityReview");
        assertThat(diagram.activeActivityNames()).containsExactly("市级审核");
    }
}
