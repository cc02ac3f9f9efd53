package cn.yn.employment.review.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.review.ReviewTestBase;
import cn.yn.employment.review.WorkItem;
import cn.yn.employment.ui.KaribuSpring;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The inbox's Karibu tests: a mocked UI without routes around each test, and the inbox view created directly (as
 * the reviewer signed in with {@code as(...)} sees it), with bulk actions run on the test's thread.
 */
abstract class InboxTestBase extends ReviewTestBase {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    CodeService codes;
    @Autowired
    CurrentUserProvider users;
    @Autowired
    ObjectProvider<SubjectDetailsProvider> providers;

    @BeforeEach
    void karibu() {
        KaribuSpring.setupWithoutRoutes(ctx);
    }

    @AfterEach
    void karibuDown() {
        KaribuSpring.tearDown();
    }

    /** The inbox as the current user sees it, the only component of the UI. */
    InboxView open() {
        InboxView view = new InboxView(review, ctx.getBean(cn.yn.employment.review.InboxPages.class), ctx.getBean(cn.yn.employment.review.InboxExport.class), ctx.getBean(ItemActions.class), codes, users, providers);
        view.bulkExecutor = Runnable::run;
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    /** The loaded row of the enterprise with this name. */
    static WorkItem row(InboxView view, String enterpriseName) {
        return view.loaded.stream().filter(w -> enterpriseName.equals(w.enterpriseName())).findFirst().orElseThrow();
    }
}
