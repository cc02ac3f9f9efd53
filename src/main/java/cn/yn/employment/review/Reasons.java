package cn.yn.employment.review;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.text.TextInput;
import java.util.List;

/** The reason every hand-over needs: present (at the field "reason"), through the text gate, at most 1,000 characters. */
final class Reasons {

    private Reasons() {
    }

    static String require(String input) {
        // the edge's text gate as for comments and return reasons: NUL was a database error on PostgreSQL (a 500),
        // bidi overrides and escape sequences were stored and shown to the colleague (S3 corpus)
        String reason = TextInput.checked("reason", input);
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
