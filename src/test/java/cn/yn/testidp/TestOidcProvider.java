package cn.yn.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in its own application context (nothing of the
 * application's auto-configuration, no configuration files) on a random port of 127.0.0.1, with discovery, JWKS, the
 * authorization-code flow, userinfo and RP-initiated logout ({@code end_session_endpoint}). People sign in at its
 * form login page; the claims of their ID tokens are set by the test. Outside {@code cn.yn.employment}, so the
 * application's component scan never sees it. Its session cookie is {@code IDPSESSION}.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "ems";
    public static final String CLIENT_SECRET = "ems-test-secret";

    private final ConfigurableApplicationContext context;
    private final State state;

    private TestOidcProvider(ConfigurableApplicationContext context, State state) {
        this.context = context;
        this.state = state;
    }

    public static TestOidcProvider start() {
        State state = new State();
        SpringApplication app = new SpringApplication(IdpConfiguration.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setRegisterShutdownHook(false);
        // the application's logging stays as the test contexts set it up
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("testIdpState", state));
        ConfigurableApplicationContext context = app.run(
                // none of the application's configuration files or test profiles (a test-postgres profile would give it
                // a database of its own: common.db.SchemaPerTestContext)
                "--spring.config.name=cn-yn-test-idp-none", "--spring.profiles.active=test-idp", "--spring.main.banner-mode=off",
                "--server.port=0", "--server.address=127.0.0.1",
                "--server.servlet.session.cookie.name=IDPSESSION");
        return new TestOidcProvider(context, state);
    }

    /** {@code http://127.0.0.1:<port>}: also the issuer its discovery document names. */
    public String issuer() {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers the application as client {@value #CLIENT_ID} with its exact redirect and post-logout URIs. */
    public void allowClient(String redirectUri, String postLogoutRedirectUri) {
        state.clients.save(client(redirectUri, postLogoutRedirectUri));
    }

    /** A person who can sign in at the provider with this password; {@code claims} go into their ID tokens. */
    public void person(String login, String password, Map<String, Object> claims) {
        if (!state.users.userExists(login)) {
            state.users.createUser(User.withUsername(login).password("{noop}" + password).roles("USER").build());
        }
        state.claims.put(login, Map.copyOf(claims));
    }

    /** From now on this person's ID tokens are issued already expired (ten minutes ago). */
    public void issueExpiredIdTokens(String login) {
        state.expired.add(login);
    }

    @Override
    public void close() {
        context.close();
    }

    private static RegisteredClient client(String redirectUri, String postLogoutRedirectUri) {
        return RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri)
                .postLogoutRedirectUri(postLogoutRedirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    static final class State {
        final InMemoryRegisteredClientRepository clients =
                new InMemoryRegisteredClientRepository(client("http://localhost/not-yet", "http://localhost/not-yet"));
        final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
        final Set<String> expired = ConcurrentHashMap.newKeySet();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class}) // a servlet to map: without one Tomcat runs no filter
    static class IdpConfiguration {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults())); // the userinfo endpoint
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        /**
         * Always the JVM's current strategy: the application context started after this one installs Vaadin's, and
         * Spring Authorization Server reads the principal through the static {@code SecurityContextHolder}, so filters
         * that kept the strategy of start-up would write where the endpoints no longer read.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        InMemoryUserDetailsManager users(State state) {
            return state.users;
        }

        @Bean
        InMemoryRegisteredClientRepository clients(State state) {
            return state.clients;
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build(); // issuer: from the request, http://127.0.0.1:<port>
        }

        /** The test's claims in the ID token; an already expired ID token for the people the test says. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(State state) {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                String login = context.getPrincipal().getName();
                state.claims.getOrDefault(login, Map.of()).forEach((name, value) ->
                        context.getClaims().claim(name, value instanceof List<?> l ? List.copyOf(l) : value));
                if (state.expired.contains(login)) {
                    Instant now = Instant.now();
                    context.getClaims().issuedAt(now.minus(Duration.ofMinutes(20))).expiresAt(now.minus(Duration.ofMinutes(10)));
                }
            };
        }
    }
}
