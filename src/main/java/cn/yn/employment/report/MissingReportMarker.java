package cn.yn.employment.report;

import cn.yn.employment.period.MissingReports;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 缺报 as the report module writes it when the calendar says windows have ended (set-based: one insert for the
 * enterprises without a report, one update for their drafts — province scale is 100,000 enterprises), and undone
 * when a period is reopened. Runs in the calendar job's transaction.
 */
@Component
class MissingReportMarker implements MissingReports {

    private static final Logger log = LoggerFactory.getLogger(MissingReportMarker.class);

    private final JdbcTemplate jdbc;

    MissingReportMarker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int markMissing(WindowsEnded ended) {
        if (!ended.anyEnded()) {
            return 0;
        }
        Timestamp ts = Timestamp.from(ended.at());
        List<Object> whoArgs = new ArrayList<>();
        String who = endedEnterprises(ended, whoArgs);
        List<Object> args = new ArrayList<>(List.of(ended.periodCode(), ts, ts));
        args.addAll(whoArgs);
        args.add(ended.periodCode());
        int inserted = jdbc.update("insert into report (enterprise_id, period_code, city_code, county_code, industry_section,"
                + " industry_division, registration_type, state, baseline_headcount, created_at, updated_at)"
                + " select e.id, ?, e.city_code, e.county_code, e.industry_section, e.industry_division, e.registration_type,"
                + " 'MISSING', coalesce(e.baseline_headcount, 0), ?, ? from enterprise e where " + who
                + " and not exists (select 1 from report r where r.enterprise_id = e.id and r.period_code = ?)", args.toArray());
        String dueDrafts = " where period_code = ? and state = 'DRAFT' and enterprise_id in (select e.id from enterprise e where "
                + who + ")";
        List<Object> draftArgs = new ArrayList<>();
        draftArgs.add(ended.periodCode());
        draftArgs.addAll(whoArgs);
        jdbc.update("insert into report_missing_draft (period_code, report_id) select period_code, id from report" + dueDrafts
                + " and not exists (select 1 from report_missing_draft d where d.period_code = report.period_code"
                + " and d.report_id = report.id)", draftArgs.toArray());
        List<Object> updateArgs = new ArrayList<>();
        updateArgs.add(ts);
        updateArgs.addAll(draftArgs);
        int drafts = jdbc.update("update report set state = 'MISSING', updated_at = ?, lock_version = lock_version + 1"
                + dueDrafts, updateArgs.toArray());
        if (inserted + drafts > 0) {
            log.info("period {}: {} enterprises marked missing ({} drafts)", ended.periodCode(), inserted + drafts, drafts);
        }
        return inserted + drafts;
    }

    /** Filed enterprises whose window has ended and who hold no active grant, as a condition on {@code e}. */
    private static String endedEnterprises(WindowsEnded ended, List<Object> args) {
        List<String> windows = new ArrayList<>();
        if (!ended.ownWindowEnded().isEmpty()) {
            windows.add("e.city_code in (" + placeholders(ended.ownWindowEnded(), args) + ")");
        }
        if (ended.periodWindowEnded()) {
            windows.add(ended.citiesWithOwnWindow().isEmpty() ? "1 = 1"
                    : "e.city_code not in (" + placeholders(ended.citiesWithOwnWindow(), args) + ")");
        }
        String sql = "e.filing_state = 'FILED' and (" + String.join(" or ", windows) + ")";
        if (!ended.enterprisesWithGrant().isEmpty()) {
            sql += " and e.id not in (" + placeholders(ended.enterprisesWithGrant(), args) + ")";
        }
        return sql;
    }

    private static String placeholders(Collection<?> values, List<Object> args) {
        args.addAll(values);
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    @Override
    public Restored restore(String periodCode, java.time.Instant at) {
        Timestamp ts = Timestamp.from(at);
        int drafts = jdbc.update("update report set state = 'DRAFT', updated_at = ?, lock_version = lock_version + 1"
                + " where period_code = ? and state = 'MISSING' and id in (select d.report_id from report_missing_draft d"
                + " where d.period_code = ?)", ts, periodCode, periodCode);
        jdbc.update("delete from report_missing_draft where period_code = ?", periodCode);
        int removed = jdbc.update("delete from report where period_code = ? and state = 'MISSING' and submitted_at is null"
                + " and process_instance_id is null and not exists (select 1 from report_version v where v.report_id = report.id)"
                + " and not exists (select 1 from layoff_warning w where w.report_id = report.id)", periodCode);
        return new Restored(drafts, removed);
    }
}
