package cn.yn.employment.common.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's contract in the OpenAPI document (/v3/api-docs): the security schemes on every operation and every
 * error response with the {@link ApiError} schema. Added here for all operations, so a new endpoint carries them
 * without annotations; an endpoint declares only what is its own (404 for its ids, 409, 422) with
 * {@code @ApiResponse}, and gets the schema for those too.
 */
@Configuration
class ApiDocsConfig {

    static final String BEARER = "bearerToken";
    static final String BASIC = "basicAuth";
    static final String ERROR_SCHEMA = "ApiError";
    /** The one operation that takes the account's password (HTTP Basic) to hand out a bearer token. */
    static final String TOKEN_PATH = "/api/v1/tokens";

    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "401", "no, wrong or expired credentials (code unauthorized)",
            "403", "the account's role or scope does not allow this (code forbidden)",
            "406", "the Accept header rules out every type this operation produces (code notAcceptable)",
            "500", "an unexpected failure (code internalError); the body carries no internals");

    @Bean
    OpenAPI apiDescription() {
        return new OpenAPI()
                .info(new Info().title("云南省企业就业失业数据采集系统 API").version("v1")
                        .description("Errors: every non-2xx response has the ApiError body (docs/api.md). "
                                + "Messages follow Accept-Language (zh default, en)."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("token from POST /api/v1/tokens, valid 12 hours"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the account's user name and password; counts towards the login lockout")));
    }

    @Bean
    OpenApiCustomizer errorContract() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                    (method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean tokenRequest = TOKEN_PATH.equals(path);
        operation.setSecurity(tokenRequest
                ? List.of(new SecurityRequirement().addList(BASIC))
                : List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        COMMON_ERRORS.forEach((code, why) -> responses.putIfAbsent(code, new ApiResponse().description(why)));
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            responses.putIfAbsent("400", new ApiResponse().description(
                    "malformed input: unreadable JSON, a number that does not parse, an unknown value (fieldErrors name the field)"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("415", new ApiResponse().description("the body is not application/json (code unsupportedMediaType)"));
        }
        responses.forEach((code, response) -> {
            if (!code.startsWith("2")) {
                response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
            }
        });
    }
}
