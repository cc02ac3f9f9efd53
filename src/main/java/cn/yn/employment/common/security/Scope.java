package cn.yn.employment.common.security;

import java.util.Objects;

/**
 * What a user may see: one enterprise, one city (prefecture code such as 530100), or the whole province.
 * System-wide roles (process and system administrators) use {@link #system()}.
 */
public record Scope(ScopeType type, String code) {

    public static final String PROVINCE_CODE = "530000";

    public Scope {
        Objects.requireNonNull(type, "type");
        if ((type == ScopeType.ENTERPRISE || type == ScopeType.CITY) && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("scope " + type + " needs a code");
        }
    }

    public static Scope enterprise(long enterpriseId) {
        return new Scope(ScopeType.ENTERPRISE, Long.toString(enterpriseId));
    }

    public static Scope city(String cityCode) {
        return new Scope(ScopeType.CITY, cityCode);
    }

    public static Scope province() {
        return new Scope(ScopeType.PROVINCE, PROVINCE_CODE);
    }

    public static Scope system() {
        return new Scope(ScopeType.SYSTEM, null);
    }

    public boolean isProvince() {
        return type == ScopeType.PROVINCE;
    }

    /** True when this scope covers the given city (a province scope covers every city). */
    public boolean coversCity(String cityCode) {
        return type == ScopeType.PROVINCE || (type == ScopeType.CITY && code.equals(cityCode));
    }

    public Long enterpriseId() {
        return type == ScopeType.ENTERPRISE ? Long.valueOf(code) : null;
    }

    /** The city code for a city scope, null otherwise. */
    public String cityCode() {
        return type == ScopeType.CITY ? code : null;
    }
}
