package cn.yn.employment.common.security;

import java.util.Optional;

/** Resolves the user of the current request or UI session; implemented by the accounts module. */
public interface CurrentUserProvider {

    Optional<CurrentUser> find();

    default CurrentUser require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }
}
