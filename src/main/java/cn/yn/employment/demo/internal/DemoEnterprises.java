package cn.yn.employment.demo.internal;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.demo.DemoAccounts;
import cn.yn.employment.enterprise.EnterpriseBulkInserts;
import cn.yn.employment.enterprise.EnterpriseBulkInserts.FiledEnterprise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * About 300 filed demo enterprises over all 16 cities and their counties, with valid USCCs, generated from a
 * fixed seed so every demo database holds the same companies. Existing USCCs are skipped.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoEnterprises {

    static final int COUNT = 300;
    private static final long SEED = 20250601L;
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final String[] BRANDS = {"彩云", "春城", "金碧", "翠湖", "高原", "红土", "七彩", "云岭", "苍山", "洱海",
            "玉龙", "哀牢", "乌蒙", "澜沧", "金沙", "南诏", "石林", "抚仙", "星云", "嘉禾", "鑫源", "恒通", "华信", "宏达",
            "瑞丰", "正和", "安泰", "兴隆", "盛世", "鼎新", "博远", "天成", "润泽", "明德", "锦程", "同心", "万象", "康华",
            "森泰", "永昌", "德润", "晟达", "滇南", "滇西", "云智", "汇丰源", "新时代", "长青", "光华", "远景"};
    private static final Map<String, String[]> TRADE = Map.ofEntries(
            Map.entry("A", new String[]{"生态农业", "农业科技", "茶业", "花卉"}),
            Map.entry("B", new String[]{"矿业", "矿产开发"}),
            Map.entry("C", new String[]{"食品", "机械制造", "生物科技", "新材料", "制药", "电子科技"}),
            Map.entry("D", new String[]{"能源", "新能源", "水务"}),
            Map.entry("E", new String[]{"建设工程", "建筑工程", "路桥工程"}),
            Map.entry("F", new String[]{"商贸", "贸易", "百货"}),
            Map.entry("G", new String[]{"物流", "运输", "供应链"}),
            Map.entry("H", new String[]{"酒店管理", "餐饮管理"}),
            Map.entry("I", new String[]{"信息技术", "软件", "网络科技", "数据科技"}),
            Map.entry("J", new String[]{"投资", "融资担保"}),
            Map.entry("K", new String[]{"置业", "房地产开发", "物业服务"}),
            Map.entry("L", new String[]{"商务咨询", "人力资源", "企业管理"}),
            Map.entry("M", new String[]{"技术服务", "检测技术", "工程设计"}),
            Map.entry("N", new String[]{"环境工程", "园林绿化"}),
            Map.entry("O", new String[]{"家政服务", "汽车服务"}),
            Map.entry("P", new String[]{"教育咨询", "职业培训"}),
            Map.entry("Q", new String[]{"健康管理", "医疗"}),
            Map.entry("R", new String[]{"文化传媒", "旅游文化", "体育发展"}));
    private static final Map<String, String> AREA_CODE = Map.ofEntries(
            Map.entry("530100", "0871"), Map.entry("530300", "0874"), Map.entry("530400", "0877"),
            Map.entry("530500", "0875"), Map.entry("530600", "0870"), Map.entry("530700", "0888"),
            Map.entry("530800", "0879"), Map.entry("530900", "0883"), Map.entry("532300", "0878"),
            Map.entry("532500", "0873"), Map.entry("532600", "0876"), Map.entry("532800", "0691"),
            Map.entry("532900", "0872"), Map.entry("533100", "0692"), Map.entry("533300", "0886"),
            Map.entry("533400", "0887"));
    private static final Map<String, String> POSTCODE = Map.ofEntries(
            Map.entry("530100", "650"), Map.entry("530300", "655"), Map.entry("530400", "653"),
            Map.entry("530500", "678"), Map.entry("530600", "657"), Map.entry("530700", "674"),
            Map.entry("530800", "665"), Map.entry("530900", "677"), Map.entry("532300", "675"),
            Map.entry("532500", "661"), Map.entry("532600", "663"), Map.entry("532800", "666"),
            Map.entry("532900", "671"), Map.entry("533100", "678"), Map.entry("533300", "673"),
            Map.entry("533400", "674"));
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "段", "杜", "普", "和", "刀", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "丽", "华", "平", "云飞", "春梅", "建华"};
    private static final String[] STREETS = {"人民路", "北京路", "青年路", "东风路", "环城路", "建设路", "滇池路", "新华路", "园区路", "学府路"};

    private final JdbcTemplate jdbc;
    private final EnterpriseBulkInserts inserts;
    private final CodeService codes;
    private final Clock clock;

    DemoEnterprises(JdbcTemplate jdbc, EnterpriseBulkInserts inserts, CodeService codes, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.codes = codes;
        this.clock = clock;
    }

    /** Inserts the demo enterprises that are not there yet; returns how many were inserted. */
    int seed() {
        Set<String> existing = inserts.idsByUscc().keySet();
        return inserts.insertFiled(generate().stream().filter(r -> !existing.contains(r.uscc())).toList());
    }

    long idOf(String uscc) {
        Long id = jdbc.queryForObject("select id from enterprise where uscc = ?", Long.class, uscc);
        return id == null ? 0 : id;
    }

    /** The demo enterprises, first the one the demo enterprise user belongs to. Deterministic. */
    List<FiledEnterprise> generate() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        List<Code> counties = codes.allCounties();
        List<Code> divisions = codes.current(CodeType.INDUSTRY).stream()
                .filter(c -> "division".equals(c.level()) && TRADE.containsKey(c.parentCode())).toList();
        List<Code> registrationLeaves = registrationLeaves();
        Set<String> usccs = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<FiledEnterprise> rows = new ArrayList<>();

        Code demoDivision = divisions.stream().filter(d -> d.code().equals("65")).findFirst().orElse(divisions.get(0));
        Code demoCounty = counties.stream().filter(c -> c.code().equals(DemoAccounts.ENTERPRISE_COUNTY)).findFirst().orElseThrow();
        rows.add(row(DemoAccounts.ENTERPRISE_USCC, DemoAccounts.ENTERPRISE_NAME, demoCounty, demoDivision, "173", 268,
                "张丽", "0871-65123456", "昆明市五华区学府路 88 号", "650032", now.minus(Duration.ofDays(400))));
        usccs.add(DemoAccounts.ENTERPRISE_USCC);
        names.add(DemoAccounts.ENTERPRISE_NAME);

        // every county gets one; the rest go mostly to the larger cities
        List<Code> kunmingLike = counties.stream()
                .filter(c -> Set.of("530100", "530300", "530400", "532500", "532900").contains(c.parentCode())).toList();
        for (int i = 1; i < COUNT; i++) {
            Code county = i <= counties.size() ? counties.get(i - 1)
                    : random.nextInt(3) > 0 ? kunmingLike.get(random.nextInt(kunmingLike.size()))
                    : counties.get(random.nextInt(counties.size()));
            String city = county.parentCode();
            Code division = divisions.get(random.nextInt(divisions.size()));
            Code registration = registrationLeaves.get(random.nextInt(registrationLeaves.size()));
            String uscc;
            do {
                uscc = uscc(county.code(), random);
            } while (!usccs.add(uscc));
            String[] trades = TRADE.get(division.parentCode());
            String form = Set.of("160", "174", "240", "340").contains(registration.code()) ? "股份有限公司" : "有限公司";
            String name;
            int attempt = 0;
            do {
                String brand = BRANDS[random.nextInt(BRANDS.length)];
                name = shortName(city) + brand + trades[random.nextInt(trades.length)] + (attempt > 3 ? attempt : "") + form;
                attempt++;
            } while (!names.add(name));
            int headcount = headcount(random);
            String contact = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = random.nextInt(4) == 0
                    ? "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000))
                    : AREA_CODE.get(city) + "-" + (6 + random.nextInt(3)) + String.format("%07d", random.nextInt(10_000_000));
            String address = county.name() + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号";
            String postcode = POSTCODE.get(city) + String.format("%03d", random.nextInt(100));
            Instant filedAt = now.minus(Duration.ofDays(60 + random.nextInt(660))).minus(Duration.ofMinutes(random.nextInt(600)));
            rows.add(row(uscc, name, county, division, registration.code(), headcount, contact, phone, address, postcode, filedAt));
        }
        return rows;
    }

    private FiledEnterprise row(String uscc, String name, Code county, Code division, String registrationType, int headcount,
                         String contact, String phone, String address, String postcode, Instant filedAt) {
        String orgCode = uscc.substring(8, 17);
        String email = "hr." + uscc.substring(10, 17).toLowerCase() + "@example.cn";
        return new FiledEnterprise(uscc, orgCode, name, county.code(), county.parentCode(), registrationType,
                division.parentCode(), division.code(), division.name() + "相关业务", contact, address, postcode, phone, email,
                headcount, filedAt, filedAt.minus(Duration.ofDays(3)), filedAt);
    }

    /** Registration types that have no children (the form only accepts leaves). */
    private List<Code> registrationLeaves() {
        List<Code> all = codes.current(CodeType.REGISTRATION_TYPE);
        Set<String> parents = new HashSet<>();
        all.forEach(c -> {
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        });
        return all.stream().filter(c -> c.parentCode() != null && !parents.contains(c.code())).toList();
    }

    /** 91 (enterprise) + county + "MA" organisation code with a valid GB 11714 check + GB 32100 check. */
    static String uscc(String countyCode, Random random) {
        StringBuilder body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
        }
        String org = body.toString() + OrganisationCode.checkCharFor(body.toString());
        String first17 = "91" + countyCode + org;
        return first17 + Uscc.checkCharFor(first17);
    }

    /** Mostly small firms, some medium, a few large: 10–2000. */
    private static int headcount(Random random) {
        int bucket = random.nextInt(10);
        if (bucket < 6) {
            return 10 + random.nextInt(90);
        }
        if (bucket < 9) {
            return 100 + random.nextInt(400);
        }
        return 500 + random.nextInt(1501);
    }

    private String shortName(String cityCode) {
        if ("532800".equals(cityCode)) {
            return "西双版纳";
        }
        String n = codes.nameOf(CodeType.REGION, cityCode);
        return n.endsWith("市") ? n.substring(0, n.length() - 1) : n.substring(0, 2);
    }
}
