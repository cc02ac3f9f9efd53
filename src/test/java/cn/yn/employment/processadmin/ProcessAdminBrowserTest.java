package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.ui.BrowserWaits;
import cn.yn.employment.ui.HeadlessChromium;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor in headless Debian chromium: log in as a process admin, rename a task through the modeler API, set a
 * due date through the property form, deploy, and check what the server received. Also takes the screenshots of
 * the user guide. Run with {@code -Pbrowser}; shares one application with the other browser classes that seed their
 * own data (its model has a key of its own).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", "management.server.port=0"})
class ProcessAdminBrowserTest {

    static final String PASSWORD = "Browser2026pw";
    static ChromeDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

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

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private WebDriverWait waitFor(int seconds) {
        return BrowserWaits.waitFor(driver, seconds);
    }

    private Object js(String script, Object... args) {
        return BrowserWaits.js(driver, script, args);
    }

    /** target/browser-screenshots, and the guides' folder with -Dems.screenshots.dir (see BrowserWaits). */
    private void screenshot(String name) {
        BrowserWaits.screenshot(driver, name.replace(".png", ""));
    }

    /** Clicks through JavaScript, so no overlay (dev-mode notifications) can intercept it. */
    private void click(String id) {
        js("arguments[0].click();", driver.findElement(By.id(id)));
    }

