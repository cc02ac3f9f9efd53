package cn.yn.employment.notice.ui;

import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.notice.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.internal.LoggingSmsSender;
import cn.yn.employment.period.CalendarTestBase;
import cn.yn.employment.ui.HomePanel;
import com.vaadin.flow.component.html.Div;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Notifications (bell), notices (audience, receipts, roles), e-mail against GreenMail, SMS through the logging adapter. */
class NoticeAndNotificationTest extends CalendarTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    NotificationService notifications;
    @Autowired
    NoticeService notices;
    @Autowired
    EmailSender email;
    @Autowired
    NotificationBell bell;
    @Autowired
    List<HomePanel> panels;

    @BeforeEach
    void karibu() {
        startVaadin(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theBellCountsUnreadNotificationsOfItsUserOnly() {
        CurrentUser me = signInNew(Scope.city("531100"), Role.CITY_REVIEWER);
        long other = user("o" + unique(), Scope.city("531100"), Role.CITY_REVIEWER);
        notifications.notify(List.of(me.id(), other), NotificationService.RETURNED, "退回", "正文", null);
        int byScope = notifications.notifyScope(Scope.city("531100"), Role.CITY_REVIEWER, NotificationService.APPROVED, "通过", null, null);
        assertThat(byScope).isEqualTo(2);
        NotificationBell.Bell b = (NotificationBell.Bell) bell.create(me);
        b.refresh();
        assertThat(b.shownCount()).isEqualTo(2);
        assertThat(notifications.mine(0, 10)).extracting(Notification::title).containsExactly("通过", "退回");
        notifications.markAllRead();
        b.refresh();
        assertThat(b.shownCount()).isZero();
        assertThat(notifications(other, NotificationService.RETURNED)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null", Integer.class, other))
                .isEqualTo(2);
    }

    @Test
    void aNoticeToChosenCitiesReachesTheirEnterprisesAndReviewersAndTracksReceipts() {
        long e1 = enterprise("通知企业", "532600", "532601", null, null);
        long e2 = enterprise("他市企业", "532300", "532301", null, null);
        long u1 = user("n" + unique(), Scope.enterprise(e1), Role.ENTERPRISE);
        long u2 = user("n" + unique(), Scope.enterprise(e2), Role.ENTERPRISE);
        long reviewer = user("n" + unique(), Scope.city("532600"), Role.CITY_REVIEWER);

        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        NoticeManageView view = KaribuSpring.view(ctx, NoticeManageView.class);
        var editor = view.openEditor(null);
        editor.title.setValue("关于做好月报工作的通知");
        editor.markdown.setValue("# 通知\n\n请**按时**填报。<script>alert(1)</script> [链接](javascript:alert(1))");
        editor.target.setValue(NoticeTarget.CITIES);
        editor.cities.setValue(java.util.Set.copyOf(editor.cities.getListDataView().getItems()
                .filter(c -> c.code().equals("532600")).toList()));
        com.github.mvysny.kaributesting.v10.ButtonKt._click(editor.save);
        Notice draft = view.grid.getListDataView().getItems().filter(n -> n.title().startsWith("关于做好")).findFirst().orElseThrow();
        assertThat(draft.state()).isEqualTo(Notice.State.DRAFT);
        assertThat(draft.html()).contains("<strong>按时</strong>").doesNotContain("<script>").doesNotContain("javascript:");
        int recipients = notices.publish(draft.id());
        assertThat(recipients).isEqualTo(2); // the enterprise user and the city reviewer of 531200
        assertThat(notifications(u1, NotificationService.NOTICE)).isEqualTo(1);
        assertThat(notifications(u2, NotificationService.NOTICE)).isZero();
        assertThat(notifications(reviewer, NotificationService.NOTICE)).isEqualTo(1);
        assertThat(notices.readers(draft.id(), true)).extracting(NoticeReader::userId).containsExactlyInAnyOrder(u1, reviewer);

        // the enterprise reads it: receipt recorded, home panel empties
        CurrentUser ent = signIn(u1, "n", Scope.enterprise(e1), Role.ENTERPRISE);
        HomePanel unread = panels.stream().filter(p -> p.getClass().getSimpleName().equals("UnreadNoticesPanel")).findFirst().orElseThrow();
        assertThat(((Div) unread.create(ent)).getElement().getTextRecursively()).contains("关于做好月报工作的通知");
        assertThat(notices.mine(true)).hasSize(1);
        notices.read(draft.id());
        assertThat(notices.mine(true)).isEmpty();
        assertThatThrownBy(() -> notices.create(new NoticeForm("t", "b", NoticeTarget.ALL, List.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
        // another enterprise cannot read it
        signIn(u2, "n2", Scope.enterprise(e2), Role.ENTERPRISE);
        assertThatThrownBy(() -> notices.read(draft.id())).isInstanceOf(AccessDeniedException.class);

        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        assertThat(notices.readers(draft.id(), true)).extracting(NoticeReader::userId).containsExactly(reviewer);
        notices.withdraw(draft.id());
        signIn(reviewer, "r", Scope.city("532600"), Role.CITY_REVIEWER);
        assertThat(notices.mine(false)).noneMatch(n -> n.id() == draft.id());
    }

    /** Issue 18 item 7: a notice's title and body go through the edge's text gate. */
    @Test
    void noticeTextRefusesControlAndBidiCharacters() {
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        assertThatThrownBy(() -> notices.create(new NoticeForm("通知\u202e", "正文", NoticeTarget.ALL, List.of(), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
                        .extracting(DomainException.FieldError::field).containsExactly("title"));
        assertThatThrownBy(() -> notices.create(new NoticeForm("通知", "正文\u0000", NoticeTarget.ALL, List.of(), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
                        .extracting(DomainException.FieldError::field).containsExactly("markdown"));
    }

    /** Issue 18 item 3: "no permission" for another city's notice and "通知不存在" for a missing one told ids apart. */
    @Test
    void anotherScopesNoticeAnswersExactlyLikeAMissingOne() {
        signInNew(Scope.city("532800"), Role.CITY_REVIEWER);
        long theirs = notices.create(new NoticeForm("西双版纳本市通知", "正文", NoticeTarget.CITIES, List.of("532800"), null));
        long missing = theirs + 1_000_000;
        signInNew(Scope.city("530400"), Role.CITY_REVIEWER);
        List<String> answers = new java.util.ArrayList<>();
        for (long id : List.of(theirs, missing)) {
            Throwable read = org.assertj.core.api.Assertions.catchThrowable(() -> notices.read(id));
            Throwable managed = org.assertj.core.api.Assertions.catchThrowable(() -> notices.getManaged(id));
            Throwable publish = org.assertj.core.api.Assertions.catchThrowable(() -> notices.publish(id));
            for (Throwable t : List.of(read, managed, publish)) {
                assertThat(t).isInstanceOf(cn.yn.employment.common.NotFoundException.class);
                answers.add(t.getClass().getName() + " " + ((cn.yn.employment.common.NotFoundException) t).messageKey());
            }
            Object view;
            try {
                com.vaadin.flow.component.UI.getCurrent().navigate("notice/" + id);
                view = com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
            } catch (RuntimeException e) {
                view = e.getClass();
            }
            assertThat(view).as("notice %d", id).isNotEqualTo(NoticeReadView.class);
            answers.add(String.valueOf(view));
        }
        assertThat(answers.subList(0, 4)).isEqualTo(answers.subList(4, 8));
    }

    @Test
    void industryNoticesAndCityAuthorsAreLimited() {
        long c = enterprise("制造企业", "532500", "532501", null, null, "C");
        long f = enterprise("金融企业", "532500", "532501", null, null, "J");
        long uc = user("i" + unique(), Scope.enterprise(c), Role.ENTERPRISE);
        long uf = user("i" + unique(), Scope.enterprise(f), Role.ENTERPRISE);
        signInNew(Scope.province(), Role.PROVINCE_REVIEWER);
        long id = notices.create(new NoticeForm("金融业通知", "正文", NoticeTarget.INDUSTRY, List.of(), "J"));
        notices.publish(id);
        assertThat(notifications(uf, NotificationService.NOTICE)).isEqualTo(1);
        assertThat(notifications(uc, NotificationService.NOTICE)).isZero();

        signInNew(Scope.city("532500"), Role.CITY_REVIEWER);
        assertThatThrownBy(() -> notices.create(new NoticeForm("全省", "正文", NoticeTarget.ALL, List.of(), null)))
                .isInstanceOf(DomainException.class);
        long own = notices.create(new NoticeForm("本市", "正文", NoticeTarget.CITIES, List.of("532500"), null));
        assertThat(notices.managed()).extracting(Notice::id).containsExactly(own);
        assertThatThrownBy(() -> notices.publish(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emailGoesThroughSmtpAndSmsThroughTheLoggingAdapter() throws Exception {
        assertThat(email.send("someone@example.com", "主题", "正文内容")).isEqualTo(ChannelOutcome.OK);
        assertThat(email.send("not-an-address", "主题", "正文")).isEqualTo(ChannelOutcome.SKIPPED);
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("主题");
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("someone@example.com");

        assertThat(sms).isInstanceOf(LoggingSmsSender.class);
        assertThat(sms.send("13912345678", "短信")).isEqualTo(ChannelOutcome.OK);
        assertThat(sms.send("0871-6543210", "短信")).isEqualTo(ChannelOutcome.SKIPPED);
        assertThat(((LoggingSmsSender) sms).sent()).hasSize(1);
    }
}
