package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.flowable.common.engine.api.FlowableException;

/** Each model of the corpus is refused with its reason, and nothing at all is deployed. */
class MaliciousModelCorpusTest extends ProcessAdminTestBase {

    static final String GOOD = resource(MODEL);

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("script task",
                        GOOD.replace("<endEvent id=\"end\"", "<scriptTask id=\"evil\" scriptFormat=\"groovy\"><script>"
                                + "'rm -rf /'.execute()</script></scriptTask><endEvent id=\"end\""),
                        "processadmin.problem.scriptTask", "evil"),
                Arguments.of("XXE with an external entity",
                        GOOD.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                                .replace("市级审核环节", "&xxe;"),
                        "processadmin.problem.doctype", null),
                Arguments.of("T(java.lang.Runtime) in a condition",
                        GOOD.replace("<![CDATA[${decision == 'APPROVE'}]]></conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\"",
                                "<![CDATA[${T(java.lang.Runtime).getRuntime().exec('x')}]]></conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\""),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("flowable:class delegate",
                        GOOD.replace("<endEvent id=\"end\"", "<serviceTask id=\"evilTask\" flowable:class=\"com.evil.Delegate\"/><endEvent id=\"end\""),
                        "processadmin.problem.classDelegate", "evilTask"),
                Arguments.of("huge file",
                        GOOD.replace("市级审核环节", "x".repeat(600 * 1024)),
                        "processadmin.problem.tooLarge", null),
                // issue 14 S4: the size check comes before any parsing, so a 50 MB upload costs one length check
                Arguments.of("50 MB file",
                        GOOD.replace("市级审核环节", "x".repeat(50 * 1024 * 1024)),
                        "processadmin.problem.tooLarge", null),
                Arguments.of("billion laughs (nested internal entities)",
                        GOOD.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<!DOCTYPE definitions [<!ENTITY lol \"lol\">"
                                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                                + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>")
                                .replace("市级审核环节", "&lol9;"),
                        "processadmin.problem.doctype", null),
                Arguments.of("XXE through a parameter entity",
                        GOOD.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<!DOCTYPE definitions [<!ENTITY % ext SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %ext;]>"),
                        "processadmin.problem.doctype", null),
                Arguments.of("changed key",
                        GOOD.replace("id=\"paTestReview\"", "id=\"someOtherProcess\"").replace("bpmnElement=\"paTestReview\"", "bpmnElement=\"someOtherProcess\""),
                        "processadmin.problem.keyChanged", "someOtherProcess"),
                Arguments.of("unknown candidate group",
                        GOOD.replace("flowable:candidateGroups=\"city:${cityCode}\"", "flowable:candidateGroups=\"admins\""),
                        "processadmin.problem.unknownGroup", "cityReview"),
                Arguments.of("deferred #{} expression",
                        GOOD.replace("flowable:assignee=\"enterprise:${enterpriseId}\"", "flowable:assignee=\"#{applicationContext}\""),
                        "processadmin.problem.unsafeExpression", "revise"),
                Arguments.of("flowable:expression service task",
                        GOOD.replace("<endEvent id=\"end\"", "<serviceTask id=\"exprTask\" flowable:expression=\"${x}\"/><endEvent id=\"end\""),
                        "processadmin.problem.expressionDelegate", "exprTask"),
                Arguments.of("delegate bean not on the allow-list",
                        GOOD.replace("<endEvent id=\"end\"", "<serviceTask id=\"beanTask\" flowable:delegateExpression=\"${dataSource}\"/><endEvent id=\"end\""),
                        "processadmin.problem.beanNotAllowed", "beanTask"),
                Arguments.of("expression reaching a bean",
                        GOOD.replace("flowable:dueDate=\"P5D\"", "flowable:dueDate=\"${dataSource}\""),
                        "processadmin.problem.unsafeExpression", "cityReview"),
                Arguments.of("method call on a variable",
                        GOOD.replace("flowable:assignee=\"enterprise:${enterpriseId}\"", "flowable:assignee=\"${execution.getEngineServices()}\""),
                        "processadmin.problem.unsafeExpression", "revise"),
                Arguments.of("shell task",
                        GOOD.replace("<endEvent id=\"end\"", "<serviceTask id=\"shellTask\" flowable:type=\"shell\"/><endEvent id=\"end\""),
                        "processadmin.problem.taskType", "shellTask"),
                Arguments.of("script task listener",
                        GOOD.replace("<documentation>企业修改环节</documentation>", "<documentation>企业修改环节</documentation><extensionElements>"
                                + "<flowable:taskListener event=\"create\" type=\"script\"><flowable:script language=\"groovy\">1</flowable:script>"
                                + "</flowable:taskListener></extensionElements>"),
                        "processadmin.problem.scriptTask", "revise"),
                Arguments.of("class listener",
                        GOOD.replace("<documentation>企业修改环节</documentation>", "<documentation>企业修改环节</documentation><extensionElements>"
                                + "<flowable:executionListener event=\"start\" class=\"com.evil.Listener\"/></extensionElements>"),
                        "processadmin.problem.classDelegate", "revise"),
                // --- split expressions: each piece looks harmless, the engine reads them joined ---------------
                Arguments.of("condition split by a CDATA boundary", condition("$<![CDATA[{dataSource != null}]]>"),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("condition split by an empty comment", condition("$<!---->{dataSource != null}"),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("condition split by a comment and CDATA", condition("${data<!-- x -->Source != null}"),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("condition from character references", condition("&#36;&#123;dataSource != null&#125;"),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("getClass() walk behind a comment",
                        condition("$<!---->{decision.getClass().forName('java.lang.Runtime') != null}"),
                        "processadmin.problem.unsafeExpression", "f3"),
                Arguments.of("getClass() walk in an entity-encoded attribute",
                        GOOD.replace("flowable:assignee=\"enterprise:${enterpriseId}\"",
                                "flowable:assignee=\"&#36;{enterpriseId.getClass()}\""),
                        "processadmin.problem.unsafeExpression", "revise"),
                Arguments.of("timer duration split by CDATA", withBoundary("cityReview",
                                "<timerEventDefinition><timeDuration>$<![CDATA[{jdbcTemplate}]]></timeDuration></timerEventDefinition>", true),
                        "processadmin.problem.unsafeExpression", "tick"),
                Arguments.of("field extension of an allowed listener split by a comment",
                        GOOD.replace("<documentation>企业修改环节</documentation>", "<documentation>企业修改环节</documentation><extensionElements>"
                                + "<flowable:taskListener event=\"create\" delegateExpression=\"${reportTaskListener}\">"
                                + "<flowable:field name=\"x\"><flowable:expression>$<!---->{dataSource}</flowable:expression></flowable:field>"
                                + "</flowable:taskListener></extensionElements>"),
                        "processadmin.problem.unsafeExpression", "revise"),
                Arguments.of("data object value from character references",
                        GOOD.replace("<startEvent id=\"start\"", "<dataObject id=\"obj\" name=\"obj\" itemSubjectRef=\"xsd:string\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                                + "<extensionElements><flowable:value>&#36;&#123;dataSource&#125;</flowable:value></extensionElements></dataObject>"
                                + "<startEvent id=\"start\""),
                        "processadmin.problem.unsafeExpression", "obj"),
                Arguments.of("form property expression",
                        GOOD.replace("<documentation>企业修改环节</documentation>", "<documentation>企业修改环节</documentation><extensionElements>"
                                + "<flowable:formProperty id=\"p\" expression=\"&#36;{environment}\"/></extensionElements>"),
                        "processadmin.problem.unsafeExpression", "revise"),
                // --- scripts --------------------------------------------------------------------------------------
                Arguments.of("script condition (language attribute)",
                        GOOD.replace("<conditionExpression xsi:type=\"tFormalExpression\"><![CDATA[${decision == 'APPROVE'}]]></conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\"",
                                "<conditionExpression xsi:type=\"tFormalExpression\" language=\"groovy\"><![CDATA[decision == 'APPROVE']]></conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\""),
                        "processadmin.problem.scriptLanguage", "f3"),
                Arguments.of("call activity",
                        GOOD.replace("<endEvent id=\"end\"", "<callActivity id=\"caller\" calledElement=\"reportReview\"/><endEvent id=\"end\""),
                        "processadmin.problem.elementNotAllowed", "caller"),
                Arguments.of("http task",
                        GOOD.replace("<endEvent id=\"end\"", "<serviceTask id=\"web\" flowable:type=\"http\"/><endEvent id=\"end\""),
                        "processadmin.problem.taskType", "web"),
                // --- runaway timers and loops ----------------------------------------------------------------------
                Arguments.of("a million repetitions with no interval", withBoundary("cityReview", cycle("R1000000/PT0S"), false),
                        "processadmin.problem.timerRepetitions", "tick"),
                Arguments.of("every second", withBoundary("cityReview", cycle("R5/PT1S"), false),
                        "processadmin.problem.timerInterval", "tick"),
                Arguments.of("endless cycle", withBoundary("cityReview", cycle("R/PT1S"), false),
                        "processadmin.problem.timerUnbounded", "tick"),
                Arguments.of("cron cycle", withBoundary("cityReview", cycle("0/1 * * * * ?"), false),
                        "processadmin.problem.timerCycleForm", "tick"),
                Arguments.of("cycle from a variable", withBoundary("cityReview", cycle("${cycle}"), false),
                        "processadmin.problem.timerCycleForm", "tick"),
                Arguments.of("job retry cycle of a million",
                        GOOD.replace("<documentation>市级审核环节</documentation>", "<documentation>市级审核环节</documentation><extensionElements>"
                                + "<flowable:failedJobRetryTimeCycle>R1000000/PT0S</flowable:failedJobRetryTimeCycle></extensionElements>"),
                        "processadmin.problem.timerRepetitions", "cityReview"),
                Arguments.of("ten million instances", loop("<loopCardinality>10000000</loopCardinality>"),
                        "processadmin.problem.loopCardinality", "revise"),
                Arguments.of("cardinality from a variable", loop("<loopCardinality>${n}</loopCardinality>"),
                        "processadmin.problem.loopForm", "revise"),
                Arguments.of("loop over a collection variable", loop("").replace("<multiInstanceLoopCharacteristics isSequential=\"false\">",
                                "<multiInstanceLoopCharacteristics isSequential=\"false\" flowable:collection=\"${items}\" flowable:elementVariable=\"item\">"),
                        "processadmin.problem.loopForm", "revise"));
    }

    /** The test model with the city decision's APPROVE condition replaced by {@code body} (raw XML). */
    static String condition(String body) {
        return replaced(GOOD, "<![CDATA[${decision == 'APPROVE'}]]></conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\"",
                body + "</conditionExpression></sequenceFlow>\n    <sequenceFlow id=\"f4\"");
    }

    static String cycle(String cycle) {
        return "<timerEventDefinition><timeCycle>" + cycle + "</timeCycle></timerEventDefinition>";
    }

    /** A boundary event {@code tick} on {@code task} with the given event definition, leading to the end. */
    static String withBoundary(String task, String definition, boolean interrupting) {
        return replaced(GOOD, "<endEvent id=\"end\"", "<boundaryEvent id=\"tick\" attachedToRef=\"" + task
                + "\" cancelActivity=\"" + interrupting + "\">" + definition + "</boundaryEvent>"
                + "<sequenceFlow id=\"fTick\" sourceRef=\"tick\" targetRef=\"end\"/><endEvent id=\"end\"");
    }

    /** The revise task as a parallel multi-instance with the given loop content. */
    static String loop(String content) {
        return replaced(GOOD, "<documentation>企业修改环节</documentation></userTask>",
                "<documentation>企业修改环节</documentation><multiInstanceLoopCharacteristics isSequential=\"false\">"
                        + content + "</multiInstanceLoopCharacteristics></userTask>");
    }

    static String replaced(String xml, String target, String replacement) {
        if (!xml.contains(target)) {
            throw new IllegalStateException("the test model no longer contains " + target);
        }
        return xml.replace(target, replacement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectedWithReasonAndNothingDeployed(String label, String xml, String expectedKey, String expectedElement) {
        testModel();
        loginAdmin();
        long deploymentsBefore = repository.createDeploymentQuery().count();
        long definitionsBefore = repository.createProcessDefinitionQuery().count();

        assertThatThrownBy(() -> service.deploy(KEY, xml, "try: " + label))
                .isInstanceOfSatisfying(BpmnValidationException.class, e -> {
                    List<ValidationProblem> problems = e.problems();
                    assertThat(problems).as(label).anySatisfy(p -> {
                        assertThat(p.messageKey()).isEqualTo(expectedKey);
                        assertThat(p.elementId()).isEqualTo(expectedElement);
                    });
                });

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
    }

    /** A gateway routes to task {@code reached} when {@code condition} holds, else to {@code other}. */
    static String probe(String key, String condition) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="ems-probe">
                  <process id="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="toGate" sourceRef="start" targetRef="gate"/>
                    <exclusiveGateway id="gate" default="toOther"/>
                    <sequenceFlow id="toReached" name="reached" sourceRef="gate" targetRef="reached">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[%s]]></conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="toOther" name="other" sourceRef="gate" targetRef="other"/>
                    <userTask id="reached" flowable:assignee="probe" xmlns:flowable="http://flowable.org/bpmn"/>
                    <userTask id="other" flowable:assignee="probe" xmlns:flowable="http://flowable.org/bpmn"/>
                  </process>
                </definitions>
                """.formatted(key, condition);
    }

    /**
     * The engine layer: a model deployed straight through the repository service (no validator) still cannot reach
     * a bean outside the allow-list, and the validator would have refused it as well.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dataSource", "jdbcTemplate", "processAdminService", "environment", "parameterService"})
    void aHandDeployedModelCannotResolveABeanOutsideTheAllowList(String bean) {
        String key = "handDeployed_" + bean;
        String xml = probe(key, "${" + bean + " != null}");
        repository.createDeployment().name("hand-deployed " + bean).addString(key + ".bpmn20.xml", xml).deploy();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key))
                .isInstanceOf(FlowableException.class).hasMessageContaining(bean);

        loginAdmin();
        assertThat(service.validate(key, xml)).extracting(ValidationProblem::messageKey)
                .contains("processadmin.problem.unsafeExpression");
    }

    @Test
    void theEngineStillResolvesTheAllowListedBeans() {
        String key = "handDeployed_allowed";
        repository.createDeployment().name("hand-deployed allowed").addString(key + ".bpmn20.xml",
                probe(key, "${reportAcceptDelegate != null && enterpriseFilingTaskListener != null}")).deploy();
        String id = runtime.startProcessInstanceByKey(key).getId();
        assertThat(tasks.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey()).isEqualTo("reached");
        runtime.deleteProcessInstance(id, "test done");
    }

    static Stream<Arguments> shippedModels() throws java.io.IOException {
        var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:processes/**/*.bpmn20.xml");
        List<Arguments> out = new java.util.ArrayList<>();
        for (var r : resources) {
            try (var in = r.getInputStream()) {
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<process id=\"([^\"]+)\"").matcher(xml);
                out.add(Arguments.of(r.getFilename(), xml, m.find() ? m.group(1) : "?"));
            }
        }
        if (out.isEmpty()) {
            out.add(Arguments.of("test model", GOOD, KEY));
        }
        return out.stream();
    }

    /** An administrator can always re-deploy what the developers shipped, unchanged. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedModels")
    void everyShippedModelPassesUnchanged(String file, String xml, String key) {
        loginAdmin();
        assertThat(service.validate(key, xml)).as(file).isEmpty();
    }

    @Test
    void onlyLiteralVariableReadsOnExecutionAreAllowed() {
        testModel();
        loginAdmin();
        String read = GOOD.replace("${decision == 'RETURN' && returnTo == 'CITY'}",
                "${decision == 'RETURN' && execution.getVariable('returnTo') == 'CITY'}");
        assertThat(service.validate(KEY, read)).isEmpty();
        String dynamic = GOOD.replace("${decision == 'RETURN' && returnTo == 'CITY'}",
                "${decision == 'RETURN' && execution.getVariable(returnTo) == 'CITY'}");
        assertThat(service.validate(KEY, dynamic)).extracting(ValidationProblem::messageKey)
                .containsExactly("processadmin.problem.unsafeExpression");
        String setter = GOOD.replace("${decision == 'RETURN' && returnTo == 'CITY'}",
                "${execution.setVariable('decision', 'APPROVE')}");
        assertThat(service.validate(KEY, setter)).extracting(ValidationProblem::messageKey)
                .containsExactly("processadmin.problem.unsafeExpression");
    }

    @Test
    void theUnchangedModelAndSimpleExpressionsPass() {
        testModel();
        loginAdmin();
        assertThat(service.validate(KEY, GOOD)).isEmpty();
        String literalCity = GOOD.replace("flowable:candidateGroups=\"city:${cityCode}\"", "flowable:candidateGroups=\"city:530100,province\"");
        assertThat(service.validate(KEY, literalCity)).isEmpty();
    }

    @Test
    void flowableValidatorProblemsAreReportedToo() {
        testModel();
        loginAdmin();
        // a sequence flow pointing nowhere is valid XML and passes our rules, but not Flowable's validator
        String broken = GOOD.replace("targetRef=\"cityDecision\"", "targetRef=\"nowhere\"");
        assertThat(service.validate(KEY, broken)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.messageKey()).isIn("processadmin.problem.flowable", "processadmin.problem.schema"));
    }
}
