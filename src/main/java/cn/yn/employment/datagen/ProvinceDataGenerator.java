package cn.yn.employment.datagen;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.security.SystemJob;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.enterprise.EnterpriseBulkInserts;
import cn.yn.employment.period.PeriodBulkInserts;
import cn.yn.employment.period.PeriodState;
import cn.yn.employment.report.ReportBulkInserts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a plausible province: enterprises spread over the counties with Yunnan-like
 * industry and ownership mixes and log-normal sizes, then month after month of accepted reports whose
 * headcounts follow a random walk with occasional layoffs (reduction types, reasons and layoff warnings
 * follow from the figures, as the review chain would have computed them).
 */
@Service
public class ProvinceDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(ProvinceDataGenerator.class);
    static final int BATCH = 1000;
    /** The system job the generator runs as. */
    static final String ACTOR = "system:datagen";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] WORDS = {"滇", "云", "昆", "洱", "苍", "澜", "玉", "金", "银", "普", "星", "源", "信", "达", "华", "兴",
            "盛", "泰", "安", "康", "宏", "恒", "丰", "瑞", "祥", "和", "创", "新", "绿", "森", "茶", "花", "彩", "锦", "龙", "凤"};
    private static final String[] TRADES = {"科技", "农业", "茶业", "建设", "物流", "商贸", "能源", "矿业", "食品", "旅游", "医药", "电子",
            "机械", "建材", "纺织", "文化", "餐饮", "酒店", "电力", "化工"};
    /** Ownership mix: mostly private limited companies, as in the programme's published samples. */
    private static final String[][] REGISTRATION_MIX = {{"173", "40"}, {"159", "14"}, {"171", "6"}, {"160", "6"}, {"151", "5"},
            {"110", "6"}, {"120", "3"}, {"172", "3"}, {"174", "3"}, {"190", "2"}, {"130", "1"}, {"141", "1"}, {"149", "1"},
            {"210", "2"}, {"230", "1"}, {"290", "1"}, {"310", "2"}, {"330", "2"}, {"340", "1"}};
    /** Industry mix over divisions: manufacturing, construction, trade, lodging, mining and agriculture lead. */
    private static final String[][] INDUSTRY_MIX = {{"13", "5"}, {"14", "3"}, {"15", "5"}, {"16", "3"}, {"26", "3"}, {"27", "3"},
            {"30", "3"}, {"32", "3"}, {"33", "2"}, {"39", "2"}, {"44", "5"}, {"47", "6"}, {"48", "4"}, {"50", "3"}, {"51", "5"},
            {"52", "6"}, {"54", "3"}, {"59", "2"}, {"61", "4"}, {"62", "4"}, {"63", "2"}, {"65", "3"}, {"70", "3"}, {"72", "3"},
            {"08", "2"}, {"09", "2"}, {"06", "1"}, {"01", "2"}, {"02", "1"}, {"03", "1"}, {"83", "1"}, {"84", "1"}, {"86", "1"}};

    private final TransactionTemplate tx;
    private final CodeService codes;
    private final EnterpriseBulkInserts enterprises;
    private final ReportBulkInserts reports;
    private final PeriodBulkInserts periods;

    ProvinceDataGenerator(TransactionTemplate tx, CodeService codes, EnterpriseBulkInserts enterprises, ReportBulkInserts reports,
                          PeriodBulkInserts periods) {
        this.tx = tx;
        this.codes = codes;
        this.enterprises = enterprises;
        this.reports = reports;
        this.periods = periods;
    }

    /**
     * Generates the province; runs as the generator's system job (scope SYSTEM, no roles), the identity the owners'
     * bulk inserts accept besides a system administrator.
     */
    public GenerationResult generate(GeneratorSettings s) {
        return SystemJob.call(ACTOR, () -> generateAsSystem(s));
    }

    private GenerationResult generateAsSystem(GeneratorSettings s) {
        long start = System.nanoTime();
        Random rnd = new Random(s.seed());
        List<Code> counties = codes.allCounties();
        Map<String, String> sectionOf = new HashMap<>();
        codes.current(CodeType.INDUSTRY).forEach(c -> sectionOf.put(c.code(), c.parentCode()));
        Instant now = s.openPeriod().atDay(1).atStartOfDay(TimeConfig.ZONE).toInstant();

        List<GeneratedEnterprise> list = new ArrayList<>(s.enterprises());
        for (int i = 0; i < s.enterprises(); i++) {
            Code county = pickCounty(counties, rnd);
            String division = weighted(INDUSTRY_MIX, rnd);
            int size = (int) Math.max(5, Math.min(50_000, Math.round(Math.exp(3.6 + 1.1 * rnd.nextGaussian()))));
            list.add(new GeneratedEnterprise(uscc(county.code(), s.seed(), i), county.code(), county.parentCode(),
                    weighted(REGISTRATION_MIX, rnd), sectionOf.getOrDefault(division, "C"), division,
                    name(county, rnd, i), size));
        }
        insertEnterprises(list, now);
        Map<String, Long> ids = enterprises.idsByUscc();
        long[] counts = insertHistory(list, ids, s, rnd);
        insertPeriods(s);
        long ms = (System.nanoTime() - start) / 1_000_000;
        log.info("generated {} enterprises, {} reports, {} layoff warnings in {} ms", list.size(), counts[0], counts[1], ms);
        return new GenerationResult(list.size(), counts[0], counts[1], ms);
    }

    private void insertEnterprises(List<GeneratedEnterprise> list, Instant now) {
        Instant at = now.minusSeconds(86400L * 800);
        List<EnterpriseBulkInserts.FiledEnterprise> rows = new ArrayList<>(list.size());
        for (GeneratedEnterprise e : list) {
            rows.add(new EnterpriseBulkInserts.FiledEnterprise(e.uscc(), e.uscc().substring(8, 17), e.name(), e.county(), e.city(),
                    e.registrationType(), e.section(), e.division(), "生产经营", "联系人", "云南省" + e.county() + "号", "650000",
                    "0871-6" + String.format("%07d", Math.abs(e.uscc().hashCode()) % 10_000_000), "hr" + e.county() + "@example.cn",
                    e.baseline(), at, at, at));
        }
        for (int from = 0; from < rows.size(); from += BATCH * 10) {
            List<EnterpriseBulkInserts.FiledEnterprise> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH * 10));
            tx.executeWithoutResult(t -> enterprises.insertFiled(chunk));
        }
    }

    /** Months oldest first; each enterprise walks from its baseline. Returns {reports, warnings}. */
    private long[] insertHistory(List<GeneratedEnterprise> list, Map<String, Long> ids, GeneratorSettings s, Random rnd) {
        long reports = 0;
        long warnings = 0;
        int[] current = list.stream().mapToInt(GeneratedEnterprise::baseline).toArray();
        int[] previous = new int[list.size()];
        java.util.Arrays.fill(previous, -1);
        for (int m = s.months(); m >= 1; m--) {
            YearMonth period = s.openPeriod().minusMonths(m);
            String code = period.toString();
            Instant accepted = period.plusMonths(1).atDay(12).atStartOfDay(TimeConfig.ZONE).toInstant();
            List<ReportBulkInserts.AcceptedReport> rows = new ArrayList<>(list.size());
            List<ReportBulkInserts.LayoffWarning> warningRows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                GeneratedEnterprise e = list.get(i);
                int p = current[i];
                double change = rnd.nextGaussian() * 0.015;
                if (rnd.nextDouble() < 0.012) {
                    change -= 0.12 + rnd.nextDouble() * 0.25;   // a layoff
                } else if (period.getMonthValue() == 2 && rnd.nextDouble() < 0.3) {
                    change -= 0.03;                              // after the Spring Festival
                }
                int headcount = (int) Math.max(0, Math.round(p * (1 + change)));
                int hired = Math.max(0, headcount - p) + rnd.nextInt(Math.max(1, p / 50 + 1));
                int separated = hired - (headcount - p);
                Integer prev = previous[i] < 0 ? null : previous[i];
                boolean below = headcount < e.baseline();
                String type = below ? "RT0" + (3 + rnd.nextInt(5)) : null;
                String reason = below ? String.format("RC%02d", 1 + rnd.nextInt(13)) : null;
                long id = ids.get(e.uscc());
                rows.add(new ReportBulkInserts.AcceptedReport(id, code, e.city(), e.county(), e.section(), e.division(),
                        e.registrationType(), e.baseline(), prev, headcount, hired, separated, type,
                        type == null ? null : codes.nameOf(CodeType.REDUCTION_TYPE, type), reason,
                        reason == null ? null : codes.nameOf(CodeType.REDUCTION_REASON, reason), reason == null ? null : "生成数据",
                        accepted));
                if (prev != null && prev - headcount > 0) {
                    int decrease = prev - headcount;
                    BigDecimal rate = BigDecimal.valueOf(decrease).divide(BigDecimal.valueOf(Math.max(1, prev)), 4, RoundingMode.HALF_UP);
                    if (decrease >= 20 || rate.compareTo(new BigDecimal("0.10")) >= 0) {
                        warningRows.add(new ReportBulkInserts.LayoffWarning(id, e.city(), e.county(),
                                rate.compareTo(new BigDecimal("0.20")) >= 0 ? "SEVERE" : "WARNING", prev, headcount, decrease, rate, accepted));
                    }
                }
                previous[i] = headcount;
                current[i] = headcount;
            }
            reports += insertReports(rows);
            warnings += insertWarnings(code, warningRows);
        }
        return new long[]{reports, warnings};
    }

    private int insertReports(List<ReportBulkInserts.AcceptedReport> rows) {
        for (int from = 0; from < rows.size(); from += BATCH * 10) {
            List<ReportBulkInserts.AcceptedReport> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH * 10));
            tx.executeWithoutResult(t -> reports.insertAccepted(chunk));
        }
        return rows.size();
    }

    private int insertWarnings(String period, List<ReportBulkInserts.LayoffWarning> rows) {
        Integer n = tx.execute(t -> reports.insertLayoffWarnings(period, rows));
        return n == null ? 0 : n;
    }

    /** History months as closed (forwarded, archived when older than a quarter); the open period as open. */
    private void insertPeriods(GeneratorSettings s) {
        Instant now = s.openPeriod().atDay(1).atStartOfDay(TimeConfig.ZONE).toInstant();
        for (int m = s.months(); m >= 0; m--) {
            YearMonth p = s.openPeriod().minusMonths(m);
            PeriodState state = m == 0 ? PeriodState.OPEN : m > 3 ? PeriodState.ARCHIVED : PeriodState.FORWARDED;
            Instant start = p.plusMonths(1).atDay(1).atStartOfDay(TimeConfig.ZONE).toInstant();
            Instant end = p.plusMonths(1).atDay(11).atStartOfDay(TimeConfig.ZONE).toInstant();
            periods.insertIfAbsent(p.toString(), start, end, state, now);
        }
    }

    static String uscc(String countyCode, long seed, int index) {
        long n = index + (seed % 1000) * 1_000_000L;
        StringBuilder body = new StringBuilder("MB");
        for (int k = 0; k < 6; k++) {
            body.insert(2, USCC_CHARS.charAt((int) (n % 31)));
            n /= 31;
        }
        String org = body + String.valueOf(OrganisationCode.checkCharFor(body.toString()));
        String first17 = "91" + countyCode + org;
        return first17 + Uscc.checkCharFor(first17);
    }

    private static String name(Code county, Random rnd, int i) {
        String place = county.name().length() > 2 ? county.name().substring(0, 2) : county.name();
        return place + WORDS[rnd.nextInt(WORDS.length)] + WORDS[rnd.nextInt(WORDS.length)]
                + TRADES[rnd.nextInt(TRADES.length)] + "有限公司" + (i % 7 == 0 ? "（" + (i / 7 % 90 + 10) + "分公司）" : "");
    }

    /** Kunming and Qujing hold more enterprises than the border prefectures. */
    private static Code pickCounty(List<Code> counties, Random rnd) {
        for (int tries = 0; tries < 5; tries++) {
            Code c = counties.get(rnd.nextInt(counties.size()));
            double weight = switch (c.parentCode()) {
                case "530100" -> 1.0;
                case "530300", "530400", "532300", "532500" -> 0.6;
                default -> 0.35;
            };
            if (rnd.nextDouble() < weight) {
                return c;
            }
        }
        return counties.get(rnd.nextInt(counties.size()));
    }

    private static String weighted(String[][] mix, Random rnd) {
        int total = 0;
        for (String[] m : mix) {
            total += Integer.parseInt(m[1]);
        }
        int r = rnd.nextInt(total);
        for (String[] m : mix) {
            r -= Integer.parseInt(m[1]);
            if (r < 0) {
                return m[0];
            }
        }
        return mix[0][0];
    }

    record GeneratedEnterprise(String uscc, String county, String city, String registrationType, String section,
                               String division, String name, int baseline) {
    }
}
