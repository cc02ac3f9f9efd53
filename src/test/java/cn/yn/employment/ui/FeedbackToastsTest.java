package cn.yn.employment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 20 §3: a success replaces the error before it; errors do not follow the user to the next page or stack. */
class FeedbackToastsTest {

    @Route("toast-a")
    public static class PageA extends Div {
    }

    @Route("toast-b")
    public static class PageB extends Div {
        public PageB() {
            Feedback.error("B 的错误");
        }
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes(Set.of(PageA.class, PageB.class), Set.of(), true));
        UI.getCurrent().navigate(PageA.class);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static List<String> open() {
        return NotificationsKt.getNotifications().stream().filter(Notification::isOpened).map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void successReplacesTheErrorBeforeIt() {
        Feedback.error("保存失败：期末人数不能为负数");
        assertThat(open()).containsExactly("保存失败：期末人数不能为负数");
        Feedback.success("已保存");
        assertThat(open()).containsExactly("已保存");
        assertThat(NotificationsKt.getNotifications().get(0).getThemeNames()).contains(NotificationVariant.LUMO_SUCCESS.getVariantName());
    }

    @Test
    void aNewErrorReplacesTheOldOneAndErrorsStayOnTheirPage() {
        Feedback.error("第一次");
        Feedback.error("第二次");
        assertThat(open()).containsExactly("第二次");
        UI.getCurrent().navigate(PageB.class);
        // the old page's error is gone; the new page's own error (raised while it was built) stays
        assertThat(open()).containsExactly("B 的错误");
        UI.getCurrent().navigate(PageA.class);
        assertThat(open()).isEmpty();
    }
}
