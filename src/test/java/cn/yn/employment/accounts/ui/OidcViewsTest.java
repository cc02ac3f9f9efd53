package cn.yn.employment.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.FoundationTest;
import cn.yn.employment.accounts.OidcProperties;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.LoginView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The OIDC option's screens (issue 16 §1): "统一身份认证登录" beside the password form, in Chinese and English, leading
 * to Spring Security's authorization endpoint by a full page load; the refusal page's message per reason. The flow
 * itself is {@code accounts.OidcLoginTest}, against a real provider.
 */
class OidcViewsTest extends FoundationTest {

    @Autowired ApplicationContext ctx;

    private final OidcProperties oidc = new OidcProperties(true, "idp", "preferred_username", "groups", Map.of(), "{baseUrl}/login");

    @BeforeEach
    void setUp() {
        KaribuSpring.setup(ctx);
    }

    @AfterEach
    void tearDown() {
        KaribuSpring.tearDown();
    }

    @Test
    void theLoginPageOffersUnifiedIdentityBesideThePasswordForm() {
        LoginView login = new LoginView(List.of(new OidcLoginButton(oidc)));
        UI.getCurrent().add(login);

        assertThat(_find(login, LoginForm.class)).hasSize(1);
        Anchor start = _get(login, Anchor.class, s -> s.withId("oidc-login"));
        assertThat(start.getHref()).isEqualTo("oauth2/authorization/idp");
        assertThat(start.getElement().hasAttribute("router-ignore")).as("a full page load, not the Vaadin router").isTrue();
        assertThat(_get(start, Button.class).getText()).isEqualTo("统一身份认证登录");
    }

    @Test
    void inEnglishTheButtonAndHintAreEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        Component box = new OidcLoginButton(oidc).create();
        UI.getCurrent().add(box);

        assertThat(_get(box, Button.class).getText()).isEqualTo("Sign in with unified identity");
        String texts = _find(box, Span.class).stream().map(Span::getText).collect(Collectors.joining(" "));
        assertThat(texts).contains("unified identity platform").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void theRefusalPageSaysWhyAndLeadsBackToTheLoginPage() {
        UI.getCurrent().navigate("sso-refused", QueryParameters.of("reason", "unknown"));
        assertThat(_get(Paragraph.class, s -> s.withId("oidc-refused-message")).getText())
                .contains("没有与之对应的账号").contains("不会自动创建账号");
        assertThat(_get(RouterLink.class, s -> s.withId("oidc-refused-back")).getHref()).isEqualTo("login");

        UI.getCurrent().navigate("sso-refused", QueryParameters.of("reason", "locked"));
        assertThat(_get(Paragraph.class, s -> s.withId("oidc-refused-message")).getText()).contains("锁定");

        UI.getCurrent().navigate("sso-refused", QueryParameters.of("reason", "<script>"));
        assertThat(_get(Paragraph.class, s -> s.withId("oidc-refused-message")).getText())
                .as("an unknown reason reads as the general one").contains("没有完成");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("sso-refused", QueryParameters.of("reason", "disabled"));
        assertThat(_get(Paragraph.class, s -> s.withId("oidc-refused-message")).getText())
                .isEqualTo("Your account in this system is disabled. Please contact the system administrator.");
    }
}
