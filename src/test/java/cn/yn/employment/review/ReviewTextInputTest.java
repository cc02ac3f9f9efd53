package cn.yn.employment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.text.TextInput;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18 item 7: review comments, return reasons and saved filters go through the edge's text gate. */
class ReviewTextInputTest extends ReviewTestBase {

    private static void refused(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(TextInput.INVALID);
            assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly(field);
        });
    }

    @Test
    void commentsReasonsAndFiltersRefuseControlAndBidiCharacters() {
        String pi = submit("530100", "530102", "文本公司", false);
        String t = taskId(pi);
        as(KUNMING_A);
        refused(() -> review.approve(t, "同意\u202e"), "comment");
        refused(() -> review.returnTask(t, ReturnTo.ENTERPRISE, "请核对\u0000"), "reason");
        refused(() -> review.bulk(BulkAction.RETURN, List.of(t), ReturnTo.ENTERPRISE, "批量\u001b[1m", Set.of(), null), "reason");
        refused(() -> review.saveFilter("我的\u2067筛选", InboxFilter.none(), false), "name");
        refused(() -> review.saveFilter("我的筛选", InboxFilter.none().withText("公司\u0007"), false), "text");
        assertThat(openTask(pi).getId()).as("nothing was decided").isEqualTo(t);
        assertThat(review.savedFilters()).isEmpty();
        // a clean reason in NFC goes through
        review.returnTask(t, ReturnTo.ENTERPRISE, "Cafe\u0301 名称有误");
        assertThat(jdbc.queryForObject("select comment from work_item_done where task_id = ?", String.class, t))
                .isEqualTo("Caf\u00e9 名称有误");
    }
}
