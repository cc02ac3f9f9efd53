package cn.yn.employment.demo;

/**
 * A module's share of the demo data (default profile only, {@code app.demo.enabled=true}). The demo seeder
 * calls every contributor bean after the demo accounts and enterprises exist, ordered by {@link #order()},
 * each in its own transaction, exactly once per database: after a contributor succeeded a marker row is
 * written and it is not called again. A contributor that throws is logged and retried on the next start.
 *
 * <p>While {@link #contribute()} runs, the security context holds a synthetic system administrator
 * ({@link DemoAccounts#SEEDER}); use {@link DemoRunner#runAs(String, Runnable)} to act as one of the demo
 * users (e.g. the enterprise submitting a report) so services' role and scope checks apply as in real use.
 */
public interface DemoDataContributor {

    /** Lower runs first. Suggested: enterprise 100, period 200, report 300, review 400, others 500+. */
    int order();

    void contribute();
}
