package cn.yn.employment.report.api;

import cn.yn.employment.common.NotFoundException;
import cn.yn.employment.common.web.DownloadFileNames;
import cn.yn.employment.common.idempotency.IdempotentRequests;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.common.security.CurrentUserProvider;
import cn.yn.employment.period.PeriodService;
import cn.yn.employment.period.SurveyPeriod;
import cn.yn.employment.period.Window;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportHome;
import cn.yn.employment.report.ReportService;
import cn.yn.employment.report.ReportVersionView;
import cn.yn.employment.report.ReportView;
import cn.yn.employment.statistics.Receipts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API for enterprises' HR systems (token authentication, see /api/v1/tokens): read the open period,
 * save a draft, submit the monthly report, read its state and versions. Same validation and workflow as the
 * web form: it calls the same {@link ReportService}. An accepted report's receipt (回执) comes as PDF.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Monthly report", description = "For enterprises' HR systems")
class ReportApiController {

    private final ReportService reports;
    private final PeriodService periods;
    private final CurrentUserProvider currentUser;
    private final Clock clock;
    private final Receipts receipts;
    private final IdempotentRequests idempotent;

    ReportApiController(ReportService reports, PeriodService periods, CurrentUserProvider currentUser, Clock clock,
                        Receipts receipts, IdempotentRequests idempotent) {
        this.reports = reports;
        this.idempotent = idempotent;
        this.receipts = receipts;
        this.periods = periods;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/periods/current")
    @Operation(summary = "The current survey period and the caller's reporting window")
    @ApiResponse(responseCode = "404", description = "there is no survey period (report.api.noPeriod)")
    PeriodDto currentPeriod() {
        CurrentUser me = currentUser.require();
        SurveyPeriod p = periods.current().orElseThrow(() -> new NotFoundException("report.api.noPeriod"));
        Long enterprise = me.scope().enterpriseId();
        if (enterprise != null) {
            // the enterprise's own city window, and a late-filing grant counts as open
            ReportHome home = reports.home(enterprise);
            return new PeriodDto(p.code(), p.state().name(), home.window().start(), home.window().end(), home.canSubmitNow());
        }
        String city = me.scope().cityCode();
        Window w = city == null ? p.window() : periods.windowFor(p.code(), city);
        boolean open = city != null && periods.isOpenFor(p.code(), city, clock.instant());
        return new PeriodDto(p.code(), p.state().name(), w.start(), w.end(), open);
    }

    @GetMapping("/reports/{periodCode}")
    @Operation(summary = "The caller's report for a period")
    @ApiResponse(responseCode = "404", description = "no report was started for this period (report.api.noReport)")
    ReportDto get(@PathVariable String periodCode) {
        return ReportDto.of(reportOf(periodCode));
    }

    @PutMapping("/reports/{periodCode}/draft")
    @Operation(summary = "Save a draft (no validation beyond types)")
    @ApiResponse(responseCode = "404", description = "unknown period (period.notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the draft (not filed, not editable …)")
    ReportDto saveDraft(@PathVariable String periodCode, @RequestBody ReportRequest body) {
        ReportView draft = reports.draftFor(enterpriseId(), periodCode);
        return ReportDto.of(reports.saveDraft(draft.id(), body.form()));
    }

    @PostMapping("/reports/{periodCode}")
    @Operation(summary = "Submit the report: hard errors give 422 with field errors; soft warnings need 'explanation'."
            + " With an Idempotency-Key header a retry returns the first outcome (same key, other body: 422)")
    @ApiResponse(responseCode = "404", description = "unknown period (period.notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the figures; fieldErrors name each field")
    ReportDto submit(@PathVariable String periodCode, @RequestBody ReportRequest body,
                     @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, "POST /api/v1/reports/" + periodCode, body, ReportDto.class, () -> {
            ReportView draft = reports.draftFor(enterpriseId(), periodCode);
            return ReportDto.of(reports.submit(draft.id(), body.form(), body.explanation()));
        });
    }

