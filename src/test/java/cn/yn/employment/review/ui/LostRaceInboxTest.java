package cn.yn.employment.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewTestBase;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The inbox tells a reviewer who lost the race to a colleague who handled the item, and when. */
class LostRaceInboxTest extends ReviewTestBase {

    @Autowired ApplicationContext ctx;
    @Autowired CodeService codes;
    @Autowired CurrentUserProvider users;
    @Autowired ObjectProvider<SubjectDetailsProvider> providers;

    @BeforeEach
    void karibu() {
        KaribuSpring.setup(ctx, new com.github.mvysny.kaributesting.v10.Routes(java.util.Set.of(), java.util.Set.of(), true));
    }

    @AfterEach
    void karibuDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theLoserReadsTheColleaguesNameAndTheTime() {
        String pi = submit("530100", "530102", "界面竞争公司", false);
        as(KUNMING_B);
        InboxView view = new InboxView(review, ctx.getBean(cn.yn.employment.review.InboxPages.class), ctx.getBean(cn.yn.employment.review.InboxExport.class), ctx.getBean(ItemActions.class), codes, users, providers);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        WorkItem item = view.loaded.stream().filter(w -> w.processInstanceId().equals(pi)).findFirst().orElseThrow();
        WorkItemDialog dialog = view.openItem(item);

        as(KUNMING_A); // meanwhile the colleague returns it
        review.returnTask(item.taskId(), ReturnTo.ENTERPRISE, "请补充材料");
        as(KUNMING_B);
        NotificationsKt.clearNotifications();
        _click(dialog.approve);

        String at = jdbc.queryForObject("select completed_at from work_item_done where task_id = ?", java.sql.Timestamp.class,
                item.taskId()).toInstant().atZone(TimeConfig.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        NotificationsKt.expectNotifications("该事项已由 km_a 于 " + at + " 处理，请刷新后查看");
        assertThat(review.counts().todo()).isZero();
    }
}
