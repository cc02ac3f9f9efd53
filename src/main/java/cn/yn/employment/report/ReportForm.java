package cn.yn.employment.report;

/**
 * What the enterprise enters on the monthly report (docs/domain.md §5). Numbers may be null while drafting; codes are
 * RT01–RT10 (reduction type) and RC01–RC14 (reasons).
 */
public record ReportForm(Integer headcount, Integer hired, Integer separated, Integer dispatched,
                         String reductionType,
                         String reason1Code, String reason1Note,
                         String reason2Code, String reason2Note,
                         String reason3Code, String reason3Note,
                         String otherNote) {

    /**
     * The texts through the edge's text gate ({@link cn.yn.employment.common.text.TextInput}): NFC, full-width
     * folded in the codes; control and bidi characters become field errors in {@code in}.
     */
    public ReportForm checkedText(cn.yn.employment.common.text.TextInput in) {
        return new ReportForm(headcount, hired, separated, dispatched, in.code("reductionType", reductionType),
                in.code("reason1Code", reason1Code), in.text("reason1Note", reason1Note),
                in.code("reason2Code", reason2Code), in.text("reason2Note", reason2Note),
                in.code("reason3Code", reason3Code), in.text("reason3Note", reason3Note),
                in.text("otherNote", otherNote));
    }

    public static ReportForm empty() {
        return new ReportForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ReportForm withHeadcount(Integer value) {
        return new ReportForm(value, hired, separated, dispatched, reductionType, reason1Code, reason1Note,
                reason2Code, reason2Note, reason3Code, reason3Note, otherNote);
    }

    public ReportForm withFlows(Integer newHired, Integer newSeparated, Integer newDispatched) {
        return new ReportForm(headcount, newHired, newSeparated, newDispatched, reductionType, reason1Code, reason1Note,
                reason2Code, reason2Note, reason3Code, reason3Note, otherNote);
    }

    public ReportForm withReduction(String type, String r1, String n1, String r2, String n2, String r3, String n3) {
        return new ReportForm(headcount, hired, separated, dispatched, type, r1, n1, r2, n2, r3, n3, otherNote);
    }

    public ReportForm withOtherNote(String note) {
        return new ReportForm(headcount, hired, separated, dispatched, reductionType, reason1Code, reason1Note,
                reason2Code, reason2Note, reason3Code, reason3Note, note);
    }
}
