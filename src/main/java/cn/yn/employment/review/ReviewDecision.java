package cn.yn.employment.review;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.Role;
import java.util.List;
import java.util.Optional;
import org.flowable.task.service.delegate.DelegateTask;
import org.springframework.security.access.AccessDeniedException;

/**
 * A reviewer's decision as a chain's task listener reads it on completion, checked the same way for every chain:
 * the completing user (when there is one) must be a reviewer of this step in scope, the decision must be set, a
 * return needs a reason, only the province may return to the city. The owning module then writes its subject's
 * state, timeline and the one audit entry of the decision.
 *
 * @param returnTo null on approval
 * @param reason   trimmed, null when none was given
 */
public record ReviewDecision(Decision decision, ReturnTo returnTo, String reason) {

    public boolean approved() {
        return decision == Decision.APPROVE;
    }

    /** On creation of a review task: a decision must come from this task's completion, never linger from an earlier step. */
    public static void clearStale(DelegateTask task) {
        task.removeVariable(ReviewContract.DECISION);
        task.removeVariable(ReviewContract.COMMENT);
        task.removeVariable(ReviewContract.RETURN_TO);
    }

    /**
     * Reads and checks the decision of a completed review task and normalises {@code returnTo} on the task
     * ({@code NONE} after an approval, {@code CITY} or {@code ENTERPRISE} after a return) for the gateways.
     *
     * @param provinceStep the task is the province review (else the city review)
     * @param actor        the signed-in user completing it; empty for system completions (demo data, migrations)
     */
    public static ReviewDecision onComplete(DelegateTask task, boolean provinceStep, Optional<CurrentUser> actor) {
        actor.ifPresent(me -> requireReviewer(me, provinceStep, (String) task.getVariable(ReviewContract.CITY_CODE)));
        Decision decision = Decision.of(task.getVariable(ReviewContract.DECISION));
        if (decision == null) {
            throw new DomainException("review.decision.required");
        }
        String reason = task.getVariable(ReviewContract.COMMENT) instanceof String s && !s.isBlank() ? s.trim() : null;
        if (reason != null && reason.length() > ReviewContract.MAX_COMMENT) {
            throw new DomainException("review.error.commentTooLong", List.of(new DomainException.FieldError("reason",
                    "review.error.commentTooLong", ReviewContract.MAX_COMMENT)), ReviewContract.MAX_COMMENT);
        }
        if (decision == Decision.APPROVE) {
            task.setVariable(ReviewContract.RETURN_TO, ReviewContract.RETURN_TO_NONE);
            return new ReviewDecision(decision, null, reason);
        }
        if (reason == null) {
            throw new DomainException("review.decision.reasonRequired",
                    List.of(new DomainException.FieldError("reason", "review.decision.reasonRequired")));
        }
        ReturnTo to = provinceStep && ReturnTo.CITY.name().equals(task.getVariable(ReviewContract.RETURN_TO))
                ? ReturnTo.CITY : ReturnTo.ENTERPRISE;
        task.setVariable(ReviewContract.RETURN_TO, to.name());
        return new ReviewDecision(decision, to, reason);
    }

    /** The reviewer of a step: the city review needs a reviewer of that city, the province review a province reviewer. */
    public static void requireReviewer(CurrentUser me, boolean provinceStep, String cityCode) {
        if (provinceStep) {
            Access.requireAny(me, Role.PROVINCE_REVIEWER);
            if (!me.scope().isProvince()) {
                throw new AccessDeniedException("not a province reviewer");
            }
        } else {
            Access.requireAny(me, Role.CITY_REVIEWER);
            if (me.scope().cityCode() == null || !me.scope().cityCode().equals(cityCode)) {
                throw new AccessDeniedException("not a reviewer of city " + cityCode);
            }
        }
    }
}
