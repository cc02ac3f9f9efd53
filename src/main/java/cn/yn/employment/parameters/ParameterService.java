package cn.yn.employment.parameters;

import cn.yn.employment.common.text.TextInput;
import cn.yn.employment.audit.AuditLog;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.time.WorkingDays;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Typed, validated system parameters. Reading is open to every module; changing is for system administrators. */
@Service
public class ParameterService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CurrentUserProvider currentUser;
    private final AuditLog audit;
    private final Map<Parameter, String> cache = new ConcurrentHashMap<>();

    ParameterService(JdbcTemplate jdbc, Clock clock, CurrentUserProvider currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public int getInt(Parameter p) {
        return Integer.parseInt(raw(p));
    }

    public BigDecimal getDecimal(Parameter p) {
        return new BigDecimal(raw(p));
    }

    public String getString(Parameter p) {
        return raw(p);
    }

    /** A comma-separated list of integers, e.g. the reminder offsets "3,1". */
    public List<Integer> getIntList(Parameter p) {
        return Arrays.stream(raw(p).split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    @Transactional(readOnly = true)
    public List<ParameterValue> list() {
        Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        return Arrays.stream(Parameter.values()).map(p -> {
            List<ParameterValue> rows = jdbc.query("select param_value, updated_at, updated_by from sys_parameter where param_key = ?",
                    (rs, n) -> new ParameterValue(p, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)), p.key());
            return rows.isEmpty() ? new ParameterValue(p, p.defaultValue(), null, null) : rows.get(0);
        }).toList();
    }

    @Transactional
    public void set(Parameter p, String value) {
        CurrentUser me = Access.requireAny(currentUser.require(), Role.SYSTEM_ADMIN);
        TextInput in = new TextInput();
        String folded = in.code(p.key(), value);
        in.throwIfInvalid();
        String normalised = folded == null ? "" : folded.trim();
        String error = validate(p, normalised);
        if (error != null) {
            throw new DomainException("parameters.invalid", List.of(new FieldError(p.key(), error, p.min(), p.max())));
        }
        String before = raw(p);
        int updated = jdbc.update("update sys_parameter set param_value = ?, updated_at = ?, updated_by = ? where param_key = ?",
                normalised, Timestamp.from(clock.instant()), me.username(), p.key());
        if (updated == 0) {
            jdbc.update("insert into sys_parameter (param_key, param_value, value_type, min_value, max_value, updated_at, updated_by)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    p.key(), normalised, p.type().name(), p.min(), p.max(), Timestamp.from(clock.instant()), me.username());
        }
        cache.put(p, normalised);
        audit.record("PARAMETER_CHANGED", "parameter", p.key(), Map.of("value", before), Map.of("value", normalised));
    }

    /** Returns an i18n key describing what is wrong, or null when the value is acceptable. */
    public static String validate(Parameter p, String value) {
        if (value == null || value.length() > 1000 || value.isBlank() && p.type() != Parameter.ValueType.DATES) {
            return "parameters.error.required";
        }
        try {
            switch (p.type()) {
                case INTEGER -> {
                    long v = Long.parseLong(value);
                    if (p.min() != null && v < Long.parseLong(p.min()) || p.max() != null && v > Long.parseLong(p.max())) {
                        return "parameters.error.range";
                    }
                }
                case DECIMAL -> {
                    BigDecimal v = new BigDecimal(value);
                    if (p.min() != null && v.compareTo(new BigDecimal(p.min())) < 0
                            || p.max() != null && v.compareTo(new BigDecimal(p.max())) > 0) {
                        return "parameters.error.range";
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "parameters.error.boolean";
                    }
                }
                case DATES -> {
                    try {
                        WorkingDays.parseDates(value);
                    } catch (IllegalArgumentException e) {
                        return "parameters.error.dates";
                    }
                }
                case STRING -> {
                    if (p == Parameter.REMINDER_OFFSETS_DAYS && !value.matches("^\\d{1,2}(,\\d{1,2})*$")) {
                        return "parameters.error.offsets";
                    }
                }
            }
        } catch (NumberFormatException e) {
            return "parameters.error.number";
        }
        return null;
    }

    private String raw(Parameter p) {
        return cache.computeIfAbsent(p, k -> jdbc.query("select param_value from sys_parameter where param_key = ?",
                        (rs, n) -> rs.getString(1), k.key()).stream().findFirst().orElse(k.defaultValue()));
    }

    /** Forgets cached values (another node may have changed them). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60_000)
    void refresh() {
        cache.clear();
    }
}
