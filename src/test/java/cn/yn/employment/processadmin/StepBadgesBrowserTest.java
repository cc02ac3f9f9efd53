package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The definition diagram's count badges as bpmn-js draws them: a task with a waiting boundary event gets one badge
 * (not one for the event as well), and no badge covers a label. Run with {@code -Pbrowser}; shares one application
 * with the other browser classes that seed their own data (its model has a key of its own).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "management.server.port=0"})
class StepBadgesBrowserTest {

    static final String PASSWORD = "Badges2026pw";
    static final String KEY = "paBadgeTest";
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(1600, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The process-admin test model with a named withdraw boundary event on the city review's lower edge. */
    private ProcessDefinition boundaryModel() {
        String xml = ProcessAdminTestBase.resource(ProcessAdminTestBase.MODEL)
                .replace("\"" + ProcessAdminTestBase.KEY + "\"", "\"" + KEY + "\"")
                .replace("<process ", "<message id=\"badgeWithdraw\" name=\"badgeWithdraw\"/><process ")
                .replace("<endEvent id=\"end\"", "<boundaryEvent id=\"withdrawn\" name=\"企业撤回\" attachedToRef=\"cityReview\""
                        + " cancelActivity=\"true\"><messageEventDefinition messageRef=\"badgeWithdraw\"/></boundaryEvent>"
                        + "<sequenceFlow id=\"fWithdrawn\" sourceRef=\"withdrawn\" targetRef=\"end\"/><endEvent id=\"end\"")
                .replace("<bpmndi:BPMNEdge id=\"f1_di\"", "<bpmndi:BPMNShape id=\"withdrawn_di\" bpmnElement=\"withdrawn\">"
                        + "<omgdc:Bounds x=\"254\" y=\"240\" width=\"36\" height=\"36\"/></bpmndi:BPMNShape>"
                        + "<bpmndi:BPMNEdge id=\"fWithdrawn_di\" bpmnElement=\"fWithdrawn\"><omgdi:waypoint x=\"272\" y=\"276\"/>"
                        + "<omgdi:waypoint x=\"272\" y=\"440\"/><omgdi:waypoint x=\"718\" y=\"440\"/><omgdi:waypoint x=\"718\" y=\"236\"/>"
                        + "</bpmndi:BPMNEdge><bpmndi:BPMNEdge id=\"f1_di\"");
        assertThat(xml).contains("withdrawn_di").contains(KEY);
        repository.createDeployment().name("badge test").addString(KEY + ".bpmn20.xml", xml).deploy();
        return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    }

    @Test
    void oneBadgePerStepAndNoneCoversALabel() {
        ProcessAdminTestBase.loginAs(ProcessAdminTestBase.user("setup", Role.SYSTEM_ADMIN, Scope.system()));
        try {
            accounts.create(new UserForm("pa.badges", "流程管理员", null, null, Set.of(Role.PROCESS_ADMIN), Scope.system(), PASSWORD));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        ProcessDefinition d = boundaryModel();
        for (int i = 0; i < 3; i++) {
            runtime.startProcessInstanceByKey(KEY, Map.of("cityCode", "530100", "enterpriseId", 950 + i,
                    "kind", "REPORT", "subjectId", 950 + i));
        }

        BrowserWaits.signIn(driver, port, "pa.badges", PASSWORD);
        BrowserWaits.waitFor(driver, 60).until(x -> !x.findElements(By.id("processadmin-home")).isEmpty());

        BrowserWaits.open(driver, port, "process/diagram/" + d.getId());
        BrowserWaits.waitFor(driver, 60).until(x -> !x.findElements(By.cssSelector("#diagram-viewer .ems-count-badge")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#diagram-viewer .djs-element[data-element-id='withdrawn']")))
                .as("the boundary event is drawn").isNotEmpty();
        List<WebElement> badges = driver.findElements(By.cssSelector("#diagram-viewer .ems-count-badge"));
        assertThat(badges).extracting(b -> b.getAttribute("data-activity") + "=" + b.getText()).containsExactly("cityReview=3");

        @SuppressWarnings("unchecked")
        List<String> covered = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const box = e => e.getBoundingClientRect();
                const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                const labels = [...document.querySelectorAll('#diagram-viewer .djs-label')]
                    .filter(l => l.textContent.trim().length > 0);
                const out = [];
                document.querySelectorAll('#diagram-viewer .ems-count-badge').forEach(b => labels.forEach(l => {
                    if (overlap(box(b), box(l))) out.push(b.getAttribute('data-activity') + ' covers ' + l.textContent.trim());
                }));
                return out;
                """);
        assertThat(labels()).as("labels found to compare with").contains("市级审核", "企业撤回");
        assertThat(covered).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> labels() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#diagram-viewer .djs-label')].map(l => l.textContent.trim());");
    }
}
