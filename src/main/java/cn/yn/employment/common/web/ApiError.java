package cn.yn.employment.common.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The one error body of every {@code /api/**} response that is not a success (docs/api.md): a stable
 * {@code code} (an i18n key, or a short word for HTTP-level errors), a message in the caller's language and the
 * fields at fault. A conflict adds its facts (e.g. {@code handledBy}, {@code handledAt}) as further properties.
 */
@Schema(name = "ApiError", description = "Error body of every non-2xx response of /api/**")
public record ApiError(
        @Schema(description = "stable error code", example = "report.validation.headcountNegative", requiredMode = Schema.RequiredMode.REQUIRED)
        String code,
        @Schema(description = "message in the caller's language (Accept-Language: zh default, en)", requiredMode = Schema.RequiredMode.REQUIRED)
        String message,
        @Schema(description = "the fields at fault; empty when no single field is", requiredMode = Schema.RequiredMode.REQUIRED)
        List<ApiFieldError> fieldErrors,
        @JsonIgnore @Schema(hidden = true)
        Map<String, Object> details) {

    public ApiError {
        fieldErrors = List.copyOf(fieldErrors);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @JsonAnyGetter
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, Object> extra() {
        return details;
    }

    /** One field's error: the request field (JSON property or query/path parameter), a code and a message. */
    @Schema(name = "ApiFieldError")
    public record ApiFieldError(String field, String code, String message) {
    }
}
