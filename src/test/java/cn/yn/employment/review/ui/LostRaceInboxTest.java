package cn.yn.employment.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.WorkItem;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The inbox tells a reviewer who lost the race to a colleague who handled the item, and when. */
class LostRaceInboxTest extends InboxTestBase {


    @Test
    void theLoserReadsTheColleaguesNameAndTheTime() {
        String pi = submit("530100", "530102", "界面竞争公司", false);
        as(KUNMING_B);
        InboxView view = open();
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
