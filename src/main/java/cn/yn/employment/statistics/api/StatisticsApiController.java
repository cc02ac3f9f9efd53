package cn.yn.employment.statistics.api;

import cn.yn.employment.statistics.ReportKind;
import cn.yn.employment.statistics.StatisticsFilter;
import cn.yn.employment.statistics.StatisticsReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
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
 * The statistics reports over the API, for leaders and reviewers (token or HTTP Basic): the same PDF and Excel
 * files as the dashboard's downloads, with the same role and scope checks ({@link StatisticsReports}). A
 * city-scoped account gets its own city whatever it asks for, and another city is refused (403).
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Statistics reports (PDF, Excel) for leaders and reviewers")
class StatisticsApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsReports reports;

    StatisticsApiController(StatisticsReports reports) {
        this.reports = reports;
    }

    @GetMapping("/{periodCode}/reports/{report}")
    @Operation(summary = "One statistics report of a period as PDF (default) or Excel (format=xlsx)")
    ResponseEntity<byte[]> report(
            @PathVariable String periodCode,
            @Parameter(description = "summary-city, summary-county, industry, registration-type, reductions, warnings, progress, trend")
            @PathVariable String report,
            @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String industrySection,
            @RequestParam(required = false) String registrationType,
            @Parameter(description = "leave out the 4 enterprises with the largest headcount (the bulletin variant)")
            @RequestParam(defaultValue = "false") boolean excludeLargest) {
        ReportKind kind = ReportKind.ofSlug(report);
        StatisticsFilter filter = StatisticsFilter.all().withCity(city).withCounty(county).withIndustrySection(industrySection)
                .withRegistrationType(registrationType);
        if (excludeLargest) {
            filter = filter.excludingLargest(StatisticsFilter.BULLETIN_EXCLUDED);
        }
        boolean excel = switch (format) {
            case "pdf" -> false;
            case "xlsx" -> true;
            default -> throw new IllegalArgumentException("format must be pdf or xlsx");
        };
        byte[] body = excel ? reports.excel(kind, periodCode, filter) : reports.pdf(kind, periodCode, filter);
        String name = reports.fileName(kind, periodCode, filter, excel ? "xlsx" : "pdf");
        return ResponseEntity.ok()
                .contentType(excel ? XLSX : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
