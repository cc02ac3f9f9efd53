package cn.yn.employment.common.security;

/** The roles of docs/domain.md §1. A user may hold several. */
public enum Role {
    ENTERPRISE,
    CITY_REVIEWER,
    PROVINCE_REVIEWER,
    LEADER,
    PROCESS_ADMIN,
    SYSTEM_ADMIN;

    /** Spring Security authority name, as used by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static final String ENTERPRISE_ = "ENTERPRISE";
    public static final String CITY_REVIEWER_ = "CITY_REVIEWER";
    public static final String PROVINCE_REVIEWER_ = "PROVINCE_REVIEWER";
    public static final String LEADER_ = "LEADER";
    public static final String PROCESS_ADMIN_ = "PROCESS_ADMIN";
    public static final String SYSTEM_ADMIN_ = "SYSTEM_ADMIN";
}
