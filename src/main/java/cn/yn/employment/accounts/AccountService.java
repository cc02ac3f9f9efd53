package cn.yn.employment.accounts;

import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import cn.yn.employment.common.security.ScopeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, roles and scopes. Administration is for system administrators; a city reviewer may create and manage
 * enterprise accounts of its own city; everyone may change their own password.
 */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.@-]{3,64}$");
    private static final Set<Role> ENTERPRISE_ONLY = EnumSet.of(Role.ENTERPRISE);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    AccountService(AppUserRepository users, PasswordEncoder encoder, CurrentUserProvider currentUser, AuditLog audit,
                   Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<UserView> search(String text, ScopeType scopeType, String scopeCode, int page, int size) {
        CurrentUser me = currentUser.require();
        if (!me.has(Role.SYSTEM_ADMIN)) {
            Access.requireAny(me, Role.CITY_REVIEWER);
            throw new AccessDeniedException("only system administrators list users");
        }
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
        return users.search(like, scopeType, scopeCode, PageRequest.of(page, size, Sort.by("username")))
                .map(this::view);
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        AppUser u = manageable(id);
        return view(u);
    }

    /** A user by name (case-insensitive), for administrators. */
    @Transactional(readOnly = true)
    public java.util.Optional<UserView> findByUsername(String username) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim()).map(this::view);
    }

    @Transactional
    public UserView create(UserForm input) {
        requireManage(input.scope(), input.roles());
        UserForm form = input.checkedText();
        List<FieldError> errors = validate(form, true);
        if (users.existsByUsernameIgnoreCase(form.username().trim())) {
            errors.add(new FieldError("username", "accounts.username.taken"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("accounts.user.invalid", errors);
        }
        AppUser u = new AppUser(form.username().trim(), encoder.encode(form.initialPassword()), form.displayName().trim(),
                form.roles(), form.scope(), clock.instant());
        u.setEmail(blankToNull(form.email()));
        u.setPhone(blankToNull(form.phone()));
        users.save(u);
        audit.record("USER_CREATED", "user", u.getUsername(), null, snapshot(u));
        return view(u);
    }

    /**
     * Creates an account without a signed-in administrator: enterprise self-registration. Only the ENTERPRISE
     * role and an enterprise scope can be created this way.
     */
    @Transactional
    public UserView registerEnterpriseAccount(String username, String displayName, String email, String phone,
                                              long enterpriseId, String password) {
        UserForm form = new UserForm(username, displayName, email, phone, ENTERPRISE_ONLY, Scope.enterprise(enterpriseId), password)
                .checkedText();
        List<FieldError> errors = validate(form, true);
        if (form.username() != null && users.existsByUsernameIgnoreCase(form.username().trim())) {
            errors.add(new FieldError("username", "accounts.username.taken"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("accounts.user.invalid", errors);
        }
        AppUser u = new AppUser(form.username().trim(), encoder.encode(password), form.displayName().trim(), ENTERPRISE_ONLY,
                form.scope(), clock.instant());
        u.setEmail(blankToNull(form.email()));
        u.setPhone(blankToNull(form.phone()));
        users.save(u);
        audit.recordAs(u.getUsername(), "USER_REGISTERED", "user", u.getUsername(), null, snapshot(u));
        return view(u);
    }

    @Transactional
    public UserView update(long id, UserForm input) {
        AppUser u = manageable(id);
        requireManage(input.scope(), input.roles());
        UserForm form = input.checkedText();
        List<FieldError> errors = validate(form, false);
        if (!errors.isEmpty()) {
            throw new DomainException("accounts.user.invalid", errors);
        }
        if (u.isEnabled() && !form.roles().contains(Role.SYSTEM_ADMIN)) {
            requireAnotherActiveAdministrator(u);
        }
        Map<String, Object> before = snapshot(u);
        u.setDisplayName(form.displayName().trim());
        u.setEmail(blankToNull(form.email()));
        u.setPhone(blankToNull(form.phone()));
        u.setRoles(form.roles());
        u.setScope(form.scope());
        u.touch(clock.instant());
        audit.record("USER_UPDATED", "user", u.getUsername(), before, snapshot(u));
        return view(u);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        AppUser u = manageable(id);
        if (!enabled && u.getId().equals(currentUser.require().id())) {
            throw new DomainException("accounts.user.cannotDisableSelf");
        }
        if (!enabled && u.isEnabled()) {
            requireAnotherActiveAdministrator(u);
        }
        Map<String, Object> before = snapshot(u);
        u.setEnabled(enabled);
        u.touch(clock.instant());
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", u.getUsername(), before, snapshot(u));
    }

    /**
     * Refuses to take the role away from the last active system administrator (disable, or edit out the role). The
     * administrators' rows are locked first ({@code select … for update}, in id order): of two administrators
     * disabling each other at the same instant the second waits for the first to commit, then counts what it left.
     */
    private void requireAnotherActiveAdministrator(AppUser u) {
        if (!u.getRoles().contains(Role.SYSTEM_ADMIN)) {
            return;
        }
        jdbc.queryForList("select id from app_user where id in (select user_id from app_user_role where role = ?)"
                + " order by id for update", Long.class, Role.SYSTEM_ADMIN.name());
        if (users.countEnabledWithRole(Role.SYSTEM_ADMIN) <= 1) {
            throw new DomainException("accounts.user.lastAdministrator");
        }
    }

    @Transactional
    public void unlock(long id) {
        AppUser u = manageable(id);
        Map<String, Object> before = snapshot(u);
        u.unlock();
        u.touch(clock.instant());
        audit.record("USER_UNLOCKED", "user", u.getUsername(), before, snapshot(u));
    }

    /** Sets a new password chosen by the administrator; the user must change it at next login. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        AppUser u = manageable(id);
        requirePolicy(u.getUsername(), newPassword, "newPassword");
        u.changePassword(encoder.encode(newPassword), clock.instant(), true);
        u.unlock();
        audit.record("PASSWORD_RESET", "user", u.getUsername(), null, null);
    }

    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        CurrentUser me = currentUser.require();
        AppUser u = users.findById(me.id()).orElseThrow(() -> new DomainException("accounts.user.notFound"));
        if (currentPassword == null || !encoder.matches(currentPassword, u.getPasswordHash())) {
            throw new DomainException("accounts.user.invalid", List.of(new FieldError("currentPassword", "accounts.password.wrongCurrent")));
        }
        if (encoder.matches(newPassword == null ? "" : newPassword, u.getPasswordHash())) {
            throw new DomainException("accounts.user.invalid", List.of(new FieldError("newPassword", "accounts.password.sameAsOld")));
        }
        requirePolicy(u.getUsername(), newPassword, "newPassword");
        u.changePassword(encoder.encode(newPassword), clock.instant(), false);
        audit.record("PASSWORD_CHANGED", "user", u.getUsername(), null, null);
    }

    /** True while the signed-in user still has to replace a password set by an administrator or the installer. */
    @Transactional(readOnly = true)
    public boolean mustChangeOwnPassword() {
        return currentUser.find().flatMap(me -> users.findById(me.id())).map(AppUser::isMustChangePassword).orElse(false);
    }

    /** Users who work for a scope, e.g. the reviewers of a city, for notifications. Not for display. */
    @Transactional(readOnly = true)
    public List<UserView> usersOfScope(Scope scope) {
        return users.findByScopeTypeAndScopeCode(scope.type(), scope.code()).stream().map(this::view).toList();
    }

    /** Like {@link #usersOfScope} filtered to enabled users holding the role. */
    @Transactional(readOnly = true)
    public List<UserView> activeUsersWithRole(Scope scope, Role role) {
        return usersOfScope(scope).stream().filter(u -> u.enabled() && u.roles().contains(role)).toList();
    }

    /**
     * {@link #activeUsersWithRole} for the enterprise scopes of many enterprises in one query per 1,000 (a reminder
     * pass reaches tens of thousands): enterprise id → ids of its enabled users holding the role, by id. Internal API
     * for notifications, like {@link #usersOfScope}; enterprises without such a user are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> activeEnterpriseUsers(java.util.Collection<Long> enterpriseIds, Role role) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        List<String> codes = enterpriseIds.stream().distinct().map(id -> Long.toString(id)).toList();
        for (int from = 0; from < codes.size(); from += 1000) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1000));
            List<Object> args = new ArrayList<>(chunk);
            args.add(role.name());
            jdbc.query("select u.scope_code, u.id from app_user u where u.scope_type = 'ENTERPRISE' and u.enabled = true"
                            + " and u.scope_code in (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")"
                            + " and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = ?) order by u.id",
                    rs -> {
                        out.computeIfAbsent(Long.valueOf(rs.getString(1)), k -> new ArrayList<>()).add(rs.getLong(2));
                    }, args.toArray());
        }
        return out;
    }

    /**
     * A user the caller may manage, by id. Role first (403 for any id); then a user that does not exist and one the
     * caller may not manage (another city's enterprise account) are one and the same "not found".
     */
    private AppUser manageable(long id) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN, Role.CITY_REVIEWER);
        return users.findById(id).filter(u -> mayManage(me, u.scope(), u.getRoles()))
                .orElseThrow(() -> new NotFoundException("accounts.user.notFound"));
    }

    private void requireManage(Scope targetScope, Set<Role> targetRoles) {
        if (!mayManage(currentUser.require(), targetScope, targetRoles)) {
            throw new AccessDeniedException("not allowed to manage this user");
        }
    }

    private boolean mayManage(CurrentUser me, Scope targetScope, Set<Role> targetRoles) {
        if (me.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        // a city reviewer manages the enterprise accounts of enterprises in its own city (read from the shared
        // enterprise table, so guessing another city's ids does not help)
        if (me.has(Role.CITY_REVIEWER) && targetRoles.equals(ENTERPRISE_ONLY) && targetScope.type() == ScopeType.ENTERPRISE) {
            String city = jdbc.query("select city_code from enterprise where id = ?", (rs, n) -> rs.getString(1),
                    targetScope.enterpriseId()).stream().findFirst().orElse(null);
            return city != null && me.scope().coversCity(city);
        }
        return false;
    }

    private List<FieldError> validate(UserForm f, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && (f.username() == null || !USERNAME.matcher(f.username().trim()).matches())) {
            errors.add(new FieldError("username", "accounts.username.invalid"));
        }
        if (f.displayName() == null || f.displayName().isBlank() || f.displayName().length() > 100) {
            errors.add(new FieldError("displayName", "accounts.displayName.invalid"));
        }
        if (f.roles() == null || f.roles().isEmpty()) {
            errors.add(new FieldError("roles", "accounts.roles.required"));
        }
        if (f.email() != null && !f.email().isBlank() && !cn.yn.employment.codes.Email.isValid(f.email())) {
            errors.add(new FieldError("email", "codes.email.invalid"));
        }
        if (f.phone() != null && !f.phone().isBlank() && !cn.yn.employment.codes.PhoneNumber.isValid(f.phone())) {
            errors.add(new FieldError("phone", "codes.phone.invalid"));
        }
        if (f.roles() != null && f.scope() != null) {
            String scopeError = scopeError(f.roles(), f.scope());
            if (scopeError != null) {
                errors.add(new FieldError("scope", scopeError));
            }
        }
        if (creating) {
            PasswordPolicy.violations(f.username(), f.initialPassword())
                    .forEach(k -> errors.add(new FieldError("initialPassword", k)));
        }
        return errors;
    }

    /** A role must match its scope: enterprise users need an enterprise, city reviewers a city, etc. */
    static String scopeError(Set<Role> roles, Scope scope) {
        if (roles.contains(Role.ENTERPRISE) && scope.type() != ScopeType.ENTERPRISE) {
            return "accounts.scope.enterpriseRequired";
        }
        if (roles.contains(Role.CITY_REVIEWER) && scope.type() != ScopeType.CITY) {
            return "accounts.scope.cityRequired";
        }
        if (roles.contains(Role.PROVINCE_REVIEWER) && scope.type() != ScopeType.PROVINCE) {
            return "accounts.scope.provinceRequired";
        }
        if (roles.contains(Role.LEADER) && scope.type() != ScopeType.PROVINCE && scope.type() != ScopeType.CITY) {
            return "accounts.scope.leaderScope";
        }
        return null;
    }

    private void requirePolicy(String username, String password, String field) {
        List<String> broken = PasswordPolicy.violations(username, password);
        if (!broken.isEmpty()) {
            throw new DomainException("accounts.user.invalid", broken.stream().map(k -> new FieldError(field, k)).toList());
        }
    }

    private UserView view(AppUser u) {
        return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPhone(), u.getRoles(),
                u.scope(), u.isEnabled(), u.isLockedAt(clock.instant()), u.getLockedUntil(), u.getCreatedAt());
    }

    private static Map<String, Object> snapshot(AppUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.getUsername());
        m.put("displayName", u.getDisplayName());
        m.put("email", u.getEmail());
        m.put("phone", u.getPhone());
        m.put("roles", new java.util.TreeSet<>(u.getRoles().stream().map(Enum::name).toList()));
        m.put("scope", u.scope().type() + (u.scope().code() == null ? "" : ":" + u.scope().code()));
        m.put("enabled", u.isEnabled());
        m.put("lockedUntil", u.getLockedUntil() == null ? null : u.getLockedUntil().toString());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
