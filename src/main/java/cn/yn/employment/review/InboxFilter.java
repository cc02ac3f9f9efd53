package cn.yn.employment.review;

/**
 * Inbox filter; null or blank fields do not filter. {@code cityCode} is meant for the province, {@code countyCode}
 * for a city. {@code text} matches enterprise name or USCC. {@code newestFirst} flips the sort on submission time.
 */
public record InboxFilter(
        String periodCode,
        String cityCode,
        String countyCode,
        String industryDivision,
        String kind,
        Boolean hasWarnings,
        Boolean overdue,
        Claim claim,
        String text,
        boolean newestFirst) {

    public enum Claim { ANY, MINE, UNCLAIMED }

    public static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null, null, null, Claim.ANY, null, false);
    }

    public InboxFilter {
        claim = claim == null ? Claim.ANY : claim;
    }

    /** The filter's texts through the edge's text gate (saved filters are stored and shown to the team). */
    public InboxFilter checkedText(cn.yn.employment.common.text.TextInput in) {
        return new InboxFilter(in.code("periodCode", periodCode), in.code("cityCode", cityCode), in.code("countyCode", countyCode),
                in.code("industryDivision", industryDivision), in.code("kind", kind), hasWarnings, overdue, claim,
                in.text("text", text), newestFirst);
    }

    public InboxFilter withPeriod(String v) {
        return new InboxFilter(v, cityCode, countyCode, industryDivision, kind, hasWarnings, overdue, claim, text, newestFirst);
    }

    public InboxFilter withCounty(String v) {
        return new InboxFilter(periodCode, cityCode, v, industryDivision, kind, hasWarnings, overdue, claim, text, newestFirst);
    }

    public InboxFilter withCity(String v) {
        return new InboxFilter(periodCode, v, countyCode, industryDivision, kind, hasWarnings, overdue, claim, text, newestFirst);
    }

    public InboxFilter withKind(String v) {
        return new InboxFilter(periodCode, cityCode, countyCode, industryDivision, v, hasWarnings, overdue, claim, text, newestFirst);
    }

    public InboxFilter withHasWarnings(Boolean v) {
        return new InboxFilter(periodCode, cityCode, countyCode, industryDivision, kind, v, overdue, claim, text, newestFirst);
    }

    public InboxFilter withText(String v) {
        return new InboxFilter(periodCode, cityCode, countyCode, industryDivision, kind, hasWarnings, overdue, claim, v, newestFirst);
    }
}
