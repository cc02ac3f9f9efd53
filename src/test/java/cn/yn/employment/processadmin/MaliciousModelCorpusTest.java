package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
                        "processadmin.problem.classDelegate", "revise"));
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
