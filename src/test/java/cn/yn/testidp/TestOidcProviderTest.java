package cn.yn.testidp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The test provider itself: discovery names its issuer, its end_session_endpoint and its JWKS. */
class TestOidcProviderTest {

    @Test
    void servesDiscoveryWithLogoutAndKeys() throws Exception {
        try (TestOidcProvider idp = TestOidcProvider.start()) {
            CookieBrowser browser = new CookieBrowser();
            HttpResponse<String> discovery = browser.get(idp.issuer() + "/.well-known/openid-configuration");
            assertThat(discovery.statusCode()).as(discovery.body()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + idp.issuer() + "\"")
                    .contains("\"end_session_endpoint\":\"" + idp.issuer() + "/connect/logout\"");
            assertThat(browser.get(idp.issuer() + "/oauth2/jwks").body()).contains("\"kty\":\"RSA\"");
        }
    }
}
