package cn.yn.employment.accounts.ui;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.common.security.CurrentUserProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A user whose password was set by someone else (an administrator's reset, the installer's first administrator)
 * can open no screen but "change password" until they have chosen their own. Checked once per session until it
 * passes, so ordinary navigation costs nothing.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    static final String CLEARED = PasswordChangeGuard.class.getName() + ".cleared";

    private final AccountService accounts;
    private final CurrentUserProvider currentUser;

    PasswordChangeGuard(AccountService accounts, CurrentUserProvider currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || Boolean.TRUE.equals(session.getAttribute(CLEARED))
                || ChangePasswordView.class.equals(event.getNavigationTarget())) {
            return;
        }
        if (currentUser.find().isEmpty()) {
            return; // the login screen and the public pages
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken) {
            // signed in through the IdP (ADR 0026): the local password is not what this session used
            session.setAttribute(CLEARED, Boolean.TRUE);
            return;
        }
        if (accounts.mustChangeOwnPassword()) {
            event.rerouteTo(ChangePasswordView.class);
        } else {
            session.setAttribute(CLEARED, Boolean.TRUE);
        }
    }

    /** After the user chose a new password. */
    static void cleared() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(CLEARED, Boolean.TRUE);
        }
    }
}
