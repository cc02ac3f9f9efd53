package cn.yn.employment.notice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.notice.MessageOutbox;
import cn.yn.employment.notice.NotificationService;
import cn.yn.employment.notice.OutboxMessage;
import cn.yn.employment.period.CalendarTestBase;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.Routes;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Karibu: the system administrator's outbox view. */
class OutboxViewTest extends CalendarTestBase {

    @Autowired
    MessageOutbox outbox;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    ApplicationContext ctx;

    @Test
    void theAdministratorsViewListsGivenUpMessagesAndResendsThem() {
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            outbox.email("view1@example.com", "视图1", "正文", NotificationService.CHASE);
            outbox.email("view2@example.com", "视图2", "正文", NotificationService.CHASE);
        });
        jdbc.update("update outbox_message set state = 'DEAD', attempts = 10, last_error = '550 mailbox unavailable'");
        assertThat(OutboxView.class.getAnnotation(RolesAllowed.class).value()).containsExactly(Role.SYSTEM_ADMIN_);
        KaribuSpring.setup(ctx, new Routes(Set.of(OutboxView.class), Set.of(), true));
        try {
            KaribuSpring.signIn(signInNew(Scope.province(), Role.SYSTEM_ADMIN));
            OutboxView view = KaribuSpring.view(ctx, OutboxView.class);
            assertThat(view.summary.getText()).contains("已放弃 2");
            assertThat(view.grid.getListDataView().getItems().count()).isZero(); // nothing failing-and-retrying
            view.filter.setValue(OutboxView.Filter.DEAD);
            List<OutboxMessage> dead = view.grid.getListDataView().getItems().toList();
            assertThat(dead).extracting(OutboxMessage::recipient).containsExactlyInAnyOrder("view1@example.com", "view2@example.com");
            assertThat(dead).extracting(OutboxMessage::lastError).containsOnly("550 mailbox unavailable");

            view.resend(dead.get(0));
            assertThat(view.grid.getListDataView().getItems().count()).isEqualTo(1);
            assertThat(view.resendAllDead.isEnabled()).isTrue();
            ButtonKt._click(view.resendAllDead);
            assertThat(view.grid.getListDataView().getItems().count()).isZero();
            assertThat(view.resendAllDead.isEnabled()).isFalse();
            assertThat(view.summary.getText()).contains("待发送 2").contains("已放弃 0");
            assertThat(jdbc.queryForList("select action from audit_log where target_type = 'outbox_message'", String.class))
                    .contains("OUTBOX_RESENT", "OUTBOX_RESENT_ALL");
            deliverOutbox();
            assertThat(MAIL.getReceivedMessages()).hasSize(2);
        } finally {
            KaribuSpring.tearDown();
        }
    }

}
