package cn.yn.employment.review.api;

import cn.yn.employment.common.idempotency.IdempotentRequests;
import cn.yn.employment.review.Copies;
import cn.yn.employment.review.Handover;
import cn.yn.employment.review.ReviewService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 转办 / 委派 / 交回 / 抄送 of a report's open review task by report id, through the same {@link Handover} and
 * {@link Copies} as the inbox: role, scope (same candidate group; a copy only to people whose scope covers the city),
 * the required reason, audit and notifications apply unchanged. Each takes an {@code Idempotency-Key} header
 * ({@link IdempotentRequests}): a retry with the key answers the first outcome and hands over or copies nothing twice.
 */
@RestController
@RequestMapping("/api/v1/review/reports/{reportId}")
@Tag(name = "Review", description = "Approve or return a report's open review task")
class ReviewHandoverApiController {

    private static final String KIND = "REPORT";

    private final Handover handover;
    private final Copies copies;
    private final ReviewService review;
    private final IdempotentRequests idempotent;

    ReviewHandoverApiController(Handover handover, Copies copies, ReviewService review, IdempotentRequests idempotent) {
        this.handover = handover;
        this.copies = copies;
        this.review = review;
        this.idempotent = idempotent;
    }

    @PostMapping("/transfer")
    @ApiResponse(responseCode = "404", description = "no open review task of this report in the caller's group (notFound)")
    @ApiResponse(responseCode = "409", description = "the caller's group already handled it (review.alreadyHandled)")
    @ApiResponse(responseCode = "422", description = "colleague not in scope or reason missing; fieldErrors name to/reason")
    @Operation(summary = "Transfer (转办) the report's open review task to a colleague of the same review group")
    HandoverResult transfer(@PathVariable long reportId, @RequestBody HandoverRequest body,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, reportId, "transfer", body, task -> {
            handover.transfer(task, body.to(), body.reason());
            return new HandoverResult(reportId, task, "TRANSFER", List.of(body.to()));
        });
    }

    @PostMapping("/delegate")
    @ApiResponse(responseCode = "404", description = "no open review task of this report in the caller's group (notFound)")
    @ApiResponse(responseCode = "409", description = "the caller's group already handled it (review.alreadyHandled)")
    @ApiResponse(responseCode = "422", description = "colleague not in scope or reason missing; fieldErrors name to/reason")
    @Operation(summary = "Delegate (委派) the open review task; the colleague gives it back with /resolve")
    HandoverResult delegate(@PathVariable long reportId, @RequestBody HandoverRequest body,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, reportId, "delegate", body, task -> {
            handover.delegate(task, body.to(), body.reason());
            return new HandoverResult(reportId, task, "DELEGATE", List.of(body.to()));
        });
    }

    @PostMapping("/resolve")
    @ApiResponse(responseCode = "404", description = "no open review task of this report in the caller's group (notFound)")
    @ApiResponse(responseCode = "409", description = "the caller's group already handled it (review.alreadyHandled)")
    @ApiResponse(responseCode = "422", description = "colleague not in scope or reason missing; fieldErrors name to/reason")
    @Operation(summary = "Give a delegated review task back (交回) to its owner with an opinion (field reason)")
    HandoverResult resolve(@PathVariable long reportId, @RequestBody HandoverRequest body,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, reportId, "resolve", body, task -> {
            handover.resolve(task, body.reason());
            return new HandoverResult(reportId, task, "RESOLVE", List.of());
        });
    }

    @PostMapping("/copy")
    @ApiResponse(responseCode = "404", description = "no open review task of this report in the caller's group (notFound)")
    @ApiResponse(responseCode = "409", description = "the caller's group already handled it (review.alreadyHandled)")
    @ApiResponse(responseCode = "422", description = "colleague not in scope or reason missing; fieldErrors name to/reason")
    @Operation(summary = "Copy (抄送) the open review task for information to reviewers or leaders whose scope covers the city")
    HandoverResult copy(@PathVariable long reportId, @RequestBody CopyRequest body,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return once(key, reportId, "copy", body, task -> {
            copies.copy(task, body.to(), body.reason());
            return new HandoverResult(reportId, task, "COPY", body.to() == null ? List.of() : body.to());
        });
    }

    /**
     * The action once per {@code Idempotency-Key}, on the report's open task in the caller's group: role first, then
     * the task, so a missing and a foreign report are one 404 (ADR 0015).
     */
    private HandoverResult once(String key, long reportId, String action, Object body, Function<String, HandoverResult> work) {
        return idempotent.run(key, "POST /api/v1/review/reports/" + reportId + "/" + action, body, HandoverResult.class,
                () -> work.apply(review.openTaskOf(KIND, reportId)));
    }

    record HandoverRequest(String to, String reason) {
    }

    record CopyRequest(List<String> to, String reason) {
    }

    record HandoverResult(long reportId, String taskId, String action, List<String> to) {
    }
}
