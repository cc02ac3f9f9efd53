package cn.yn.employment.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** Role and scope checks of the enterprise services and the filing process. */
class EnterpriseScopeTest extends EnterpriseTestSupport {

    @Test
    void anEnterpriseCannotReadOrModifyAnother() {
        EnterpriseView a = registerAndSignIn(WUHUA);
        EnterpriseView b = registerAndSignIn(GUANDU);
        signIn(enterpriseUser(a.id()));
        assertThat(enterprises.find(a.id()).id()).isEqualTo(a.id());
        assertThatThrownBy(() -> enterprises.find(b.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enterprises.isFiled(b.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filings.openRequest(b.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filings.history(b.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filings.saveDraft(b.id(), completeData(b), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filings.submit(b.id(), completeData(b), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enterprises.search(null, null, 0, 10)).isInstanceOf(AccessDeniedException.class);

        signIn(enterpriseUser(b.id()));
        FilingRequestView rb = filings.saveDraft(b.id(), completeData(b), null);
        signIn(enterpriseUser(a.id()));
        assertThatThrownBy(() -> filings.review(rb.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reviewersSeeOnlyTheirCityAndCannotEditFilings() {
        EnterpriseView kunming = registerAndSignIn(WUHUA);
        EnterpriseView qujing = registerAndSignIn(QILIN);
        signIn(cityReviewer(KUNMING));
        assertThat(enterprises.find(kunming.id()).name()).isEqualTo(kunming.name());
        assertThatThrownBy(() -> enterprises.find(qujing.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(enterprises.search(null, null, 0, 500)).extracting(EnterpriseView::cityCode).containsOnly(KUNMING);
        assertThatThrownBy(() -> enterprises.search(QUJING, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> filings.saveDraft(kunming.id(), completeData(kunming), null)).isInstanceOf(AccessDeniedException.class);
        signIn(provinceReviewer());
        assertThat(enterprises.find(qujing.id()).cityCode()).isEqualTo(QUJING);
    }

    @Test
    void cityReviewerCreatesEnterprisesOnlyInItsCity() {
        signIn(cityReviewer(KUNMING));
        EnterpriseView created = enterprises.createForCity(new RegistrationForm(freshUscc(), "市局代建企业", GUANDU, "王五",
                "0871-65123456", null, freshUsername(), "secret123"));
        assertThat(created.cityCode()).isEqualTo(KUNMING);
        assertThat(created.filingState()).isEqualTo(FilingState.DRAFT);
        assertThat(jdbc.queryForObject("select count(*) from app_user where scope_type = 'ENTERPRISE' and scope_code = ?",
                Integer.class, Long.toString(created.id()))).isEqualTo(1);
        assertThat(auditActions("enterprise", created.id())).containsExactly("ENTERPRISE_CREATED");

        String uscc = freshUscc();
        assertThatThrownBy(() -> enterprises.createForCity(new RegistrationForm(uscc, "曲靖企业", QILIN, "王五",
                "0874-3123456", null, freshUsername(), "secret123"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from enterprise where uscc = ?", Integer.class, uscc)).isZero();

        signIn(enterpriseUser(created.id()));
        assertThatThrownBy(() -> enterprises.createForCity(new RegistrationForm(freshUscc(), "企业自建", GUANDU, "王五",
                "0871-65123456", null, freshUsername(), "secret123"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheRightReviewersCompleteFilingTasks() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingRequestView r = filings.submit(e.id(), completeData(e), null);
        String taskId = task(r.processInstanceId()).getId();
        signIn(cityReviewer(QUJING));
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE"))).isInstanceOf(AccessDeniedException.class);
        signIn(provinceReviewer());
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE"))).isInstanceOf(AccessDeniedException.class);
        signIn(cityReviewer(QUJING));
        assertThatThrownBy(() -> filings.review(r.id())).isInstanceOf(AccessDeniedException.class);
        decide(cityReviewer(KUNMING), r.processInstanceId(), Map.of("decision", "APPROVE"));
        String provinceTask = task(r.processInstanceId()).getId();
        signIn(cityReviewer(KUNMING));
        assertThatThrownBy(() -> tasks.complete(provinceTask, Map.of("decision", "APPROVE"))).isInstanceOf(AccessDeniedException.class);
        signIn(enterpriseUser(e.id()));
        assertThat(filings.openRequest(e.id()).orElseThrow().state()).isEqualTo(RequestState.PENDING_PROVINCE);
    }
}
