package cn.yn.employment.codes;

import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read access to the versioned code tables. Tables are small (≤ 150 rows) and read on every form, so each is
 * held in memory; an edit reloads the table here, and other nodes reload within {@link #RELOAD_MS}.
 */
@Service
public class CodeService {

    static final long RELOAD_MS = 300_000;

    public static final String PROVINCE = "530000";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Map<CodeType, List<Code>> cache = new ConcurrentHashMap<>();

    CodeService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Every version of every entry of a table, including expired ones. */
    public List<Code> allVersions(CodeType type) {
        return cache.computeIfAbsent(type, this::load);
    }

    /** Entries valid today, in table order. */
    public List<Code> current(CodeType type) {
        LocalDate today = LocalDate.now(clock);
        return allVersions(type).stream().filter(c -> c.validOn(today)).toList();
    }

    public Optional<Code> find(CodeType type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return allVersions(type).stream().filter(c -> c.code().equals(code) && c.validOn(today)).findFirst();
    }

    /** The entry as it was on a day: reports keep the label they were filed with. */
    public Optional<Code> findOn(CodeType type, String code, LocalDate day) {
        return allVersions(type).stream().filter(c -> c.code().equals(code) && c.validOn(day)).findFirst();
    }

    public String nameOf(CodeType type, String code) {
        if (code == null) {
            return "";
        }
        return allVersions(type).stream().filter(c -> c.code().equals(code))
                .max(Comparator.comparing(Code::validFrom)).map(Code::name).orElse(code);
    }

    public List<Code> children(CodeType type, String parentCode) {
        return current(type).stream().filter(c -> parentCode.equals(c.parentCode())).toList();
    }

    public List<Code> roots(CodeType type) {
        return current(type).stream().filter(c -> c.parentCode() == null).toList();
    }

    // --- regions -------------------------------------------------------------------------------------------

    /** The 16 prefecture-level units (州/市). */
    public List<Code> cities() {
        return children(CodeType.REGION, PROVINCE);
    }

    public List<Code> counties(String cityCode) {
        return children(CodeType.REGION, cityCode);
    }

    public List<Code> allCounties() {
        return current(CodeType.REGION).stream().filter(c -> "county".equals(c.level())).toList();
    }

    public boolean isCounty(String code) {
        return find(CodeType.REGION, code).filter(c -> "county".equals(c.level())).isPresent();
    }

    public Optional<String> cityOf(String countyCode) {
        return find(CodeType.REGION, countyCode).filter(c -> "county".equals(c.level())).map(Code::parentCode);
    }

    // --- industries and registration types ------------------------------------------------------------------

    public boolean isIndustryDivision(String code) {
        return find(CodeType.INDUSTRY, code).filter(c -> "division".equals(c.level())).isPresent();
    }

    public Optional<String> sectionOf(String divisionCode) {
        return find(CodeType.INDUSTRY, divisionCode).map(Code::parentCode);
    }

    public boolean isRegistrationLeaf(String code) {
        // leaves only: 140 联营企业, 150 有限责任公司 and 170 私营企业 have children of their own
        return find(CodeType.REGISTRATION_TYPE, code).filter(c -> c.parentCode() != null).isPresent()
                && children(CodeType.REGISTRATION_TYPE, code).isEmpty();
    }

    // --- editing (system administrator) ----------------------------------------------------------------------

    /**
     * Adds a new version of an entry (or a new entry) valid from a day; the version valid before that day is
     * closed on it. The history stays, so old reports keep their labels. Level and parent default to the
     * previous version's.
     */
    @Transactional
    public void saveVersion(CodeType type, String codeInput, String nameInput, String level, String parentInput, LocalDate validFrom) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        TextInput in = new TextInput();
        String code = in.code("code", codeInput);
        String name = in.text("name", nameInput);
        String parentCode = in.code("parentCode", parentInput);
        in.throwIfInvalid();
        String c = code == null ? "" : code.trim();
        String n = name == null ? "" : name.trim();
        List<FieldError> errors = new ArrayList<>();
        if (!c.matches("^[0-9A-Za-z]{1,16}$")) {
            errors.add(new FieldError("code", "codes.edit.codeInvalid"));
        }
        if (n.isEmpty() || n.length() > 200) {
            errors.add(new FieldError("name", "codes.edit.nameInvalid"));
        }
        if (validFrom == null) {
            errors.add(new FieldError("validFrom", "codes.edit.validFromRequired"));
        }
        List<Code> versions = allVersions(type).stream().filter(v -> v.code().equals(c)).toList();
        Optional<Code> previous = versions.stream().filter(v -> v.validTo() == null).findFirst();
        if (validFrom != null) {
            // a new version must start after every existing one, and not inside a closed one
            versions.stream().filter(v -> !validFrom.isAfter(v.validFrom()) || v.validTo() != null && v.validTo().isAfter(validFrom))
                    .map(Code::validFrom).max(Comparator.naturalOrder())
                    .ifPresent(last -> errors.add(new FieldError("validFrom", "codes.edit.validFromTooEarly", last)));
        }
        String effectiveLevel = blankToNull(level) != null ? level.trim() : previous.map(Code::level).orElse(null);
        String effectiveParent = blankToNull(parentCode) != null ? parentCode.trim() : previous.map(Code::parentCode).orElse(null);
        if (effectiveParent != null && (effectiveParent.equals(c) || find(type, effectiveParent).isEmpty())) {
            errors.add(new FieldError("parentCode", "codes.edit.parentUnknown"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException("codes.edit.invalid", errors);
        }
        previous.ifPresent(p -> jdbc.update("update code_entry set valid_to = ? where code_type = ? and code = ? and valid_from = ?",
                Date.valueOf(validFrom), type.name(), c, Date.valueOf(p.validFrom())));
        int order = versions.stream().mapToInt(Code::sortOrder).max()
                .orElse(allVersions(type).stream().mapToInt(Code::sortOrder).max().orElse(-1) + 1);
        jdbc.update("insert into code_entry (code_type, code, name, level, parent_code, sort_order, valid_from) values (?, ?, ?, ?, ?, ?, ?)",
                type.name(), c, n, effectiveLevel, effectiveParent, order, Date.valueOf(validFrom));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", n);
        after.put("level", effectiveLevel);
        after.put("parentCode", effectiveParent);
        after.put("validFrom", validFrom.toString());
        audit.record("CODE_VERSION_SAVED", "code:" + type.name(), c, previous.map(CodeService::snapshot).orElse(null), after);
        evictAfterCommit(type);
    }

    /** Ends an entry's validity on a day (e.g. a county merged away); the entry stays for history. */
    @Transactional
    public void retire(CodeType type, String code, LocalDate validTo) {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        Optional<Code> open = allVersions(type).stream().filter(v -> v.code().equals(code) && v.validTo() == null).findFirst();
        if (open.isEmpty()) {
            throw new DomainException("codes.edit.notFound");
        }
        if (validTo == null || !validTo.isAfter(open.get().validFrom())) {
            throw new DomainException("codes.edit.invalid",
                    List.of(new FieldError("validTo", "codes.edit.validToTooEarly", open.get().validFrom())));
        }
        jdbc.update("update code_entry set valid_to = ? where code_type = ? and code = ? and valid_from = ?",
                Date.valueOf(validTo), type.name(), code, Date.valueOf(open.get().validFrom()));
        audit.record("CODE_RETIRED", "code:" + type.name(), code, snapshot(open.get()), Map.of("validTo", validTo.toString()));
        evictAfterCommit(type);
    }

    private static Map<String, Object> snapshot(Code c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("level", c.level());
        m.put("parentCode", c.parentCode());
        m.put("validFrom", c.validFrom().toString());
        m.put("validTo", c.validTo() == null ? null : c.validTo().toString());
        return m;
    }

    /** Readers must not cache the table before this change is visible, so the entry is dropped after commit. */
    private void evictAfterCommit(CodeType type) {
        cache.remove(type);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(type);
                }
            });
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = RELOAD_MS)
    void reloadPeriodically() {
        cache.clear();
    }

    private List<Code> load(CodeType type) {
        return jdbc.query("select * from code_entry where code_type = ? order by sort_order, code, valid_from",
                (rs, n) -> new Code(type, rs.getString("code"), rs.getString("name"), rs.getString("level"),
                        rs.getString("parent_code"), rs.getInt("sort_order"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate()),
                type.name());
    }
}
