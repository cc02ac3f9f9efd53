package cn.yn.employment.enterprise;

import cn.yn.employment.accounts.AccountService;
import cn.yn.employment.accounts.PasswordPolicy;
import cn.yn.employment.accounts.UserForm;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises: the read API other modules use ({@link #find}, {@link #isFiled}), self-registration and
 * creation by a city reviewer. Filing itself is {@link FilingService}.
 */
@Service
public class EnterpriseService {

    private final EnterpriseStore store;
    private final FilingValidator validator;
    private final CodeService codes;
    private final AccountService accounts;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Clock clock;

    EnterpriseService(EnterpriseStore store, FilingValidator validator, CodeService codes, AccountService accounts,
                      CurrentUserProvider currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.codes = codes;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The enterprise with its current approved filing. Its own user, or a reviewer/leader whose scope covers
     * its city.
     */
    @Transactional(readOnly = true)
    public EnterpriseView find(long id) {
        CurrentUser me = currentUser.require();
        // another city's enterprise and an id that does not exist: the same answer
        return store.findEnterprise(id).filter(e -> Access.coversEnterprise(me, id, e.cityCode()))
                .orElseThrow(() -> new NotFoundException("enterprise.notFound"));
    }

    /** True when the enterprise's filing is approved (it may report). Same access rule as {@link #find}. */
    @Transactional(readOnly = true)
    public boolean isFiled(long id) {
        return find(id).filed();
    }

    /** The signed-in enterprise user's own enterprise. */
    @Transactional(readOnly = true)
    public EnterpriseView mine() {
        CurrentUser me = currentUser.require();
        Access.requireAny(me, Role.ENTERPRISE);
        Long id = me.scope().enterpriseId();
        if (id == null) {
            throw new AccessDeniedException("not an enterprise user");
        }
        return find(id);
    }

    /**
     * Enterprises a reviewer may see: a city reviewer its city's, a province reviewer any (optionally of one
     * city). {@code text} matches name or USCC.
     */
    @Transactional(readOnly = true)
    public List<EnterpriseView> search(String cityCode, String text, int offset, int limit) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER);
        String city = cityCode;
        if (!me.scope().isProvince()) {
            city = me.scope().cityCode();
            if (city == null || (cityCode != null && !cityCode.equals(city))) {
                throw new AccessDeniedException("outside your scope");
            }
        }
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
        return store.searchEnterprises(city, like, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
    }

    /**
     * Self-registration, without a signed-in user: the enterprise row (filing state DRAFT) and its enterprise
     * account, in one transaction. Every field error is reported at once where possible.
     */
    @Transactional
    public EnterpriseView register(RegistrationForm input) {
        RegistrationForm form = input.checkedText();
        long id = createEnterprise(form);
        accounts.registerEnterpriseAccount(form.username() == null ? null : form.username().trim(),
                form.name().trim(), FilingData.clean(form.email()), FilingData.clean(form.phone()), id, form.password());
        EnterpriseView e = store.findEnterprise(id).orElseThrow();
        audit.recordAs(form.username().trim(), "ENTERPRISE_REGISTERED", "enterprise", Long.toString(id), null, snapshot(e));
        return e;
    }

    /** A city reviewer creates an enterprise of its own city together with the enterprise's account. */
    @Transactional
    public EnterpriseView createForCity(RegistrationForm input) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.CITY_REVIEWER);
        RegistrationForm form = input.checkedText();
        String county = FilingData.clean(form.countyCode());
        if (county != null && codes.isCounty(county)) {
            Access.requireCity(me, codes.cityOf(county).orElseThrow());
        }
        long id = createEnterprise(form);
        EnterpriseView e = store.findEnterprise(id).orElseThrow();
        Access.requireCity(me, e.cityCode());
        accounts.create(new UserForm(form.username() == null ? null : form.username().trim(), form.name().trim(),
                FilingData.clean(form.email()), FilingData.clean(form.phone()), Set.of(Role.ENTERPRISE),
                Scope.enterprise(id), form.password()));
        audit.record("ENTERPRISE_CREATED", "enterprise", Long.toString(id), null, snapshot(e));
        return e;
    }

    private long createEnterprise(RegistrationForm form) {
        List<FieldError> errors = new ArrayList<>(validator.validateRegistration(form));
        String uscc = FilingData.upper(form.uscc());
        if (uscc != null && Uscc.isValid(uscc) && store.usccTaken(uscc, null)) {
            errors.add(new FieldError("uscc", "enterprise.field.uscc.taken"));
        }
        String username = FilingData.clean(form.username());
        if (username == null) {
            errors.add(new FieldError("username", "enterprise.field.required"));
        }
        PasswordPolicy.violations(username, form.password()).forEach(k -> errors.add(new FieldError("password", k)));
        if (!errors.isEmpty()) {
            throw new DomainException("enterprise.form.invalid", errors);
        }
        String county = FilingData.clean(form.countyCode());
        Instant now = clock.instant();
        try {
            return store.insertEnterprise(uscc, new Uscc(uscc).organisationCode().value(), form.name().trim(), county,
                    codes.cityOf(county).orElseThrow(), FilingData.clean(form.contactPerson()), FilingData.clean(form.phone()),
                    FilingData.clean(form.email()), now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new DomainException("enterprise.form.invalid", List.of(new FieldError("uscc", "enterprise.field.uscc.taken")));
        }
    }

    static Map<String, Object> snapshot(EnterpriseView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", e.uscc());
        m.put("name", e.name());
        m.put("countyCode", e.countyCode());
        m.put("cityCode", e.cityCode());
        m.put("filingState", e.filingState().name());
        return m;
    }
}