    @PostMapping("/reports/{periodCode}/withdraw")
    @Operation(summary = "Withdraw a submission the city has not started (Idempotency-Key accepted)")
    @ApiResponse(responseCode = "404", description = "no report for this period (report.api.noReport)")
    @ApiResponse(responseCode = "422", description = "the city has started the review, or nothing to withdraw")
    ReportDto withdraw(@PathVariable String periodCode,
                       @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, "POST /api/v1/reports/" + periodCode + "/withdraw", "", ReportDto.class,
                () -> ReportDto.of(reports.withdraw(reportOf(periodCode).id())));
    }

    @GetMapping("/reports/{periodCode}/receipt")
    @Operation(summary = "The receipt (回执) of an accepted report as PDF")
    @ApiResponse(responseCode = "200", description = "the receipt",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no report for this period (report.api.noReport)")
    @ApiResponse(responseCode = "422", description = "the report is not accepted yet (statistics.receipt.notAccepted)")
    ResponseEntity<byte[]> receipt(@PathVariable String periodCode) {
        ReportView r = reportOf(periodCode);
        byte[] pdf = receipts.receiptPdf(r.id());
        String name = DownloadFileNames.safe(Receipts.receiptNumber(r.periodCode(), r.id()) + ".pdf");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf);
    }

    @PostMapping("/review/reports/{reportId}/correct")
    @Operation(summary = "Province: reopen an accepted report for correction (更正); the chain runs again (Idempotency-Key accepted)")
    @ApiResponse(responseCode = "404", description = "unknown report id (report.notFound)")
    @ApiResponse(responseCode = "422", description = "no reason given (fieldErrors: reason), or the report is not accepted")
    ReportDto correct(@PathVariable long reportId, @RequestBody CorrectionRequest body,
                      @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(key, "POST /api/v1/review/reports/" + reportId + "/correct", body, ReportDto.class,
                () -> ReportDto.of(reports.correct(reportId, body.reason())));
    }

    @GetMapping("/reports/{periodCode}/versions")
    @Operation(summary = "Every submitted version of the report")
    @ApiResponse(responseCode = "404", description = "no report for this period (report.api.noReport)")
    List<ReportVersionView> versions(@PathVariable String periodCode) {
        return reports.versions(reportOf(periodCode).id());
    }

    private ReportView reportOf(String periodCode) {
        return reports.find(enterpriseId(), periodCode).orElseThrow(() -> new NotFoundException("report.api.noReport"));
    }

    private long enterpriseId() {
        Long id = currentUser.require().scope().enterpriseId();
        if (id == null) {
            throw new AccessDeniedException("an enterprise account is required");
        }
        return id;
    }

    record CorrectionRequest(String reason) {
    }

    record PeriodDto(String code, String state, Instant windowStart, Instant windowEnd, boolean openForMe) {
    }

    /** The report items of docs/domain.md §5 plus the explanation soft warnings require. */
    record ReportRequest(Integer headcount, Integer hired, Integer separated, Integer dispatched, String reductionType,
                         String reason1Code, String reason1Note, String reason2Code, String reason2Note,
                         String reason3Code, String reason3Note, String otherNote, String explanation) {

        ReportForm form() {
            return new ReportForm(headcount, hired, separated, dispatched, reductionType, reason1Code, reason1Note,
                    reason2Code, reason2Note, reason3Code, reason3Note, otherNote);
        }
    }

    record ReportDto(long id, String periodCode, String state, int baselineHeadcount, Integer previousHeadcount,
                     ReportForm figures, List<String> warningCodes, String warningExplanation, String layoffWarningLevel,
                     int versionNo, Instant submittedAt, Instant acceptedAt, String returnReason, String returnedBy) {

        static ReportDto of(ReportView v) {
            return new ReportDto(v.id(), v.periodCode(), v.state().name(), v.baselineHeadcount(), v.previousHeadcount(),
                    v.form(), v.warningCodes(), v.warningExplanation(), v.layoffWarningLevel(), v.versionNo(),
                    v.submittedAt(), v.acceptedAt(), v.returnReason(), v.returnedBy());
        }
    }
}
