package cn.yn.employment.review;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import java.util.List;

/** The reason every hand-over needs: present (at the field "reason") and at most 1,000 characters. */
final class Reasons {

    private Reasons() {
    }

    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("review.handover.reasonRequired", List.of(new FieldError("reason", "review.handover.reasonRequired")));
        }
        String trimmed = reason.trim();
        if (trimmed.length() > ReviewContract.MAX_COMMENT) {
            throw new DomainException("review.error.commentTooLong",
                    List.of(new FieldError("reason", "review.error.commentTooLong", ReviewContract.MAX_COMMENT)),
                    ReviewContract.MAX_COMMENT);
        }
        return trimmed;
    }
}
