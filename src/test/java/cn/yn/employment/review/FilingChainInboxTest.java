package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.enterprise.EnterpriseService;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.FilingRequestView;
import cn.yn.employment.enterprise.FilingService;
import cn.yn.employment.enterprise.FilingState;
import cn.yn.employment.enterprise.RegistrationForm;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The real enterprise filing chain (processes/enterprise-filing.bpmn20.xml) driven through the review inbox. */
class FilingChainInboxTest extends ReviewTestBase {

    private static final AtomicInteger SEQ = new AtomicInteger(7000);

    @Autowired
    EnterpriseService enterprises;
    @Autowired
    FilingService filings;

    private EnterpriseView register(String county) {
        SecurityContextHolder.clearContext();
        String body = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = "91530100" + body + OrganisationCode.checkCharFor(body);
        String uscc = first17 + Uscc.checkCharFor(first17);
        EnterpriseView e = enterprises.register(new RegistrationForm(uscc, "审核链企业" + SEQ.get(), county, "张三",
                "0871-63123456", "hr@example.cn", "revent" + SEQ.get(), "secret123"));
        as(enterprise(e.id()));
        return e;
    }

    private static CurrentUser enterprise(long id) {
        return new CurrentUser(50_000 + id, "ent-user-" + id, "企业", Set.of(Role.ENTERPRISE), Scope.enterprise(id));
    }

    private static FilingData data(EnterpriseView e, String county) {
        return new FilingData(e.uscc(), e.name(), county, "110", "13", "食品加工与销售", "张三",
                "昆明市五华区人民中路 1 号", "650031", "0871-63123456", "0871-63123457", "hr@example.cn", 120);
    }

    private WorkItem only(CurrentUser reviewer, String enterpriseName) {
        as(reviewer);
        List<WorkItem> items = review.inbox(InboxTab.TODO, InboxFilter.none().withKind("FILING").withText(enterpriseName),
                null, 10).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void aFilingTravelsThroughTheInboxesUntilFiled() {
        EnterpriseView e = register("530102");
        FilingRequestView r = filings.submit(e.id(), data(e, "530102"), null);

        WorkItem city = only(KUNMING_A, e.name());
        assertThat(city.kind()).isEqualTo("FILING");
        assertThat(city.subjectId()).isEqualTo(r.id());
        assertThat(city.enterpriseId()).isEqualTo(e.id());
        assertThat(city.uscc()).isEqualTo(e.uscc());
        assertThat(city.countyCode()).isEqualTo("530102");
        assertThat(city.taskKey()).isEqualTo("cityReview");
        as(QUJING);
        assertThat(review.inbox(InboxTab.TODO, InboxFilter.none().withText(e.name()), null, 10).items()).isEmpty();

        // city returns to the enterprise; the enterprise revises (moves county) and resubmits
        as(KUNMING_A);
        review.returnTask(city.taskId(), ReturnTo.ENTERPRISE, "经营范围不完整");
        as(enterprise(e.id()));
        assertThat(enterprises.find(e.id()).filingState()).isEqualTo(FilingState.RETURNED);
        assertThat(workItems(r.processInstanceId())).isZero();
        FilingRequestView returned = filings.openRequest(e.id()).orElseThrow();
        filings.submit(e.id(), data(e, "530111"), returned.version());
        WorkItem again = only(KUNMING_B, e.name());
        assertThat(again.countyCode()).isEqualTo("530111");

        // city approves, province returns to the city, city approves again, province approves
        review.approve(again.taskId(), null);
        WorkItem prov = only(PROVINCE, e.name());
        assertThat(prov.state()).isEqualTo("PENDING_PROVINCE");
        review.returnTask(prov.taskId(), ReturnTo.CITY, "请市级核实地址");
        as(KUNMING_A);
        List<WorkItem> returnedToCity = review.inbox(InboxTab.RETURNED, InboxFilter.none().withText(e.name()), null, 10).items();
        assertThat(returnedToCity).singleElement().satisfies(w -> assertThat(w.returnComment()).isEqualTo("请市级核实地址"));
        review.approve(returnedToCity.get(0).taskId(), "已核实");
        review.approve(only(PROVINCE_B, e.name()).taskId(), null);

        as(enterprise(e.id()));
        assertThat(enterprises.find(e.id()).filingState()).isEqualTo(FilingState.FILED);
        assertThat(workItems(r.processInstanceId())).isZero();
        assertThat(jdbc.queryForList("select decision from work_item_done where process_instance_id = ? order by completed_at, id",
                String.class, r.processInstanceId())).containsExactly("RETURN", "APPROVE", "RETURN", "APPROVE", "APPROVE");
        as(KUNMING_A);
        assertThat(review.timeline("FILING", r.id())).extracting(TimelineEntry::type)
                .containsSubsequence("SUBMITTED", "RETURNED", "RESUBMITTED", "APPROVED", "RETURNED", "APPROVED", "APPROVED");
    }
}
