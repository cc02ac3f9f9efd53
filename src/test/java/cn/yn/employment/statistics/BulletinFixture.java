package cn.yn.employment.statistics;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-computed fixture of the aggregate tests, in periods 2091-xx:
 * <pre>
 * 怒江 533300 / 泸水 533301, C 13, 集体联营 142 (the bulletin check: ΣB 76443 → ΣE 76061 = −0.50 %)
 *   E1 B=50000 2091-06 ACCEPTED  P=49900 E=49800 RT03 RC04,RC01; 2091-05 E=49900; 2090-06 E=50100
 *   E2 B=20000 2091-06 FORWARDED P=20050 E=19900 RT03 RC04;      2091-05 E=20050; warning YELLOW
 *   E3 B=6443  2091-06 ACCEPTED  P=null  E=6361  RT02 RC01       (new enterprise: no earlier report)
 * 迪庆 533400 / 香格里拉 533401, F 51, 私营 170 (types the data generator never uses)
 *   E4 B=1000  2091-06 ACCEPTED  P=1000  E=1100;                  2091-05 E=1000
 *   E5 B=500   2091-06 MISSING
 *   E6 B=300   2091-06 RETURNED  E=290
 *   E7 B=200   2091-06 PENDING_CITY E=200
 *   E8 B=100   no report row for 2091-06
 *   E9 B=800   2091-06 ACCEPTED  P=800 E=780; warning RED
 * </pre>
 */
public final class BulletinFixture {

    public static final String PERIOD = "2091-06";
    public static final String PREVIOUS = "2091-05";
    public static final String LAST_YEAR = "2090-06";

    public long e1, e2, e3, e4, e9;
    public long reportE1;

    public static BulletinFixture loadOnce(StatisticsTestBase t, JdbcTemplate jdbc) {
        BulletinFixture f = new BulletinFixture();
        Integer existing = jdbc.queryForObject("select count(*) from report where period_code = ?", Integer.class, PERIOD);
        if (existing != null && existing > 0) {
            f.e1 = jdbc.queryForObject("select id from enterprise where name = '怒江测试一厂'", Long.class);
            f.reportE1 = jdbc.queryForObject("select id from report where enterprise_id = ? and period_code = ?", Long.class, f.e1, PERIOD);
            return f;
        }
        String c = StatisticsTestBase.NUJIANG;
        String cc = StatisticsTestBase.LUSHUI;
        f.e1 = t.enterprise("怒江测试一厂", c, cc, "C", "13", StatisticsTestBase.NUJIANG_TYPE, 50000);
        f.e2 = t.enterprise("怒江测试二厂", c, cc, "C", "13", StatisticsTestBase.NUJIANG_TYPE, 20000);
        f.e3 = t.enterprise("怒江测试三厂", c, cc, "C", "13", StatisticsTestBase.NUJIANG_TYPE, 6443);
        f.reportE1 = t.report(f.e1, PERIOD, "ACCEPTED", 49900, 49800, "RT03", "RC04", "RC01");
        t.report(f.e1, PREVIOUS, "ACCEPTED", 50000, 49900, null);
        t.report(f.e1, LAST_YEAR, "ACCEPTED", 50000, 50100, null);
        long r2 = t.report(f.e2, PERIOD, "FORWARDED", 20050, 19900, "RT03", "RC04");
        t.report(f.e2, PREVIOUS, "ACCEPTED", 20000, 20050, null);
        t.warning(r2, "YELLOW");
        t.report(f.e3, PERIOD, "ACCEPTED", null, 6361, "RT02", "RC01");

        String d = StatisticsTestBase.DIQING;
        String dc = StatisticsTestBase.SHANGRILA;
        f.e4 = t.enterprise("迪庆测试四号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 1000);
        long e5 = t.enterprise("迪庆测试五号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 500);
        long e6 = t.enterprise("迪庆测试六号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 300);
        long e7 = t.enterprise("迪庆测试七号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 200);
        t.enterprise("迪庆测试八号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 100);
        f.e9 = t.enterprise("迪庆测试九号", d, dc, "F", "51", StatisticsTestBase.DIQING_TYPE, 800);
        t.report(f.e4, PERIOD, "ACCEPTED", 1000, 1100, null);
        t.report(f.e4, PREVIOUS, "ACCEPTED", 1000, 1000, null);
        t.report(e5, PERIOD, "MISSING", null, null, null);
        t.report(e6, PERIOD, "RETURNED", 300, 290, null);
        t.report(e7, PERIOD, "PENDING_CITY", 200, 200, null);
        long r9 = t.report(f.e9, PERIOD, "ACCEPTED", 800, 780, null);
        t.warning(r9, "RED");
        return f;
    }
}
