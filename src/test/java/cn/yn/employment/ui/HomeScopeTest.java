package cn.yn.employment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Issue 20 §3: the home page names the user's region, not its code ("行政区划 530100"). */
class HomeScopeTest extends FoundationTest {

    @Autowired ApplicationContext ctx;

    @BeforeEach
    void setUp() {
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void aCityUserSeesTheCitysName() {
        KaribuSpring.signIn(new CurrentUser(1, "km.lead", "昆明领导", Set.of(Role.LEADER), Scope.city("530100")));
        HomeView home = KaribuSpring.view(ctx, HomeView.class);
        assertThat(_get(home, Paragraph.class, s -> s.withId("home-scope")).getText())
                .isEqualTo("市（州）级用户 · 昆明市").doesNotContain("530100");
    }
}
