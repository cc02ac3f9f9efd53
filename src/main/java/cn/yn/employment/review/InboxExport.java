package cn.yn.employment.review;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.export.XlsxStream;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.time.BusinessTime;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * 导出 Excel of an inbox tab (待办 / 已办 / 被退回) with the current filter: every matching row, not only the shown
 * page, read through {@link ReviewService#inbox}'s keyset pages (so the caller's role and candidate groups limit it
 * exactly as the list) and streamed into the workbook page by page.
 */
@Service
public class InboxExport {

    private final ReviewService review;
    private final CodeService codes;
    private final Translations i18n;

    InboxExport(ReviewService review, CodeService codes, Translations i18n) {
        this.review = review;
        this.codes = codes;
        this.i18n = i18n;
    }

    /** Writes the workbook to {@code out}; returns the number of data rows. */
    public long write(InboxTab tab, InboxFilter filter, Locale locale, OutputStream out) {
        boolean open = tab != InboxTab.DONE;
        List<String> headers = open
                ? List.of(t(locale, "review.col.kind"), t(locale, "review.col.enterprise"), t(locale, "review.col.uscc"),
                        t(locale, "review.export.city"), t(locale, "review.export.county"), t(locale, "review.col.period"),
                        t(locale, "review.col.state"), t(locale, "review.col.warnings"), t(locale, "review.col.submitted"),
                        t(locale, "review.col.due"), t(locale, "review.col.claimed"))
                : List.of(t(locale, "review.col.kind"), t(locale, "review.col.enterprise"), t(locale, "review.col.uscc"),
                        t(locale, "review.export.city"), t(locale, "review.export.county"), t(locale, "review.col.period"),
                        t(locale, "review.col.submitted"), t(locale, "review.col.decision"), t(locale, "review.col.completed"),
                        t(locale, "review.col.comment"));
        try (XlsxStream x = new XlsxStream(t(locale, "review.tab." + tab.name(), "").replace("()", "").trim(), headers)) {
            Cursor after = null;
            do {
                InboxPage page = review.inbox(tab, filter, after, ReviewService.MAX_PAGE);
                for (WorkItem w : page.items()) {
                    x.row(open ? openRow(w, locale) : doneRow(w, locale));
                }
                after = page.next();
            } while (after != null);
            x.writeTo(out);
            return x.rows();
        }
    }

    private Object[] openRow(WorkItem w, Locale l) {
        return new Object[]{t(l, "review.kind." + w.kind()), w.enterpriseName(), w.uscc(), region(w.cityCode()),
                region(w.countyCode()), w.periodCode(), t(l, "review.state." + w.state()),
                w.hasWarnings() ? t(l, "review.filter.yes") : "", XlsxStream.time(BusinessTime.MINUTES, w.submittedAt()),
                XlsxStream.time(BusinessTime.MINUTES, w.dueAt()) + (w.overdue() ? " " + t(l, "review.overdue.badge") : ""),
                w.claimedBy()};
    }

    private Object[] doneRow(WorkItem w, Locale l) {
        String decision = w.decision() == null ? "" : t(l, "review.decision." + w.decision())
                + ("RETURN".equals(w.decision()) && w.returnTo() != null ? " · " + t(l, "review.returnTo." + w.returnTo()) : "");
        return new Object[]{t(l, "review.kind." + w.kind()), w.enterpriseName(), w.uscc(), region(w.cityCode()),
                region(w.countyCode()), w.periodCode(), XlsxStream.time(BusinessTime.MINUTES, w.submittedAt()), decision,
                XlsxStream.time(BusinessTime.MINUTES, w.completedAt()), w.comment()};
    }

    private String region(String code) {
        return code == null ? "" : codes.nameOf(CodeType.REGION, code);
    }

    private String t(Locale l, String key, Object... args) {
        return i18n.getTranslation(key, l, args);
    }
}
