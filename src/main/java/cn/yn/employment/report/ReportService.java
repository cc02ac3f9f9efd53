package cn.yn.employment.report;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The monthly report (月报): drafting, validation, submission into the {@value #PROCESS_KEY} process, withdrawal,
 * correction, history and versions. Every method checks role and scope first.
 */
@Service
public class ReportService {

    /** Process definition key of processes/report-review.bpmn20.xml. */
    public static final String PROCESS_KEY = "reportReview";
    /** Value of the {@code kind} process variable and of {@code SubjectDetailsProvider.kind()}. */
    public static final String KIND = "REPORT";

    /** The enterprise's report for a period: the existing one, or a new draft (baseline from the filing, previous = last accepted). */
    public ReportView draftFor(long enterpriseId, String periodCode) {
        throw new UnsupportedOperationException("in progress");
    }

    public Optional<ReportView> find(long enterpriseId, String periodCode) {
        throw new UnsupportedOperationException("in progress");
    }

    public ReportView get(long reportId) {
        throw new UnsupportedOperationException("in progress");
    }

    public ReportView saveDraft(long reportId, ReportForm form) {
        throw new UnsupportedOperationException("in progress");
    }

    public ValidationResult validate(long reportId, ReportForm form) {
        throw new UnsupportedOperationException("in progress");
    }

    public ReportView submit(long reportId, ReportForm form, String explanation) {
        throw new UnsupportedOperationException("in progress");
    }

    public ReportView withdraw(long reportId) {
        throw new UnsupportedOperationException("in progress");
    }

    public ReportView correct(long reportId, String reason) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<ReportView> history(long enterpriseId) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<ReportVersionView> versions(long reportId) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<ReportEvent> events(long reportId) {
        throw new UnsupportedOperationException("in progress");
    }
}
