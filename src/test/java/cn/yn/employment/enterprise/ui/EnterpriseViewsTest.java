package cn.yn.employment.enterprise.ui;

import cn.yn.employment.ui.KaribuSpring;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.enterprise.EnterpriseTestSupport;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.FilingRequestView;
import cn.yn.employment.enterprise.RegistrationForm;
import cn.yn.employment.enterprise.RequestState;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Karibu tests of registration, the filing form and the reviewer's filing details. */
class EnterpriseViewsTest extends EnterpriseTestSupport {

    @Autowired ApplicationContext ctx;
    @Autowired List<SubjectDetailsProvider> detailProviders;

    @BeforeEach
    void setUpVaadin() {
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    private RegisterView openRegistration() {
        UI.getCurrent().navigate(RegisterView.class);
        return _get(RegisterView.class);
    }

    private static void fill(RegistrationFields f, String uscc, String username) {
        _setValue(f.uscc, uscc);
        _setValue(f.name, "卡布测试企业");
        f.county.setValue(GUANDU);
        _setValue(f.contactPerson, "赵六");
        _setValue(f.phone, "13812345678");
        _setValue(f.email, "hr@example.cn");
        _setValue(f.username, username);
        _setValue(f.password, "secret123");
        _setValue(f.repeat, "secret123");
    }

    @Test
    void registrationShowsTheOrganisationCodeAndABadCheckDigitAtTheField() {
        RegisterView view = openRegistration();
        _setValue(view.fields.uscc, "91350100M000100Y43");
        assertThat(view.fields.orgCode.getValue()).isEqualTo("M000100Y-4");
        fill(view.fields, "91350100M000100Y44", freshUsername());
        _click(view.register);
        assertThat(view.fields.uscc.isInvalid()).isTrue();
        assertThat(view.fields.uscc.getErrorMessage()).isEqualTo(view.getTranslation("enterprise.field.uscc.checkDigit"));
        assertThat(view.fields.orgCode.getValue()).isEmpty();
        assertThat(view.fields.name.isInvalid()).isFalse();
        assertThat(view.done.isVisible()).isFalse();
    }

    @Test
    void registrationRefusesADuplicateUsccAtTheFieldAndRegistersAFreshOne() {
        String taken = freshUscc();
        enterprises.register(new RegistrationForm(taken, "先注册的企业", WUHUA, "张三", "13812345678", null, freshUsername(), "secret123"));
        RegisterView view = openRegistration();
        fill(view.fields, taken, freshUsername());
        _click(view.register);
        assertThat(view.fields.uscc.isInvalid()).isTrue();
        assertThat(view.fields.uscc.getErrorMessage()).isEqualTo(view.getTranslation("enterprise.field.uscc.taken"));

        String fresh = freshUscc();
        _setValue(view.fields.uscc, fresh);
        _setValue(view.fields.repeat, "different1");
        _click(view.register);
        assertThat(view.fields.repeat.isInvalid()).isTrue();
        _setValue(view.fields.repeat, "secret123");
        _click(view.register);
        assertThat(view.done.isVisible()).isTrue();
        assertThat(view.fields.uscc.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("select filing_state from enterprise where uscc = ?", String.class, fresh)).isEqualTo("DRAFT");
    }

    @Test
    void theFilingFormShowsErrorsAtFieldsSavesADraftAndSubmits() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        KaribuSpring.signIn(enterpriseUser(e.id()));
        UI.getCurrent().navigate(FilingView.class);
        FilingView view = _get(FilingView.class);
        FilingForm f = view.form;
        assertThat(f.uscc.getValue()).isEqualTo(e.uscc());
        assertThat(f.orgCode.getValue()).isEqualTo(e.orgCode().substring(0, 8) + "-" + e.orgCode().charAt(8));
        assertThat(f.name.getValue()).isEqualTo(e.name());
        assertThat(f.county.getValue()).isEqualTo(WUHUA);
        assertThat(f.county.parent.getValue().code()).isEqualTo(KUNMING);
        assertThat(view.state.getText()).isEqualTo(view.getTranslation("enterprise.filingState.DRAFT"));

        // submit with errors: each at its field, nothing saved
        _setValue(f.postcode, "6500");
        _setValue(f.email, "not-an-email");
        _click(view.submit);
        assertThat(f.postcode.isInvalid()).isTrue();
        assertThat(f.postcode.getErrorMessage()).isEqualTo(view.getTranslation("enterprise.field.postcode.invalid"));
        assertThat(f.email.isInvalid()).isTrue();
        assertThat(f.businessScope.isInvalid()).isTrue();
        assertThat(f.industry.isInvalid()).isTrue();
        assertThat(f.industry.getErrorMessage()).isEqualTo(view.getTranslation("enterprise.field.required"));
        assertThat(f.name.isInvalid()).isFalse();
        assertThat(filings.openRequest(e.id())).isEmpty();

        // a draft may be incomplete but not malformed
        _click(view.saveDraft);
        assertThat(f.postcode.isInvalid()).isTrue();
        _setValue(f.postcode, "650031");
        _setValue(f.email, "");
        _click(view.saveDraft);
        assertThat(f.postcode.isInvalid()).isFalse();
        FilingRequestView draft = filings.openRequest(e.id()).orElseThrow();
        assertThat(draft.state()).isEqualTo(RequestState.DRAFT);
        assertThat(draft.data().postcode()).isEqualTo("650031");

        // two-level pickers: a section then a division; a category then a type
        f.industry.parent.setValue(f.industry.parent.getListDataView().getItems().filter(c -> c.code().equals("C")).findFirst().orElseThrow());
        f.industry.child.setValue(f.industry.child.getListDataView().getItems().filter(c -> c.code().equals("13")).findFirst().orElseThrow());
        assertThat(f.industry.getValue()).isEqualTo("13");
        f.registrationType.parent.setValue(f.registrationType.parent.getListDataView().getItems()
                .filter(c -> c.code().equals("100")).findFirst().orElseThrow());
        assertThat(f.registrationType.child.getListDataView().getItems().map(c -> c.code())).contains("141", "159").doesNotContain("140", "150");
        f.registrationType.setValue("159");
        assertThat(f.registrationType.parent.getValue().code()).isEqualTo("100");
        _setValue(f.businessScope, "农副食品加工");
        _setValue(f.address, "昆明市五华区人民中路 1 号");
        _setValue(f.baselineHeadcount, 88);
        _click(view.submit);
        FilingRequestView submitted = filings.openRequest(e.id()).orElseThrow();
        assertThat(submitted.state()).isEqualTo(RequestState.PENDING_CITY);
        assertThat(submitted.data().industryDivision()).isEqualTo("13");
        assertThat(submitted.data().baselineHeadcount()).isEqualTo(88);
        assertThat(submitted.data().registrationType()).isEqualTo("159");
        assertThat(view.state.getText()).isEqualTo(view.getTranslation("enterprise.filingState.PENDING_CITY"));
        assertThat(view.submit.isVisible()).isFalse();
        assertThat(f.name.isReadOnly()).isTrue();

        // after a return the reason shows and the form is editable again
        decide(cityReviewer(KUNMING), submitted.processInstanceId(), Map.of("decision", "RETURN", "comment", "地址不详"));
        KaribuSpring.signIn(enterpriseUser(e.id()));
        UI.getCurrent().navigate(RegisterView.class); // leave and come back: a fresh view reads the new state
        UI.getCurrent().navigate(FilingView.class);
        view = _get(FilingView.class);
        assertThat(view.returnReason.isVisible()).isTrue();
        assertThat(view.returnReason.getText()).contains("地址不详");
        assertThat(view.form.address.isReadOnly()).isFalse();
        _setValue(view.form.address, "昆明市五华区人民中路 1 号 3 楼");
        _click(view.submit);
        assertThat(filings.openRequest(e.id()).orElseThrow().state()).isEqualTo(RequestState.PENDING_CITY);
    }

