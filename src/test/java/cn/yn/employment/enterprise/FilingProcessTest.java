package cn.yn.employment.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/** Every path of processes/enterprise-filing.bpmn20.xml through the real engine. */
class FilingProcessTest extends EnterpriseTestSupport {

    @Test
    void approvedByCityAndProvinceIsFiled() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        assertThat(e.filingState()).isEqualTo(FilingState.DRAFT);
        assertThat(enterprises.isFiled(e.id())).isFalse();

        FilingRequestView draft = filings.saveDraft(e.id(), completeData(e), null);
        assertThat(draft.state()).isEqualTo(RequestState.DRAFT);
        assertThat(draft.kind()).isEqualTo(RequestKind.NEW);
        FilingRequestView r = filings.submit(e.id(), completeData(e), draft.version());
        assertThat(r.state()).isEqualTo(RequestState.PENDING_CITY);
        assertThat(enterpriseState(e.id())).isEqualTo("PENDING_CITY");

        Task city = task(r.processInstanceId());
        assertThat(city.getTaskDefinitionKey()).isEqualTo("cityReview");
        assertThat(tasks.createTaskQuery().taskCandidateGroup("city:" + KUNMING).processInstanceId(r.processInstanceId()).count())
                .isEqualTo(1);
        Map<String, Object> vars = runtime.getVariables(r.processInstanceId());
        assertThat(vars).containsEntry("kind", "FILING").containsEntry("subjectId", r.id())
                .containsEntry("enterpriseId", e.id()).containsEntry("enterpriseName", e.name())
                .containsEntry("uscc", e.uscc()).containsEntry("cityCode", KUNMING).containsEntry("countyCode", WUHUA)
                .containsEntry("industryDivision", "13").containsEntry("hasWarnings", false);

        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));
        assertThat(filings.review(r.id()).request().state()).isEqualTo(RequestState.PENDING_PROVINCE);
        assertThat(enterpriseState(e.id())).isEqualTo("PENDING_PROVINCE");
        assertThat(tasks.createTaskQuery().taskCandidateGroup("province").processInstanceId(r.processInstanceId()).count())
                .isEqualTo(1);

        decide(provinceReviewer(), r.processInstanceId(), Map.of("decision", "APPROVE"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).count()).isZero();
        EnterpriseView filed = enterprises.find(e.id());
        assertThat(filed.filingState()).isEqualTo(FilingState.FILED);
        assertThat(filed.filedAt()).isNotNull();
        assertThat(filed.baselineHeadcount()).isEqualTo(120);
        assertThat(filed.industrySection()).isEqualTo("C");
        assertThat(filed.industryDivision()).isEqualTo("13");
        assertThat(filed.registrationType()).isEqualTo("110");
        assertThat(filed.cityCode()).isEqualTo(KUNMING);
        assertThat(enterprises.isFiled(e.id())).isTrue();
        assertThat(filings.review(r.id()).request().state()).isEqualTo(RequestState.APPROVED);
        assertThat(filings.history(e.id())).hasSize(1);

        assertThat(auditActions("enterprise_filing", r.id())).containsExactly("FILING_DRAFT_SAVED", "FILING_SUBMITTED",
                "FILING_CITY_APPROVED", "FILING_PROVINCE_APPROVED");
        assertThat(auditActions("enterprise", e.id())).containsExactly("ENTERPRISE_REGISTERED", "FILING_APPROVED");
    }

    @Test
    void cityReturnGoesBackToTheEnterpriseWhichResubmits() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingRequestView r = filings.submit(e.id(), completeData(e), null);

        signIn(cityReviewer(KUNMING));
        Task city = task(r.processInstanceId());
        assertThatThrownBy(() -> tasks.complete(city.getId(), Map.of("decision", "RETURN")))
                .isInstanceOf(DomainException.class).hasMessage("review.decision.reasonRequired");
        assertThat(task(r.processInstanceId()).getTaskDefinitionKey()).isEqualTo("cityReview");

        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "RETURN", "comment", "经营范围不完整"));
        signIn(enterpriseUser(e.id()));
        FilingRequestView returned = filings.openRequest(e.id()).orElseThrow();
        assertThat(returned.state()).isEqualTo(RequestState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("经营范围不完整");
        assertThat(returned.returnedBy()).isEqualTo("CITY");
        assertThat(enterpriseState(e.id())).isEqualTo("RETURNED");
        Task revise = task(r.processInstanceId());
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        assertThat(revise.getAssignee()).isEqualTo("enterprise:" + e.id());

        FilingData revised = new FilingData(e.uscc(), e.name(), GUANDU, "110", "13", "食品加工、批发与零售", "张三",
                "昆明市官渡区春城路 2 号", "650200", "13812345678", null, null, 130);
        FilingRequestView resubmitted = filings.submit(e.id(), revised, returned.version());
        assertThat(resubmitted.state()).isEqualTo(RequestState.PENDING_CITY);
        assertThat(resubmitted.submitCount()).isEqualTo(2);
        assertThat(task(r.processInstanceId()).getTaskDefinitionKey()).isEqualTo("cityReview");
        assertThat(runtime.getVariable(r.processInstanceId(), "countyCode")).isEqualTo(GUANDU);
        assertThat(runtime.getVariable(r.processInstanceId(), "comment")).isNull();

        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));
        decide(provinceReviewer(), r.processInstanceId(), Map.of("decision", "APPROVE"));
        signIn(enterpriseUser(e.id()));
        EnterpriseView filed = enterprises.find(e.id());
        assertThat(filed.filingState()).isEqualTo(FilingState.FILED);
        assertThat(filed.countyCode()).isEqualTo(GUANDU);
        assertThat(filed.baselineHeadcount()).isEqualTo(130);
        assertThat(auditActions("enterprise_filing", r.id())).containsExactly("FILING_SUBMITTED", "FILING_CITY_RETURNED",
                "FILING_RESUBMITTED", "FILING_CITY_APPROVED", "FILING_PROVINCE_APPROVED");
    }

    @Test
    void provinceReturnGoesToTheEnterpriseOrToTheCity() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingRequestView r = filings.submit(e.id(), completeData(e), null);
        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));

        // to the city: the city reviews again, the enterprise is not involved
        decide(provinceReviewer(), r.processInstanceId(), Map.of("decision", "RETURN", "returnTo", "CITY", "comment", "请核实行业"));
        assertThat(task(r.processInstanceId()).getTaskDefinitionKey()).isEqualTo("cityReview");
        signIn(enterpriseUser(e.id()));
        FilingRequestView atCity = filings.openRequest(e.id()).orElseThrow();
        assertThat(atCity.state()).isEqualTo(RequestState.PENDING_CITY);
        assertThat(atCity.returnReason()).isEqualTo("请核实行业");
        assertThat(atCity.returnedBy()).isEqualTo("PROVINCE");

        // the city approves again; the province now returns to the enterprise
        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));
        decide(provinceReviewer(), r.processInstanceId(), Map.of("decision", "RETURN", "comment", "基期人数有误"));
        Task revise = task(r.processInstanceId());
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("enterpriseRevise");
        signIn(enterpriseUser(e.id()));
        FilingRequestView returned = filings.openRequest(e.id()).orElseThrow();
        assertThat(returned.state()).isEqualTo(RequestState.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("基期人数有误");
        assertThat(returned.returnedBy()).isEqualTo("PROVINCE");

        FilingData fixed = new FilingData(e.uscc(), e.name(), WUHUA, "110", "13", "食品加工与销售", "张三",
                "昆明市五华区人民中路 1 号", "650031", "0871-63123456", null, null, 95);
        filings.submit(e.id(), fixed, returned.version());
        assertThat(task(r.processInstanceId()).getTaskDefinitionKey()).isEqualTo("cityReview");
        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));
        decide(provinceReviewer(), r.processInstanceId(), Map.of("decision", "APPROVE"));
        signIn(enterpriseUser(e.id()));
        assertThat(enterprises.find(e.id()).baselineHeadcount()).isEqualTo(95);
        assertThat(auditActions("enterprise_filing", r.id())).containsExactly("FILING_SUBMITTED", "FILING_CITY_APPROVED",
                "FILING_PROVINCE_RETURNED", "FILING_CITY_APPROVED", "FILING_PROVINCE_RETURNED", "FILING_RESUBMITTED",
                "FILING_CITY_APPROVED", "FILING_PROVINCE_APPROVED");
    }

    @Test
    void changeRequestChangesTheEnterpriseOnlyOnApprovalAndKeepsHistory() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingRequestView first = filings.submit(e.id(), completeData(e), null);
        decide(cityReviewer(KUNMING), first.processInstanceId(), Map.of("decision", "APPROVE"));
        decide(provinceReviewer(), first.processInstanceId(), Map.of("decision", "APPROVE"));

        signIn(enterpriseUser(e.id()));
        FilingData changed = new FilingData(e.uscc(), e.name() + "（集团）", WUHUA, "110", "14", "食品制造", "李四",
                "昆明市五华区人民中路 1 号", "650031", "0871-63123456", null, "hr@example.cn", 150);
        assertThatThrownBy(() -> filings.submit(e.id(), completeData(e), null))
                .isInstanceOf(DomainException.class).hasMessage("enterprise.filing.noChanges");
        FilingRequestView change = filings.submit(e.id(), changed, null);
        assertThat(change.kind()).isEqualTo(RequestKind.CHANGE);
        assertThat(change.state()).isEqualTo(RequestState.PENDING_CITY);
        // still filed with the old values while the change is reviewed
        EnterpriseView during = enterprises.find(e.id());
        assertThat(during.filingState()).isEqualTo(FilingState.FILED);
        assertThat(during.name()).isEqualTo(e.name());
        assertThat(during.baselineHeadcount()).isEqualTo(120);
        assertThat(runtime.getVariable(change.processInstanceId(), "filingKind")).isEqualTo("CHANGE");
        assertThatThrownBy(() -> filings.saveDraft(e.id(), changed, null))
                .isInstanceOf(DomainException.class).hasMessage("enterprise.filing.notEditable");

        decide(cityReviewer(KUNMING), change.processInstanceId(), Map.of("decision", "RETURN", "comment", "请附变更说明"));
        signIn(enterpriseUser(e.id()));
        assertThat(enterprises.find(e.id()).filingState()).isEqualTo(FilingState.FILED);
        filings.submit(e.id(), changed, null);
        decide(cityReviewer(KUNMING), change.processInstanceId(), Map.of("decision", "APPROVE"));
        signIn(enterpriseUser(e.id()));
        assertThat(enterprises.find(e.id()).name()).isEqualTo(e.name());
        decide(provinceReviewer(), change.processInstanceId(), Map.of("decision", "APPROVE"));

        signIn(enterpriseUser(e.id()));
        EnterpriseView after = enterprises.find(e.id());
        assertThat(after.name()).isEqualTo(e.name() + "（集团）");
        assertThat(after.industryDivision()).isEqualTo("14");
        assertThat(after.baselineHeadcount()).isEqualTo(150);
        assertThat(after.filedAt()).isEqualTo(enterprisesFiledAt(first));
        var history = filings.history(e.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).versionNo()).isEqualTo(2);
        assertThat(history.get(0).kind()).isEqualTo(RequestKind.CHANGE);
        assertThat(history.get(1).versionNo()).isEqualTo(1);
        assertThat(history.get(1).data().name()).isEqualTo(e.name());
        assertThat(history.get(1).data().baselineHeadcount()).isEqualTo(120);
        assertThat(auditActions("enterprise", e.id())).containsExactly("ENTERPRISE_REGISTERED", "FILING_APPROVED", "FILING_APPROVED");
        assertThat(filings.openRequest(e.id())).isEmpty();
    }

    private java.time.Instant enterprisesFiledAt(FilingRequestView first) {
        return jdbc.queryForObject("select decided_at from enterprise_filing_request where id = ?", java.sql.Timestamp.class,
                first.id()).toInstant();
    }
}
