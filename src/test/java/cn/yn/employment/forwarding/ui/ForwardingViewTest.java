package cn.yn.employment.forwarding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.forwarding.ForwardingStatus;
import cn.yn.employment.forwarding.ForwardingTestBase;
import cn.yn.employment.forwarding.PeriodForwarding;
import cn.yn.employment.forwarding.internal.PackageBuilder;
import cn.yn.employment.ui.KaribuSpring;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The forwarding view through Karibu with the route access checks: a province reviewer sees the closed period with
 * its status, sends its package, downloads it, sends it again (nothing recorded twice) and marks it acknowledged;
 * other roles cannot open the view.
 */
class ForwardingViewTest extends ForwardingTestBase {

    static final String P = "2019-08";

    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void karibu() {
        KaribuSpring.tearDown();
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    private PeriodForwarding row(ForwardingView view) {
        return view.periods.getListDataView().getItems().filter(p -> p.periodCode().equals(P)).findFirst().orElseThrow();
    }

    /** The actions cell of the first package (grid cells are rendered on demand, so not in the UI tree). */
    private static com.vaadin.flow.component.Component actions(ForwardingView view) {
        return GridKt._getCellComponent(view.packages, 0, "actions");
    }

    @Test
    void theProvinceSendsDownloadsResendsAndAcknowledgesAPackage() throws Exception {
        openPeriod(P);
        accepted(P, "530100", "530102", 100);
        accepted(P, "532900", "532901", 130);
        close(P);

        KaribuSpring.signIn(province());
        UI.getCurrent().navigate(ForwardingView.ROUTE);
        ForwardingView view = _get(ForwardingView.class);
        assertThat(row(view).status()).isEqualTo(ForwardingStatus.BUILT);
        view.periods.select(row(view));
        assertThat(view.heading.getText()).isEqualTo("调查期 " + P);
        assertThat(view.preview.getText()).isEqualTo("已通过 2 份，审核中 0 份，尚未打包的新增或更正记录 0 条");
        assertThat(view.build.getText()).isEqualTo("重新生成（未发送）");
        assertThat(view.send.isEnabled()).isTrue();
        assertThat(GridKt._size(view.packages)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.packages, 0).subList(0, 3)).containsExactly("YN530000_201908_00.zip", "主包", "2");
        assertThat(_find(actions(view), Button.class, spec -> spec.withId("forwarding-resend-0"))).as("not sent yet: no resend").isEmpty();

        _click(view.send);
        assertThat(row(view).status()).isEqualTo(ForwardingStatus.SENT);
        assertThat(view.send.isEnabled()).isFalse();
        assertThat(view.build.getText()).isEqualTo("生成补充包");
        assertThat(view.build.isEnabled()).as("nothing changed since sending").isFalse();
        assertThat(GridKt._size(view.log)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.log, 0)).contains("YN530000_201908_00.zip", "1", "成功", "outbox", "prov");

        // a rendered cell is detached in Karibu; attached, its download resource is registered as in the browser
        com.vaadin.flow.component.Component cell = actions(view);
        UI.getCurrent().add(cell);
        Anchor download = _get(cell, Anchor.class, spec -> spec.withId("forwarding-download-0"));
        byte[] zip = DownloadKt._download(download);
        assertThat(PackageBuilder.sha256(zip)).isEqualTo(view.packages.getListDataView().getItem(0).sha256());
        assertThat(Files.readAllBytes(properties.getOutboxDir().resolve("YN530000_201908_00.zip"))).isEqualTo(zip);

        _click(_get(actions(view), Button.class, spec -> spec.withId("forwarding-resend-0")));
        assertThat(GridKt._size(view.log)).as("the identical package is already there: nothing recorded twice").isEqualTo(1);

        _click(_get(actions(view), Button.class, spec -> spec.withId("forwarding-ack-0")));
        _setValue(_get(TextArea.class, spec -> spec.withId("forwarding-ack-note")), "部里回执 2019-08");
        _click(_get(Button.class, spec -> spec.withId("forwarding-ack-confirm")));
        assertThat(row(view).status()).isEqualTo(ForwardingStatus.ACKNOWLEDGED);
        assertThat(view.packages.getListDataView().getItem(0).ackNote()).isEqualTo("部里回执 2019-08");
        assertThat(_find(actions(view), Button.class, spec -> spec.withId("forwarding-ack-0"))).as("acknowledged: no ack button").isEmpty();
        assertThat(_find(actions(view), Button.class, spec -> spec.withId("forwarding-resend-0"))).hasSize(1);
    }

    @Test
    void otherRolesCannotOpenTheView() {
        List<CurrentUser> others = List.of(city("530100"), enterpriseUser(1),
                new CurrentUser(9401, "leader", "领导", Set.of(Role.LEADER), Scope.province()),
                new CurrentUser(9402, "admin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), Scope.system()));
        for (CurrentUser who : others) {
            karibu();
            KaribuSpring.signIn(who);
            Throwable refused = null;
            try {
                UI.getCurrent().navigate(ForwardingView.ROUTE);
            } catch (Throwable e) {
                refused = e;
            }
            if (refused != null) {
                assertThat(refused).as(who.username()).hasStackTraceContaining("AccessDeniedException");
            }
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).as(who.username())
                    .noneMatch(ForwardingView.class::isInstance);
        }
    }
}
