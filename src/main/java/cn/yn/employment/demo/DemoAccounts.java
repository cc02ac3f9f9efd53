package cn.yn.employment.demo;

/** The demo accounts seeded in the default profile; all share {@link #PASSWORD}. */
public final class DemoAccounts {

    public static final String PASSWORD = "Demo12345";

    public static final String ENTERPRISE = "demo-enterprise";
    public static final String CITY_REVIEWER = "kunming-reviewer";
    public static final String PROVINCE_REVIEWER = "province-reviewer";
    public static final String LEADER = "leader";
    public static final String PROCESS_ADMIN = "process-admin";
    public static final String SYSTEM_ADMIN = "admin";

    /** The actor name under which the seeder itself works (audit rows of seeding show it). */
    public static final String SEEDER = "demo-seeder";

    /** USCC, county and name of the demo enterprise the {@link #ENTERPRISE} user belongs to. */
    public static final String ENTERPRISE_USCC = "91530102MA6K7Q1019";
    public static final String ENTERPRISE_NAME = "云南滇池示范科技有限公司";
    public static final String ENTERPRISE_COUNTY = "530102";
    public static final String ENTERPRISE_CITY = "530100";

    private DemoAccounts() {
    }
}
