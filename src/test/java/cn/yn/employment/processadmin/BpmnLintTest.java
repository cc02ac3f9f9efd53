package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process admin's modelling warnings give what bpmnlint's recommended rules give (CI runs bpmnlint itself over
 * {@code processes/}): the models as they were before they were made lint clean produce bpmnlint's findings one
 * for one, the shipped models none.
 */
class BpmnLintTest {

    static String read(String path) throws IOException {
        try (InputStream in = BpmnLintTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedModelsHaveNoWarnings() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn20.xml");
        assertThat(models).hasSizeGreaterThanOrEqualTo(2);
        for (Resource r : models) {
            try (InputStream in = r.getInputStream()) {
                assertThat(BpmnModelValidator.lint(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .as(r.getFilename()).isEmpty();
            }
        }
    }

    /** bpmnlint 11.15.0, recommended, on enterprise-filing before the fix: 25 errors. */
    @Test
    void aModelWithoutIncomingAndOutgoingIsDisconnectedAsBpmnlintSaysIt() throws IOException {
        var warnings = BpmnModelValidator.lint(read("processadmin/lint/enterprise-filing-before-lint.bpmn20.xml"));
        Tuple[] expected = {
            tuple("cityApproved", "label-required"), tuple("provinceApproved", "label-required"),
            tuple("provinceReturnedToCity", "label-required"),
            tuple("submitted", "no-disconnected"), tuple("cityReview", "no-disconnected"),
            tuple("cityDecision", "no-disconnected"), tuple("provinceReview", "no-disconnected"),
            tuple("provinceDecision", "no-disconnected"), tuple("enterpriseRevise", "no-disconnected"),
            tuple("applyFiling", "no-disconnected"), tuple("filed", "no-disconnected"),
            tuple("submitted", "no-implicit-end"), tuple("cityReview", "no-implicit-end"),
            tuple("cityDecision", "no-implicit-end"), tuple("provinceReview", "no-implicit-end"),
            tuple("provinceDecision", "no-implicit-end"), tuple("enterpriseRevise", "no-implicit-end"),
            tuple("applyFiling", "no-implicit-end"),
            tuple("cityReview", "no-implicit-start"), tuple("cityDecision", "no-implicit-start"),
            tuple("provinceReview", "no-implicit-start"), tuple("provinceDecision", "no-implicit-start"),
            tuple("enterpriseRevise", "no-implicit-start"), tuple("applyFiling", "no-implicit-start"),
            tuple("filed", "no-implicit-start")};
        assertThat(warnings).extracting(ValidationProblem::elementId, ValidationProblem::detail)
                .containsExactlyInAnyOrder(expected);
        assertThat(warnings).allSatisfy(w -> assertThat(w.messageKey()).startsWith("processadmin.lint."));
    }

    /** bpmnlint on report-review before the fix: 4 unnamed conditional flows, 2 fake joins. */
    @Test
    void unnamedConditionalFlowsAndFakeJoins() throws IOException {
        var warnings = BpmnModelValidator.lint(read("processadmin/lint/report-review-before-lint.bpmn20.xml"));
        assertThat(warnings).extracting(ValidationProblem::elementId, ValidationProblem::detail).containsExactlyInAnyOrder(
                tuple("toCorrection", "label-required"), tuple("cityApproved", "label-required"),
                tuple("provinceApproved", "label-required"), tuple("provinceReturnedCity", "label-required"),
                tuple("cityReview", "fake-join"), tuple("enterpriseRevise", "fake-join"));
    }

    @Test
    void gatewayAndFlowRules() throws IOException {
        String good = read("processes/report-review.bpmn20.xml");
        // a gateway with one way in and one way out, and a flow out of a decision with neither condition nor default
        String superfluous = good.replace("<outgoing>toCorrection</outgoing>\n    </exclusiveGateway>", "</exclusiveGateway>")
                .replace("<incoming>toCorrection</incoming>\n", "");
        assertThat(BpmnModelValidator.lint(superfluous)).extracting(ValidationProblem::elementId, ValidationProblem::detail)
                .contains(tuple("startGateway", "superfluous-gateway"));
        String noCondition = good.replace("<![CDATA[${decision == 'APPROVE'}]]></conditionExpression>\n    </sequenceFlow>\n    <sequenceFlow id=\"cityReturned\"",
                "</conditionExpression>\n    </sequenceFlow>\n    <sequenceFlow id=\"cityReturned\"");
        assertThat(noCondition).isNotEqualTo(good);
        assertThat(BpmnModelValidator.lint(noCondition)).extracting(ValidationProblem::elementId, ValidationProblem::detail)
                .contains(tuple("cityApproved", "conditional-flows"));
        assertThat(BpmnModelValidator.lint("<not xml")).isEmpty();
    }
}
