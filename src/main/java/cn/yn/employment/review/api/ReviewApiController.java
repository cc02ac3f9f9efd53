package cn.yn.employment.review.api;

import cn.yn.employment.common.idempotency.IdempotentRequests;
import cn.yn.employment.review.ReturnTo;
import cn.yn.employment.review.ReviewService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review actions by report id for automation (the deployment smoke test, scripted acceptance). The same
 * {@link ReviewService} as the inbox: role, scope, concurrency and audit rules apply unchanged. A report id that
 * does not exist, has no open task, or whose open task is not the caller's (another city's) answers the same 404.
 * Both actions take an {@code Idempotency-Key} header ({@link IdempotentRequests}): a client retrying after a lost
 * answer gets the first answer back (200) instead of the 409 its own earlier success would otherwise cause.
 */
@RestController
@RequestMapping("/api/v1/review/reports/{reportId}")
@Tag(name = "Review", description = "Approve or return a report's open review task")
class ReviewApiController {

    private static final String KIND = "REPORT";

    private final ReviewService review;
    private final IdempotentRequests idempotent;

    ReviewApiController(ReviewService review, IdempotentRequests idempotent) {
        this.review = review;
        this.idempotent = idempotent;
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve the report's open review task (city or province, by the caller's scope)."
            + " With an Idempotency-Key header a retry returns the first outcome (same key, other request: 422)")
    @ApiResponse(responseCode = "404", description = "the report has no review task (review.api.noOpenTask)")
    @ApiResponse(responseCode = "409", description = "the caller's step was already handled: code review.alreadyHandled with handledBy, handledAt")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (claimed by another reviewer …)")
    ActionResult approve(@PathVariable long reportId,
                         @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, "POST /api/v1/review/reports/" + reportId + "/approve", "", ActionResult.class, () -> {
            String task = review.openTaskOf(KIND, reportId);
            review.approve(task, null);
            return new ActionResult(reportId, task, "APPROVE");
        });
    }

    @PostMapping("/return")
    @Operation(summary = "Return the report with a reason; the province may return to the city (returnTo=CITY)."
            + " With an Idempotency-Key header a retry returns the first outcome (same key, other request: 422)")
    @ApiResponse(responseCode = "404", description = "the report has no review task (review.api.noOpenTask)")
    @ApiResponse(responseCode = "409", description = "the caller's step was already handled: code review.alreadyHandled with handledBy, handledAt")
    @ApiResponse(responseCode = "422", description = "no reason (fieldErrors: reason), a city returning to the city, claimed by another reviewer …")
    ActionResult returnReport(@PathVariable long reportId, @RequestBody ReturnRequest body,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, "POST /api/v1/review/reports/" + reportId + "/return", body, ActionResult.class, () -> {
            String task = review.openTaskOf(KIND, reportId);
            review.returnTask(task, body.returnTo(), body.reason());
            return new ActionResult(reportId, task, "RETURN");
        });
    }

    record ReturnRequest(String reason, ReturnTo returnTo) {
    }

    record ActionResult(long reportId, String taskId, String decision) {
    }
}
