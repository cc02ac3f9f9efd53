package cn.yn.employment.processadmin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.processadmin.ProcessAdminModels.AttributeChange;
import cn.yn.employment.processadmin.ProcessAdminModels.ChangeKind;
import cn.yn.employment.processadmin.ProcessAdminModels.ElementChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * 校验 without a change must say "no change": the bpmn-js round trips in {@code processadmin/roundtrip} (see its
 * README) against the shipped models give no difference, and real edits made in bpmn-js are still reported.
 */
class BpmnDiffTest {

    @ParameterizedTest
    @ValueSource(strings = {"report-review", "enterprise-filing"})
    void theModelersRoundTripOfAnUnchangedModelIsNoChange(String process) throws IOException {
        String shipped = Files.readString(Path.of("processes", process + ".bpmn20.xml"));
        String roundTrip = fixture(process + ".roundtrip.bpmn20.xml");
        assertThat(roundTrip).as("the fixture is a real bpmn-js output").doesNotContain("cancelActivity=\"true\"")
                .doesNotContain("CDATA");
        assertThat(BpmnDiff.diff(shipped, roundTrip)).isEmpty();
        assertThat(BpmnDiff.diff(roundTrip, shipped)).isEmpty();
    }

    @Test
    void realEditsMadeInTheModelerAreReportedAndTheMovedShapeIsNot() throws IOException {
        String shipped = Files.readString(Path.of("processes", "report-review.bpmn20.xml"));
        List<ElementChange> changes = BpmnDiff.diff(shipped, fixture("report-review.edited-roundtrip.bpmn20.xml"));

        assertThat(changes).extracting(ElementChange::elementId)
                .containsExactlyInAnyOrder("cityReview", "provinceReview", "withdrawn"); // not "start": only moved
        assertThat(change(changes, "cityReview")).containsExactly(new AttributeChange("@name", "市级审核", "市级初审"));
        assertThat(change(changes, "provinceReview")).containsExactly(new AttributeChange("@flowable:dueDate", null, "P3D"));
        assertThat(change(changes, "withdrawn")).as("interrupting → non-interrupting is a change; absent means true")
                .containsExactly(new AttributeChange("@cancelActivity", null, "false"));
        assertThat(changes).allSatisfy(c -> assertThat(c.kind()).isEqualTo(ChangeKind.CHANGED));
    }

    @Test
    void prefixesAttributeOrderWhitespaceDefaultsAndLayoutAreNoChange() {
        String a = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fl="http://flowable.org/bpmn"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    targetNamespace="x">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:documentation>
                      Line one
                      line two
                    </bpmn:documentation>
                    <bpmn:startEvent id="s" isInterrupting="true"/>
                    <bpmn:userTask id="t" name="审核" fl:candidateGroups="province" implementation="##unspecified" fl:async="false">
                      <bpmn:incoming>f1</bpmn:incoming>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${a == 'b' && c}]]></bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
                    <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="1" y="2" width="36" height="36"/></bpmndi:BPMNShape>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn:definitions>""";
        String b = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="x"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC">
                  <process isExecutable="true" id="p">
                    <documentation>Line one
                line two</documentation>
                    <startEvent id="s" />
                    <userTask flowable:candidateGroups="province" name="审核" id="t" />
                    <sequenceFlow targetRef="t" id="f1" sourceRef="s">
                      <conditionExpression xsi:type="tFormalExpression">${a == 'b' &amp;&amp; c}</conditionExpression>
                    </sequenceFlow>
                  </process>
                  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
                    <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="300" y="200" width="36" height="36"/></bpmndi:BPMNShape>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </definitions>""";
        assertThat(BpmnDiff.diff(a, b)).isEmpty();

        String changed = b.replace("${a == 'b' &amp;&amp; c}", "${a == 'c' &amp;&amp; c}")
                .replace("line two", "line 2").replace("<startEvent id=\"s\" />", "<startEvent id=\"s\" isInterrupting=\"false\"/>")
                .replace(" targetRef=\"t\"", " targetRef=\"s\"");
        List<ElementChange> changes = BpmnDiff.diff(a, changed);
        assertThat(change(changes, "p")).containsExactly(new AttributeChange("documentation", "Line one\nline two", "Line one\nline 2"));
        assertThat(change(changes, "s")).containsExactly(new AttributeChange("@isInterrupting", null, "false"));
        assertThat(change(changes, "f1")).containsExactlyInAnyOrder(new AttributeChange("@targetRef", "t", "s"),
                new AttributeChange("conditionExpression", "${a == 'b' && c}", "${a == 'c' && c}"));
        assertThat(BpmnDiff.diff(a, changed.replace("flowable:candidateGroups=\"province\"", "flowable:candidateGroups=\"city:530100\"")))
                .anySatisfy(c -> assertThat(c.attributes()).contains(
                        new AttributeChange("@flowable:candidateGroups", "province", "city:530100")));
    }

    private static List<AttributeChange> change(List<ElementChange> changes, String id) {
        return changes.stream().filter(c -> c.elementId().equals(id)).findFirst().orElseThrow().attributes();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = BpmnDiffTest.class.getResourceAsStream("/processadmin/roundtrip/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