    @Test
    void reviewersSeeAChangeAsOldBesideNew() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingRequestView first = filings.submit(e.id(), completeData(e), null);
        decide(cityReviewer(KUNMING), first.processInstanceId(), Map.of("decision", "APPROVE"));
        decide(provinceReviewer(), first.processInstanceId(), Map.of("decision", "APPROVE"));
        signIn(enterpriseUser(e.id()));
        FilingData d = completeData(e);
        FilingRequestView change = filings.submit(e.id(), new FilingData(d.uscc(), d.name(), d.countyCode(), d.registrationType(),
                d.industryDivision(), d.businessScope(), d.contactPerson(), d.address(), d.postcode(), d.phone(), d.fax(),
                d.email(), 200), null);

        KaribuSpring.signIn(cityReviewer(KUNMING));
        SubjectDetailsProvider provider = detailProviders.stream().filter(p -> p.kind().equals("FILING")).findFirst().orElseThrow();
        Div details = (Div) provider.details(change.id(), cityReviewer(KUNMING));
        Element table = details.getElement().getChildren().filter(c -> c.getTag().equals("table")).findFirst().orElseThrow();
        List<String> changed = table.getChildren().filter(tr -> tr.getClassList().contains("changed"))
                .map(tr -> tr.getAttribute("data-field")).toList();
        assertThat(changed).containsExactly("baselineHeadcount");
        Element baseline = table.getChildren().filter(tr -> "baselineHeadcount".equals(tr.getAttribute("data-field"))).findFirst().orElseThrow();
        assertThat(baseline.getChild(1).getText()).isEqualTo("120");
        assertThat(baseline.getChild(2).getText()).isEqualTo("200");

        KaribuSpring.signIn(cityReviewer(QUJING));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.details(change.id(), cityReviewer(QUJING)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
