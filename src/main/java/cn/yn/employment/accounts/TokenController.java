package cn.yn.employment.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Authentication", description = "Obtain a bearer token with HTTP Basic credentials")
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer token (valid 12 hours) for the user given by HTTP Basic authentication")
    TokenResponse issue(@AuthenticationPrincipal UserPrincipal principal) {
        ApiTokenService.IssuedToken t = tokens.issue(principal.user().id(), principal.getUsername(), "api", null);
        return new TokenResponse(t.token(), "Bearer", t.expiresAt());
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {

        /** Never the token itself: Spring MVC logs the body it writes at DEBUG (S5, {@code NoSecretsInLogsTest}). */
        @Override
        public String toString() {
            return "TokenResponse[token=***, tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
        }
    }
}
