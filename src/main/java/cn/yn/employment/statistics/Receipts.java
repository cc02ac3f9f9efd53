package cn.yn.employment.statistics;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.security.Access;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.common.security.Role;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.time.TimeConfig;
import cn.yn.employment.statistics.internal.JasperRenderer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The enterprise's receipt (回执) of an accepted report, as PDF. The enterprise's own users may fetch it, as
 * may reviewers and leaders whose scope covers the enterprise's city. Other modules link to
 * {@link #receiptPdf(long)} with the report id.
 */
@Service
public class Receipts {

    private final JdbcTemplate jdbc;
    private final CurrentUserProvider users;
    private final CodeService codes;
    private final Translations i18n;
    private final JasperRenderer jasper;
    private final Clock clock;
    private final String issuingUnit;

    Receipts(JdbcTemplate jdbc, CurrentUserProvider users, CodeService codes, Translations i18n, JasperRenderer jasper,
             Clock clock, @Value("${app.issuing-unit:云南省人力资源和社会保障厅}") String issuingUnit) {
        this.jdbc = jdbc;
        this.users = users;
        this.codes = codes;
        this.i18n = i18n;
        this.jasper = jasper;
        this.clock = clock;
        this.issuingUnit = issuingUnit;
    }

    public static String receiptNumber(String period, long reportId) {
        return "HZ" + period.replace("-", "") + "-" + String.format("%08d", reportId);
    }

    public byte[] receiptPdf(long reportId) {
        CurrentUser me = Access.requireAny(users.require(), Role.ENTERPRISE, Role.CITY_REVIEWER, Role.PROVINCE_REVIEWER, Role.LEADER);
        // role first; then another enterprise's (city's) report and a report that does not exist: the same answer
        Map<String, Object> r = jdbc.queryForList("select r.*, e.name as enterprise_name, e.uscc from report r"
                        + " join enterprise e on e.id = r.enterprise_id where r.id = ?", reportId).stream()
                .filter(row -> Access.coversEnterprise(me, ((Number) row.get("enterprise_id")).longValue(), (String) row.get("city_code")))
                .findFirst().orElseThrow(() -> new NotFoundException("statistics.receipt.notFound"));
        String city = (String) r.get("city_code");
        String state = (String) r.get("state");
        if (!"ACCEPTED".equals(state) && !"FORWARDED".equals(state)) {
            throw new DomainException("statistics.receipt.notAccepted");
        }
        String period = (String) r.get("period_code");
        List<String[]> lines = new ArrayList<>();
        lines.add(line("enterprise", (String) r.get("enterprise_name")));
        lines.add(line("uscc", (String) r.get("uscc")));
        lines.add(line("region", codes.nameOf(CodeType.REGION, city) + " " + codes.nameOf(CodeType.REGION, (String) r.get("county_code"))));
        lines.add(line("period", period));
        lines.add(line("baseline", str(r.get("baseline_headcount"))));
        lines.add(line("previous", str(r.get("previous_headcount"))));
        lines.add(line("headcount", str(r.get("headcount"))));
        String type = (String) r.get("reduction_type");
        lines.add(line("reductionType", type == null ? i18n.chinese("statistics.receipt.none")
                : codes.nameOf(CodeType.REDUCTION_TYPE, type)));
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String code = (String) r.get("reason" + i + "_code");
            if (code != null) {
                reasons.add(codes.nameOf(CodeType.REDUCTION_REASON, code));
            }
        }
        lines.add(line("reasons", reasons.isEmpty() ? i18n.chinese("statistics.receipt.none") : String.join("；", reasons)));
        lines.add(line("submittedAt", time(r.get("submitted_at"))));
        lines.add(line("acceptedAt", time(r.get("accepted_at"))));
        lines.add(line("version", str(r.get("version_no"))));
        String now = ZonedDateTime.now(clock).format(StatisticsReports.STAMP);
        return jasper.receipt(i18n.chinese("statistics.receipt.title"), period, codes.nameOf(CodeType.REGION, city),
                receiptNumber(period, reportId), lines, i18n.chinese("statistics.receipt.note", (String) r.get("enterprise_name"), period),
                now, issuingUnit);
    }

    private String[] line(String key, String value) {
        return new String[] {i18n.chinese("statistics.receipt." + key), value};
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String time(Object o) {
        if (o == null) {
            return "";
        }
        java.time.Instant instant = o instanceof Timestamp ts ? ts.toInstant()
                : o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : null;
        return instant == null ? o.toString() : instant.atZone(TimeConfig.ZONE).format(StatisticsReports.STAMP);
    }
}
