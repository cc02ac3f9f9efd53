package cn.yn.employment.forwarding.api;

import cn.yn.employment.forwarding.ForwardingPackage;
import cn.yn.employment.forwarding.ForwardingPreview;
import cn.yn.employment.forwarding.ForwardingService;
import cn.yn.employment.forwarding.PackageFile;
import cn.yn.employment.forwarding.PeriodForwarding;
import cn.yn.employment.forwarding.ResendOutcome;
import cn.yn.employment.forwarding.SendOutcome;
import cn.yn.employment.forwarding.Transmission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * National forwarding (上报部) over the API, for province reviewers (token or HTTP Basic): the same operations and
 * checks as the forwarding view ({@link ForwardingService}); other roles get 403, a refused rule 422.
 */
@RestController
@RequestMapping("/api/v1/forwarding")
@Tag(name = "Forwarding", description = "The national dataset of a closed period (上报部) for province reviewers")
class ForwardingApiController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ForwardingService forwarding;

    ForwardingApiController(ForwardingService forwarding) {
        this.forwarding = forwarding;
    }

    /** A period's forwarding: its status, what a build would carry, its packages. */
    record PeriodDetail(PeriodForwarding status, ForwardingPreview preview, List<ForwardingPackage> packages) {
    }

    record AcknowledgeBody(String note) {
    }

    @GetMapping("/periods")
    @Operation(summary = "Every closed period with its forwarding status (NOT_BUILT, BUILT, SENT, ACKNOWLEDGED, FAILED)")
    List<PeriodForwarding> periods() {
        return forwarding.overview();
    }

    @GetMapping("/periods/{period}")
    @Operation(summary = "A period's status, preview (accepted, in review, pending changes) and packages")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    PeriodDetail period(@PathVariable String period) {
        return new PeriodDetail(forwarding.status(period), forwarding.preview(period), forwarding.packages(period));
    }

    @PostMapping("/periods/{period}/build")
    @Operation(summary = "Build the main package, the next supplement, or again the package not yet sent")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    ForwardingPackage build(@PathVariable String period) {
        return forwarding.build(period);
    }

    @PostMapping("/periods/{period}/send")
    @Operation(summary = "Deliver the period's unsent packages in order; a failure is logged and retried with back-off")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    List<SendOutcome> send(@PathVariable String period) {
        return forwarding.send(period);
    }

    @GetMapping("/periods/{period}/transmissions")
    @Operation(summary = "The transmission log of the period's packages, newest first")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    List<Transmission> transmissions(@PathVariable String period) {
        return forwarding.transmissions(period);
    }

    @GetMapping("/periods/{period}/packages/{sequence}")
    @Operation(summary = "A package's zip (sequence 0 = main package, 1.. = supplements); X-Checksum-SHA256 carries its checksum")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    ResponseEntity<byte[]> download(@PathVariable String period, @PathVariable int sequence) {
        PackageFile file = forwarding.download(period, sequence);
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Checksum-SHA256", file.sha256())
                .body(file.content());
    }

    @PostMapping("/periods/{period}/packages/{sequence}/resend")
    @Operation(summary = "Send a delivered package again; nothing new is recorded when the gateway still holds the identical file")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    ResendOutcome resend(@PathVariable String period, @PathVariable int sequence) {
        return forwarding.resend(period, sequence);
    }

    @PostMapping("/periods/{period}/packages/{sequence}/acknowledge")
    @Operation(summary = "Record the ministry's acknowledgement of a delivered package (note optional, at most 500 characters)")
    @ApiResponse(responseCode = "404", description = "unknown period or package (notFound)")
    @ApiResponse(responseCode = "422", description = "a rule refused the action (e.g. forwarding.error.periodNotClosed, forwarding.error.notBuilt)")
    ForwardingPackage acknowledge(@PathVariable String period, @PathVariable int sequence,
                                  @RequestBody(required = false) AcknowledgeBody body) {
        return forwarding.acknowledge(period, sequence, body == null ? null : body.note());
    }
}
