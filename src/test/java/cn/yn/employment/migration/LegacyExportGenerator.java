package cn.yn.employment.migration;

import cn.yn.employment.codes.OrganisationCode;
import cn.yn.employment.codes.Uscc;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a legacy export in the format of docs/migration.md: enterprises.csv (UTF-8 with BOM), users.csv (GBK) and
 * reports.csv (UTF-8), with the dirty rows real exports have when {@code dirty} is set (see {@link Dirty}). The committed
 * sample set under src/test/resources/migration/sample was written by {@link #main} (300 enterprises × 12 months);
 * the performance runs use the same generator at 10,000–100,000 enterprises × 24 months.
 */
public final class LegacyExportGenerator {

    static final String[] COUNTIES = {"530102", "530103", "530111", "530112", "530114", "530124", "530302", "530381", "530402",
            "530502", "530602", "530702", "530802", "530902", "532301", "532501", "532601", "532801", "532901", "533102",
            "533301", "533401", "530181", "532502", "532504", "530581", "530481"};
    /** Old county codes (renamed or merged) the export still uses, and the 2011 industry divisions it holds. */
    static final String[] OLD_COUNTIES = {"530422", "530630", "532331", "530122", "530421"};
    static final String[] INDUSTRIES_2011 = {"01", "13", "14", "15", "26", "30", "39", "44", "47", "48", "51", "52", "54", "61", "62",
            "65", "70", "72", "79", "80", "82", "83", "85", "87", "90"};
    static final String[] REG_TYPES = {"173", "159", "171", "160", "151", "110", "120", "172", "174", "190", "310"};
    static final String[] CITIES = {"530100", "530300", "530400", "530500", "530600", "530700", "530800", "530900", "532300",
            "532500", "532600", "532800", "532900", "533100", "533300", "533400"};
    static final String ENTERPRISE_HEADER = "统一社会信用代码,工商注册号,组织机构代码,企业名称,行政区划代码,登记注册类型,行业代码,主要经营业务,联系人,联系地址,邮政编码,联系电话,电子邮箱,建档期就业人数,备案时间";
    static final String USER_HEADER = "用户名,姓名,角色,所属单位代码,电子邮箱,手机号码";
    static final String REPORT_HEADER = "统一社会信用代码,调查期,调查期就业人数,本期新招人数,本期减员人数,减少类型,主要原因,主要原因说明,上报时间,审核通过时间";

    /** The dirty rows written into a set, and where (for assertions). */
    public record Dirty(List<String> legacyRegistrationNumbers, List<String> legacyOrgCodes, List<String> usccOfLegacy) {
    }

    private LegacyExportGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/migration/sample");
        int enterprises = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        boolean dirty = args.length <= 3 || Boolean.parseBoolean(args[3]);
        write(dir, enterprises, months, YearMonth.of(2025, 1), 20260413L, "m", dirty);
    }

    /**
     * Writes the three files. Usernames start with {@code userPrefix}, so several sets can be loaded into one database;
     * periods are {@code months} months ending with {@code lastPeriod}.
     */
    public static Dirty write(Path dir, int enterprises, int months, YearMonth lastPeriod, long seed, String userPrefix, boolean dirty)
            throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<String[]> ents = new ArrayList<>();
        List<String> regNos = new ArrayList<>();
        List<String> orgCodes = new ArrayList<>();
        List<String> legacyUscc = new ArrayList<>();
        try (Writer w = writer(dir.resolve("enterprises.csv"), StandardCharsets.UTF_8, true)) {
            line(w, ENTERPRISE_HEADER);
            for (int i = 0; i < enterprises; i++) {
                String county = dirty && i % 29 == 7 ? OLD_COUNTIES[i % OLD_COUNTIES.length] : COUNTIES[rnd.nextInt(COUNTIES.length)];
                String uscc = uscc(rnd, county);
                String regNo = "";
                String org = "";
                String usccCol = uscc;
                if (dirty && i % 97 == 11) {
                    // an old record without USCC: the 15-digit registration number of the old licence
                    regNo = county + String.format("%09d", Math.floorMod(seed + i, 1_000_000_000));
                    regNos.add(regNo);
                    legacyUscc.add(uscc);
                    usccCol = "";
                } else if (dirty && i % 97 == 23) {
                    org = uscc.substring(8, 17);
                    orgCodes.add(org);
                    legacyUscc.add(uscc);
                    usccCol = "";
                } else if (dirty && i % 89 == 5) {
                    usccCol = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'); // wrong check digit
                }
                String industry = dirty && i == 41 ? "99" : INDUSTRIES_2011[rnd.nextInt(INDUSTRIES_2011.length)];
                int size = (int) Math.max(5, Math.min(20_000, Math.round(Math.exp(3.5 + 1.0 * rnd.nextGaussian()))));
                String headcount = Integer.toString(size);
                if (dirty && i % 31 == 3) {
                    headcount = String.format("%,d", size + 1000);
                    size += 1000;
                } else if (dirty && i % 37 == 4) {
                    headcount = fullWidth(Integer.toString(size));
                } else if (dirty && i == 52) {
                    headcount = "约50人";
                }
                String phone = dirty && i % 43 == 9 ? "8888" : "0871-6" + String.format("%07d", rnd.nextInt(10_000_000)).substring(1);
                String name = "云南" + name(rnd) + (i % 3 == 0 ? "科技" : i % 3 == 1 ? "商贸" : "建设") + "有限公司" + i;
                String region = dirty && i == 61 ? "539999" : county;
                String filed = (2015 + rnd.nextInt(8)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9) + " 10:00:00";
                String[] row = {usccCol, regNo, org, name, region, REG_TYPES[rnd.nextInt(REG_TYPES.length)], industry, "生产经营",
                        "张三", "云南省昆明市某路" + i + "号", "650000", phone, "hr" + i + "@example.cn", headcount, filed};
                line(w, csv(row));
                ents.add(new String[] {uscc, usccCol, Integer.toString(size), county});
                if (dirty && i % 150 == 100) {
                    line(w, ""); // a blank line, as exports written by hand-edited spreadsheets have
                }
            }
            if (dirty) {
                // the same USCC twice: the old system let a re-registration create a second record
                for (int d = 0; d < 3 && d < ents.size(); d++) {
                    String[] e = ents.get(d * 10 + 1);
                    if (!e[1].isEmpty()) {
                        line(w, csv(new String[] {e[1], "", "", "重复登记的企业" + d, e[3], "173", "13", "", "", "", "", "", "", "20", ""}));
                    }
                }
            }
        }
        try (Writer w = writer(dir.resolve("users.csv"), Charset.forName("GBK"), false)) {
            line(w, USER_HEADER);
            for (String city : CITIES) {
                line(w, csv(new String[] {userPrefix + "city" + city, "市级审核员" + city, "市级审核员", city, "", "13800000000"}));
            }
            line(w, csv(new String[] {userPrefix + "province1", "省级审核员一", "省级审核员", "530000", "prov1@example.cn", ""}));
            line(w, csv(new String[] {userPrefix + "leader", "领导", "领导", "530000", "", ""}));
            for (int i = 0; i < ents.size() && i < 60; i++) {
                String[] e = ents.get(i);
                String unit = e[1].isEmpty() ? e[0] : e[1];
                line(w, csv(new String[] {userPrefix + "ent" + i, "企业填报员" + i, "企业用户", unit, "", ""}));
            }
            if (dirty) {
                line(w, csv(new String[] {userPrefix + "ent0", "重复的用户", "企业用户", ents.get(0)[0], "", ""}));
                line(w, csv(new String[] {userPrefix + "auditor", "审计员", "审计员", "530000", "", ""}));
                line(w, csv(new String[] {"a b", "空格用户", "领导", "530100", "", ""}));
                line(w, csv(new String[] {userPrefix + "ghost", "不存在企业的用户", "企业用户", "91530100MA00000000", "", ""}));
            }
        }
        try (Writer w = writer(dir.resolve("reports.csv"), StandardCharsets.UTF_8, false)) {
            line(w, REPORT_HEADER);
            YearMonth first = lastPeriod.minusMonths(months - 1L);
            for (int i = 0; i < ents.size(); i++) {
                String[] e = ents.get(i);
                String ref = e[1].isEmpty() ? e[0] : e[1];
                int h = Integer.parseInt(e[2]);
                for (int m = 0; m < months; m++) {
                    YearMonth ym = first.plusMonths(m);
                    int hired = rnd.nextInt(Math.max(1, h / 20) + 1);
                    int separated = rnd.nextInt(Math.max(1, h / 20) + 1);
                    h = Math.max(0, h + hired - separated);
                    String period = ym.toString();
                    String head = Integer.toString(h);
                    String type = "";
                    String reason = "";
                    String note = "";
                    if (separated > hired && h < Integer.parseInt(e[2])) {
                        type = Integer.toString(1 + rnd.nextInt(10));
                        reason = "RC0" + (1 + rnd.nextInt(9));
                        note = "订单减少";
                    }
                    String submitted = ym.plusMonths(1).atDay(5) + " 09:30:00";
                    String accepted = ym.plusMonths(1).atDay(9) + " 16:00:00";
                    if (dirty && (i * months + m) % 53 == 1) {
                        period = ym.getYear() + "年" + ym.getMonthValue() + "月";
                    } else if (dirty && (i * months + m) % 59 == 2) {
                        period = ym.toString().replace("-", "");
                    }
                    if (dirty && (i * months + m) % 61 == 3 && h >= 1000) {
                        head = String.format("%,d", h);
                    } else if (dirty && (i * months + m) % 67 == 4) {
                        head = fullWidth(head);
                    }
                    if (dirty && (i * months + m) % 71 == 5) {
                        accepted = "";
                        submitted = "";
                    }
                    if (dirty && (i * months + m) == 77 && !type.isEmpty()) {
                        type = "X9";
                    }
                    line(w, csv(new String[] {ref, period, head, Integer.toString(hired), Integer.toString(separated), type, reason, note,
                            submitted, accepted}));
                }
                if (dirty && i == 150) {
                    line(w, "");
                }
            }
            if (dirty) {
                String[] e = ents.get(2);
                String ref = e[1].isEmpty() ? e[0] : e[1];
                line(w, csv(new String[] {ref, first.toString(), "10", "", "", "", "", "", "", ""})); // the same period twice
                line(w, csv(new String[] {"91530100MA00000000", first.toString(), "10", "", "", "", "", "", "", ""})); // no such enterprise
                line(w, csv(new String[] {ref, "2025-13", "10", "", "", "", "", "", "", ""})); // no such month
            }
        }
        return new Dirty(regNos, orgCodes, legacyUscc);
    }

    private static String uscc(Random rnd, String county) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            body.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(rnd.nextInt(10 + (k == 0 ? 21 : 0))));
        }
        String org = body + String.valueOf(OrganisationCode.checkCharFor(body.toString()));
        String first17 = "91" + county + org;
        return first17 + Uscc.checkCharFor(first17);
    }

    private static String name(Random rnd) {
        String words = "滇云昆洱苍澜玉金银普星源信达华兴盛泰安康宏恒丰瑞祥和创新绿森茶花彩锦龙凤";
        return "" + words.charAt(rnd.nextInt(words.length())) + words.charAt(rnd.nextInt(words.length()));
    }

    static String fullWidth(String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            b.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c);
        }
        return b.toString();
    }

    private static Writer writer(Path p, Charset cs, boolean bom) throws IOException {
        Writer w = Files.newBufferedWriter(p, cs);
        if (bom) {
            w.write('\uFEFF');
        }
        return w;
    }

    private static void line(Writer w, String s) throws IOException {
        w.write(s);
        w.write("\r\n");
    }

    private static String csv(String[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            b.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return b.toString();
    }
}