    private void setField(String id, String value) {
        WebElement input = driver.findElement(By.cssSelector("#" + id + " input, #" + id + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    private ProcessDefinition prepareModelAndAdmin() {
        ProcessAdminTestBase.loginAs(ProcessAdminTestBase.user("setup", Role.SYSTEM_ADMIN, Scope.system()));
        try {
            accounts.create(new UserForm("pa.browser", "流程管理员", null, null, Set.of(Role.PROCESS_ADMIN), Scope.system(), PASSWORD));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        repository.createDeployment().name("ems-processes")
                .addString("paTestReview.bpmn20.xml", ProcessAdminTestBase.resource(ProcessAdminTestBase.MODEL)).deploy();
        for (int i = 0; i < 5; i++) {
            String pi = runtime.startProcessInstanceByKey("paTestReview", "REPORT-" + i, Map.of("cityCode", "530100",
                    "enterpriseId", 900 + i, "kind", "REPORT", "subjectId", 900 + i)).getId();
            if (i < 2) {
                tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(), Map.of("decision", "APPROVE"));
            }
        }
        return repository.createProcessDefinitionQuery().processDefinitionKey("paTestReview").latestVersion().singleResult();
    }

    @Test
    void editRenameDeployAndTheServerReceivesValidXml() throws Exception {
        ProcessDefinition v1 = prepareModelAndAdmin();

        BrowserWaits.signIn(driver, port, "pa.browser", PASSWORD);
        waitFor(60).until(d -> !d.findElements(By.id("processadmin-home")).isEmpty());

        // the editor fits the shipped (wide) report chain beside the palette: no shape hides behind it; 校验 without
        // a change reports no change although bpmn-js rewrites the XML (drops cancelActivity="true", CDATA, order)
        driver.get(url("process/editor/reportReview"));
        waitFor(60).until(d -> ((Number) js("return document.querySelectorAll('#editor-modeler .djs-shape').length")).intValue() >= 10);
        BrowserWaits.settled(driver);
        @SuppressWarnings("unchecked")
        Map<String, Number> fit = (Map<String, Number>) js("const el = document.getElementById('editor-modeler');"
                + "const pal = el.querySelector('.djs-palette').getBoundingClientRect(); const box = el.getBoundingClientRect();"
                + "const rs = [...el.querySelectorAll('.djs-shape')].map(s => s.getBoundingClientRect());"
                + "return {palette: pal.right, left: Math.min(...rs.map(r => r.left)), right: Math.max(...rs.map(r => r.right)),"
                + " boxRight: box.right, top: Math.min(...rs.map(r => r.top)), bottom: Math.max(...rs.map(r => r.bottom)),"
                + " boxTop: box.top, boxBottom: box.bottom,"
                + " start: el.querySelector('[data-element-id=\"start\"]').getBoundingClientRect().left};");
        assertThat(fit.get("start").doubleValue()).as("start event right of the palette " + fit).isGreaterThan(fit.get("palette").doubleValue());
        assertThat(fit.get("left").doubleValue()).as("every shape right of the palette " + fit).isGreaterThan(fit.get("palette").doubleValue());
        assertThat(fit.get("right").doubleValue()).as("and inside the canvas " + fit).isLessThanOrEqualTo(fit.get("boxRight").doubleValue());
        assertThat(fit.get("top").doubleValue()).isGreaterThanOrEqualTo(fit.get("boxTop").doubleValue());
        assertThat(fit.get("bottom").doubleValue()).isLessThanOrEqualTo(fit.get("boxBottom").doubleValue());
        click("editor-validate");
        waitFor(60).until(d -> d.findElement(By.id("editor-changes")).getText().contains("没有元素级变更"));
        screenshot("processadmin-editor-fit.png");

        // the diagram view with running-instance counts
        driver.get(url("process/diagram/" + v1.getId()));
        waitFor(60).until(d -> d.findElements(By.cssSelector("#diagram-viewer .ems-count-badge")).size() >= 2);
        assertThat(driver.findElement(By.cssSelector("#diagram-viewer .ems-count-badge[data-activity='cityReview']")).getText())
                .isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("#diagram-viewer .bjs-powered-by")).isDisplayed()).isTrue();
        screenshot("processadmin-diagram.png");

        driver.get(url("process/definitions"));
        waitFor(60).until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[text()='paTestReview']")).isEmpty());
        js("arguments[0].click();", driver.findElement(By.xpath("//vaadin-grid-cell-content[text()='paTestReview']")));
        waitFor(30).until(d -> !d.findElements(By.id("action-edit")).isEmpty());
        BrowserWaits.settled(driver);
        screenshot("processadmin-definitions.png");

        // the editor: rename a task through the modeler API
        driver.get(url("process/editor/paTestReview"));
        waitFor(60).until(d -> ((Number) js("return document.querySelectorAll('#editor-modeler .djs-shape').length")).intValue() >= 7);
        assertThat(driver.findElement(By.cssSelector("#editor-modeler .bjs-powered-by")).isDisplayed()).isTrue();
        js("const m = window.__emsModeler; m.get('modeling').updateLabel(m.get('elementRegistry').get('cityReview'), '市级审核（浏览器修改）');");

        // select the province task: its properties come to the server-side form; set a due date there
        js("const m = window.__emsModeler; m.get('selection').select(m.get('elementRegistry').get('provinceReview'));");
        waitFor(30).until(d -> "省级审核".equals(d.findElement(By.cssSelector("#prop-name input")).getDomProperty("value")));
        assertThat(driver.findElement(By.cssSelector("#prop-candidate-groups input")).getDomProperty("value")).isEqualTo("province");
        setField("prop-due-date", "P4D");
        setField("prop-documentation", "省级审核，4 天内完成");
        click("prop-apply");
        waitFor(30).until(d -> "P4D".equals(js("const m = window.__emsModeler; return m.get('elementRegistry').get('provinceReview').businessObject.$attrs['flowable:dueDate'];")));

        click("editor-validate");
        waitFor(30).until(d -> d.findElement(By.id("editor-status")).getText().contains("校验通过"));
        screenshot("processadmin-editor.png");

        // an unknown candidate group is refused by validation and outlined in red on the canvas
        js("const m = window.__emsModeler; m.get('selection').select(m.get('elementRegistry').get('revise'));");
        waitFor(30).until(d -> "企业修改".equals(d.findElement(By.cssSelector("#prop-name input")).getDomProperty("value")));
        setField("prop-candidate-groups", "admins");
        click("prop-apply");
        waitFor(30).until(d -> "admins".equals(js("const m = window.__emsModeler; return m.get('elementRegistry').get('revise').businessObject.$attrs['flowable:candidateGroups'];")));
        click("editor-validate");
        waitFor(30).until(d -> !d.findElements(By.cssSelector("#editor-modeler .djs-element.ems-problem")).isEmpty());
        assertThat(driver.findElement(By.id("editor-problems")).getText()).contains("admins");
        screenshot("processadmin-problems.png");
        js("window.__emsModeler.get('commandStack').undo();");
        waitFor(30).until(d -> js("const m = window.__emsModeler; return m.get('elementRegistry').get('revise').businessObject.$attrs['flowable:candidateGroups'] || null;") == null);

        setField("deploy-comment", "浏览器测试：市级环节改名，省级时限 4 天");
        click("editor-deploy");
        waitFor(60).until(d -> d.findElement(By.id("editor-status")).getText().contains(String.valueOf(v1.getVersion() + 1)));

        ProcessDefinition v2 = repository.createProcessDefinitionQuery().processDefinitionKey("paTestReview").latestVersion().singleResult();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
        String xml = new String(repository.getProcessModel(v2.getId()).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("name=\"市级审核（浏览器修改）\"").contains("flowable:dueDate=\"P4D\"")
                .contains("省级审核，4 天内完成").contains("flowable:candidateGroups=\"city:${cityCode}\"");
        assertThat(repository.getBpmnModel(v2.getId()).getMainProcess().getFlowElement("cityReview").getName())
                .isEqualTo("市级审核（浏览器修改）");
        screenshot("processadmin-deployed.png");

        // a process instance with its current step highlighted
        String pi = runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).list().get(0).getId();
        driver.get(url("process/instance/" + pi));
        waitFor(60).until(d -> !d.findElements(By.cssSelector("#instance-viewer .djs-element.ems-active")).isEmpty());
        screenshot("processadmin-instance.png");
    }
}
