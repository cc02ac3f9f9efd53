package cn.yn.employment.statistics.api;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.InvalidRequestException;
import cn.yn.employment.common.web.DownloadFileNames;
import cn.yn.employment.common.i18n.Translations;
import cn.yn.employment.common.reporting.ReportingCounts;
import cn.yn.employment.statistics.Dimension;
import cn.yn.employment.statistics.Figures;
import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsService;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics over the API, for leaders and reviewers (token or HTTP Basic): the reporting counts as JSON and the same PDF and Excel
 * files as the dashboard's downloads, with the same role and scope checks ({@link StatisticsReports}). A
 * city-scoped account gets its own city whatever it asks for, and another city is refused (403). Every
 * parameter is checked (period, report, format, codes) and refused with a 400 naming it.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Statistics reports (PDF, Excel) for leaders and reviewers")
class StatisticsApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Longer than any code of the code tables: refused before a look-up. */
    private static final int MAX_CODE_LENGTH = 20;

    private final StatisticsReports reports;
    private final StatisticsService statistics;
    private final CodeService codes;

    StatisticsApiController(StatisticsReports reports, StatisticsService statistics, CodeService codes) {
        this.reports = reports;
        this.statistics = statistics;
        this.codes = codes;
    }

    /** The reporting counts with the rates, as every page and report defines them (docs/domain.md §7). */
    record Counts(long due, long reported, long accepted, long missing, long returned, BigDecimal submissionRate,
                  BigDecimal reviewRate) {
        static Counts of(ReportingCounts c) {
            return new Counts(c.due(), c.reported(), c.accepted(), c.missing(), c.returned(), c.submissionRate(), c.reviewRate());
        }
    }

    record AreaCounts(String code, String name, Counts counts) {
    }

    /**
     * {@code provisional}: the figures can still change (period open, reports under review or returned), as of
     * {@code asOf}; {@code areas}: per city, or per county when a city is given.
     */
    record CountsResponse(String periodCode, String scope, boolean provisional, LocalDate asOf, Counts total,
                          List<AreaCounts> areas) {
    }

    @GetMapping("/{periodCode}/counts")
    @Operation(summary = "应报 / 已报 / 已审核 / 缺报 / 退回 with 上报率 and 审核率, in total and per city (per county with city=)")
    @ApiResponse(responseCode = "400", description = "unknown period (fieldErrors: periodCode)")
    CountsResponse counts(@PathVariable String periodCode, @RequestParam(required = false) String city,
                          @RequestParam(required = false) String county) {
        // role first (periods() checks it), then the period must exist, as for the downloads
        if (!statistics.periods().contains(periodCode)) {
            throw InvalidRequestException.field("periodCode", "api.error.statistics.unknownPeriod");
        }
        StatisticsFilter filter = statistics.scoped(StatisticsFilter.all().withCity(city).withCounty(county));
        Dimension d = filter.cityCode() == null ? Dimension.CITY : Dimension.COUNTY;
        List<AreaCounts> areas = new ArrayList<>();
        ReportingCounts total = ReportingCounts.NONE;
        for (Figures g : statistics.breakdown(periodCode, filter, d)) {
            total = total.plus(g.counts());
            areas.add(new AreaCounts(g.key(), reports.name(d, g.key()), Counts.of(g.counts())));
        }
        areas.sort(Comparator.comparing(a -> a.code() == null ? "" : a.code()));
        return new CountsResponse(periodCode, reports.scopeLabel(filter, Translations.CHINESE),
                total.provisional(statistics.periodOpen(periodCode)), statistics.today(), Counts.of(total), areas);
    }

    @GetMapping("/{periodCode}/reports/{report}")
    @Operation(summary = "One statistics report of a period as PDF (default) or Excel (format=xlsx)")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "unknown period, report, format or filter code (fieldErrors name it)")
    @ApiResponse(responseCode = "403", description = "not a leader or reviewer, or a city reviewer asking for another city")
    ResponseEntity<byte[]> report(
            @Parameter(description = "period YYYY-MM; one the system has (scheduled or with reports)")
            @PathVariable String periodCode,
            @Parameter(description = "summary-city, summary-county, industry, registration-type, reductions, warnings, progress, trend")
            @PathVariable String report,
            @Parameter(description = "pdf (default) or xlsx") @RequestParam(defaultValue = "pdf") String format,
            @Parameter(description = "city code (530100 …)") @RequestParam(required = false) String city,
            @Parameter(description = "county code") @RequestParam(required = false) String county,
            @Parameter(description = "industry section (A … T)") @RequestParam(required = false) String industrySection,
            @Parameter(description = "registration type code") @RequestParam(required = false) String registrationType,
            @Parameter(description = "leave out the 4 enterprises with the largest headcount (the bulletin variant)")
            @RequestParam(defaultValue = "false") boolean excludeLargest) {
        // role first: a caller who may not see statistics learns nothing about which periods or codes exist
        List<String> known = statistics.periods();
        ReportKind kind = ReportKind.find(report)
                .orElseThrow(() -> InvalidRequestException.field("report", "api.error.statistics.unknownReport", ReportKind.slugs()));
        if (!known.contains(periodCode)) {
            throw InvalidRequestException.field("periodCode", "api.error.statistics.unknownPeriod");
        }
        boolean excel = switch (format) {
            case "pdf" -> false;
            case "xlsx" -> true;
            default -> throw InvalidRequestException.field("format", "api.error.statistics.unknownFormat");
        };
        StatisticsFilter filter = StatisticsFilter.all()
                .withCity(code("city", city, c -> codes.cities().stream().anyMatch(x -> x.code().equals(c))))
                .withCounty(code("county", county, codes::isCounty))
                .withIndustrySection(code("industrySection", industrySection,
                        c -> codes.find(CodeType.INDUSTRY, c).filter(x -> "section".equals(x.level())).isPresent()))
                .withRegistrationType(code("registrationType", registrationType, c -> codes.find(CodeType.REGISTRATION_TYPE, c).isPresent()));
        if (excludeLargest) {
            filter = filter.excludingLargest(StatisticsFilter.BULLETIN_EXCLUDED);
        }
        byte[] body = excel ? reports.excel(kind, periodCode, filter) : reports.pdf(kind, periodCode, filter);
        String name = DownloadFileNames.safe(reports.fileName(kind, periodCode, filter, excel ? "xlsx" : "pdf"));
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** A filter code as given, or a 400 naming the parameter when it is not in the code table. */
    private static String code(String parameter, String value, Predicate<String> known) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_CODE_LENGTH || !known.test(trimmed)) {
            throw InvalidRequestException.field(parameter, "api.error.field.unknownCode");
        }
        return trimmed;
    }
}
