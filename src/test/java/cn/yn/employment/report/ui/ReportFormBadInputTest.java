package cn.yn.employment.report.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.period.PeriodService;
import cn.yn.employment.report.ReportTestBase;
import cn.yn.employment.ui.KaribuSpring;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * S3 (issue 14), the form's side of the bad-input corpus: the enterprise's report form in the real view (Karibu).
 * Each bad value typed into one field and saved (or submitted) marks that field invalid with a message, shows no
 * error page, and leaves the stored report as it was. Markup is text: saved verbatim. The API's side is
 * {@code BadInputCorpusTest}.
 */
class ReportFormBadInputTest extends ReportTestBase {

    static final String P = "2026-02";

    @Autowired ApplicationContext ctx;
    @Autowired PeriodService periods;

    record Case(String label, Consumer<ReportFormView> poison, Function<ReportFormView, HasValidation> field, boolean submit) {
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuSpring.tearDown();
    }

    @Test
    void eachBadValueMarksItsFieldAndStoresNothing() {
        period(P, periods);
        long ent = filedEnterprise("530100", "530102", 100);
        actAs(enterpriseUser(ent));
        KaribuSpring.setup(ctx);
        ReportFormViewTest.chinese();
        UI.getCurrent().navigate("report/" + P);
        ReportFormView view = _get(ReportFormView.class);

        List<Case> cases = new ArrayList<>();
        for (String bad : List.of("\u0000", "\u0007", "\u001b[31m", "\u202e", "\u2066")) {
            String hex = String.format("U+%04X", (int) bad.charAt(0));
            cases.add(new Case("reason1Note " + hex, v -> v.reason1Note.setValue("订单" + bad + "减少"), v -> v.reason1Note, false));
            cases.add(new Case("otherNote " + hex, v -> v.otherNote.setValue("备注" + bad), v -> v.otherNote, false));
            // twice the baseline: a soft warning, so the explanation is asked for and sent
            cases.add(new Case("explanation " + hex, v -> {
                v.headcount.setValue(250);
                v.reductionType.setValue(null);
                v.reason1Code.setValue(null);
                v.reason1Note.setValue("");
                v.explanation.setValue("说明" + bad);
            }, v -> v.explanation, true));
        }
        cases.add(new Case("reason1Note 501 characters", v -> v.reason1Note.setValue("长".repeat(501)), v -> v.reason1Note, false));
        cases.add(new Case("otherNote 501 characters", v -> v.otherNote.setValue("长".repeat(501)), v -> v.otherNote, false));
        cases.add(new Case("headcount -1", v -> v.headcount.setValue(-1), v -> v.headcount, false));
        cases.add(new Case("headcount 1,000,001", v -> v.headcount.setValue(1_000_001), v -> v.headcount, false));
        cases.add(new Case("hired -5", v -> v.hired.setValue(-5), v -> v.hired, false));
        cases.add(new Case("separated 1,000,001", v -> v.separated.setValue(1_000_001), v -> v.separated, false));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            fillGood(view);
            Map<String, Object> before = stored(ent);
            c.poison().accept(view);
            if (c.submit()) {
                view.submit.click();
            } else {
                view.save.click();
            }
            HasValidation field = c.field().apply(view);
            if (!field.isInvalid() || field.getErrorMessage() == null || field.getErrorMessage().isBlank()) {
                wrong.add(c.label() + ": the field was not marked");
            }
            if (!stored(ent).equals(before)) {
                wrong.add(c.label() + ": something was stored");
            }
        }
        // markup is text like any other: saved as typed
        fillGood(view);
        view.reason1Note.setValue("<script>alert(1)</script>'; drop table report; --");
        view.save.click();
        assertThat(stored(ent)).containsEntry("reason1_note", "<script>alert(1)</script>'; drop table report; --");

        System.out.printf("S3 form corpus (report form, Karibu): %d bad-input cases, %d wrong, 0 error pages%n", cases.size(), wrong.size());
        assertThat(wrong).isEmpty();
    }

    private static void fillGood(ReportFormView v) {
        v.headcount.setValue(80);
        v.hired.setValue(null);
        v.separated.setValue(null);
        v.dispatched.setValue(null);
        v.reductionType.setValue("RT01");
        v.reason1Code.setValue("RC01");
        v.reason1Note.setValue("订单减少");
        v.otherNote.setValue("");
        v.explanation.setValue("");
    }

    private Map<String, Object> stored(long ent) {
        return jdbc.queryForMap("select state, headcount, hired, separated, reason1_note, other_note, warning_explanation,"
                + " version_no from report where enterprise_id = ? and period_code = ?", ent, P);
    }
}
