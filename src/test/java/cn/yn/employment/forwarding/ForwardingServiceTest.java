package cn.yn.employment.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.forwarding.internal.Forwarder;
import cn.yn.employment.forwarding.internal.PackageBuilder;
import cn.yn.employment.period.PeriodState;
import cn.yn.employment.report.ReportForm;
import cn.yn.employment.report.ReportView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

/**
 * The forwarding of a period end to end on the real report chain and calendar: the main package built when the
 * period closes, its manifest checked file by file, delivery to the outbox, idempotent resending, a correction after
 * sending shipped as supplement 1, acknowledgements, and failed deliveries retried with back-off.
 */
class ForwardingServiceTest extends ForwardingTestBase {

    @Autowired
    Forwarder forwarder;

    @Test
    void aClosedPeriodIsBuiltVerifiedSentOnceAndACorrectionBecomesSupplementOne() throws Exception {
        String p = "2019-01";
        openPeriod(p);
        ReportView km1 = accepted(p, "530100", "530102", 104);
        ReportView km2 = accepted(p, "530100", "530103", 100);
        ReportView qj = accepted(p, "530300", "530302", 110);
        ReportView late = submitted(p, "530300", "530302", 101); // still at the city when the period closes
        close(p);

        // the close built the main package; nothing is sent yet
        actAs(province());
        PeriodForwarding status = forwarding.status(p);
        assertThat(status.status()).isEqualTo(ForwardingStatus.BUILT);
        assertThat(status.periodState()).isEqualTo(PeriodState.CLOSED);
        ForwardingPackage main = forwarding.packages(p).get(0);
        assertThat(main.sequenceNo()).isZero();
        assertThat(main.fileName()).isEqualTo("YN530000_201901_00.zip");
        assertThat(main.recordCount()).isEqualTo(3);
        assertThat(main.builtBy()).isEqualTo("system:forwarding");
        assertThat(forwarding.preview(p)).isEqualTo(new ForwardingPreview(p, 3, 1, 0));

        // the manifest's checksums match every file; the package's checksum matches the zip
        PackageFile file = forwarding.download(p, 0);
        assertThat(PackageBuilder.sha256(file.content())).isEqualTo(main.sha256()).isEqualTo(file.sha256());
        Map<String, byte[]> entries = unzip(file.content());
        assertThat(entries.keySet()).containsExactly("records.csv", "records.xml", "summary.csv", "manifest.json");
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("period").asText()).isEqualTo(p);
        assertThat(manifest.get("kind").asText()).isEqualTo("MAIN");
        assertThat(manifest.get("recordCount").asInt()).isEqualTo(3);
        assertThat(manifest.get("issuingUnit").asText()).isEqualTo("云南省人力资源和社会保障厅");
        assertThat(manifest.get("generatedAt").asText()).isEqualTo(ExchangeTimestamps.of(main.generatedAt()));
        assertThat(manifest.get("recordsPerCity").toString())
                .isEqualTo("[{\"cityCode\":\"530100\",\"records\":2},{\"cityCode\":\"530300\",\"records\":1}]");
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.get("files")) {
            byte[] bytes = entries.get(f.get("name").asText());
            assertThat(bytes).as(f.get("name").asText()).isNotNull();
            assertThat(PackageBuilder.sha256(bytes)).as("sha256 of " + f.get("name").asText()).isEqualTo(f.get("sha256").asText());
            assertThat(bytes.length).isEqualTo(f.get("bytes").asInt());
            listed.add(f.get("name").asText());
        }
        assertThat(listed).containsExactly("records.csv", "records.xml", "summary.csv");

        String[] csv = new String(entries.get("records.csv"), StandardCharsets.UTF_8).split("\r\n");
        assertThat(csv).hasSize(4);
        assertThat(csv[0]).startsWith("period,change,uscc,enterprise_name,city_code,county_code,");
        assertThat(String.join("\n", csv)).contains(km1.uscc(), km2.uscc(), qj.uscc()).doesNotContain(late.uscc());
        assertThat(csv[1]).startsWith(p + ",NEW,");
        Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(entries.get("records.xml")));
        assertThat(xml.getElementsByTagName("record").getLength()).isEqualTo(3);
        assertThat(xml.getDocumentElement().getAttribute("period")).isEqualTo(p);
        String summary = new String(entries.get("summary.csv"), StandardCharsets.UTF_8);
        // province row: 3 records, ΣB 300, ΣP 0, ΣE 314, change +14
        assertThat(summary).contains(p + ",530100,2,200,0,204,4,").contains(p + ",530000,3,300,0,314,14,");

        // send: delivered to the outbox byte for byte; the period becomes 已上报部
        List<SendOutcome> sent = forwarding.send(p);
        assertThat(sent).singleElement().satisfies(o -> assertThat(o.delivered()).isTrue());
        Path outboxFile = properties.getOutboxDir().resolve(main.fileName());
        assertThat(Files.readAllBytes(outboxFile)).isEqualTo(file.content());
        assertThat(Files.readString(properties.getOutboxDir().resolve(main.fileName() + ".sha256")))
                .isEqualTo(main.sha256() + "  " + main.fileName() + "\n");
        assertThat(forwarding.status(p).status()).isEqualTo(ForwardingStatus.SENT);
        assertThat(periods.require(p).state()).isEqualTo(PeriodState.FORWARDED);
        assertThat(forwarding.transmissions(p)).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo("SENT");
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.attemptedBy()).isEqualTo("prov");
        });

        // sending again: nothing unsent; resending finds the identical file: no second record, same bytes
        assertThatThrownBy(() -> forwarding.send(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.nothingToSend");
        ResendOutcome resent = forwarding.resend(p, 0);
        assertThat(resent.alreadyPresent()).isTrue();
        assertThat(forwarding.transmissions(p)).hasSize(1);
        assertThat(Files.readAllBytes(outboxFile)).isEqualTo(file.content());
        assertThat(forwarding.download(p, 0).content()).isEqualTo(file.content());
        assertThatThrownBy(() -> forwarding.build(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.noChanges");

        // a correction (更正) after sending, and the late report accepted: supplement 1 carries exactly those two
        reports.correct(km1.id(), "就业人数填报有误");
        actAs(enterpriseUser(km1.enterpriseId()));
        reports.submit(km1.id(), ReportForm.empty().withHeadcount(106), null);
        approve(km1);
        approve(late);
        actAs(province());
        assertThat(forwarding.preview(p).pendingChanges()).isEqualTo(2);
        ForwardingPackage supplement = forwarding.build(p);
        assertThat(supplement.sequenceNo()).isEqualTo(1);
        assertThat(supplement.fileName()).isEqualTo("YN530000_201901_01.zip");
        assertThat(supplement.recordCount()).isEqualTo(2);
        assertThat(forwarding.status(p).status()).isEqualTo(ForwardingStatus.BUILT);
        Map<String, byte[]> supplementEntries = unzip(forwarding.download(p, 1).content());
        String supplementCsv = new String(supplementEntries.get("records.csv"), StandardCharsets.UTF_8);
        assertThat(supplementCsv.split("\r\n")).hasSize(3);
        assertThat(supplementCsv).contains(p + ",CORRECTED," + km1.uscc()).contains(p + ",NEW," + late.uscc())
                .doesNotContain(km2.uscc()).doesNotContain(qj.uscc());
        assertThat(supplementCsv.lines().filter(l -> l.contains(km1.uscc())).findFirst().orElseThrow()).contains(",106,");
        JsonNode supplementManifest = new ObjectMapper().readTree(supplementEntries.get("manifest.json"));
        assertThat(supplementManifest.get("kind").asText()).isEqualTo("SUPPLEMENT");
        assertThat(supplementManifest.get("sequence").asInt()).isEqualTo(1);
        // the summary is the whole period after the correction: 4 accepted, ΣE 104→106 plus the late 101
        assertThat(new String(supplementEntries.get("summary.csv"), StandardCharsets.UTF_8)).contains(p + ",530000,4,400,0,417,17,");
        assertThat(forwarding.download(p, 0).content()).as("a sent package never changes").isEqualTo(file.content());

        assertThat(forwarding.send(p)).singleElement().satisfies(o -> assertThat(o.pkg().sequenceNo()).isEqualTo(1));
        assertThat(forwarding.transmissions(p)).hasSize(2);
        assertThat(forwarding.preview(p).pendingChanges()).isZero();

        // acknowledgements: the ministry's ack file for the supplement, by hand for the main package
        Files.createDirectories(properties.getInboxDir());
        Files.writeString(properties.getInboxDir().resolve("YN530000_201901_01.ack"), "回执号 2019-01-S1");
        assertThat(forwarder.pollAcknowledgements()).isGreaterThanOrEqualTo(1);
        actAs(province());
        ForwardingPackage ackedSupplement = forwarding.packages(p).get(1);
        assertThat(ackedSupplement.status()).isEqualTo(ForwardingStatus.ACKNOWLEDGED);
        assertThat(ackedSupplement.ackNote()).isEqualTo("回执号 2019-01-S1");
        assertThat(ackedSupplement.acknowledgedBy()).isEqualTo("ministry");
        assertThat(forwarding.status(p).status()).isEqualTo(ForwardingStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> forwarding.acknowledge(p, 0, "x".repeat(501))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("note"));
        ForwardingPackage ackedMain = forwarding.acknowledge(p, 0, "电话确认");
        assertThat(ackedMain.status()).isEqualTo(ForwardingStatus.ACKNOWLEDGED);
        assertThat(ackedMain.acknowledgedBy()).isEqualTo("prov");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'FORWARDING_PACKAGE_SENT'"
                + " and target_id like 'YN530000_201901_%'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOffUntilItGoesThrough() throws Exception {
        String p = "2019-02";
        openPeriod(p);
        accepted(p, "530100", "530102", 100);
        close(p);
        actAs(province());
        ForwardingPackage pkg = forwarding.packages(p).get(0);
        // the outbox holds a directory under the package's name: the gateway cannot deliver
        Path blocker = properties.getOutboxDir().resolve(pkg.fileName());
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep"), "x");

        SendOutcome failed = forwarding.send(p).get(0);
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.error()).contains("not a file");
        assertThat(failed.pkg().status()).isEqualTo(ForwardingStatus.FAILED);
        assertThat(failed.pkg().attempts()).isEqualTo(1);
        assertThat(failed.pkg().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(periods.require(p).state()).isEqualTo(PeriodState.CLOSED);
        assertThatThrownBy(() -> forwarding.build(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.sendPending");

        assertThat(forwarder.retryDue()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(forwarder.retryDue()).isZero();
        actAs(province());
        ForwardingPackage second = forwarding.packages(p).get(0);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        clock.advance(Duration.ofMinutes(1));
        assertThat(forwarder.retryDue()).as("back-off: 2 minutes after the second failure").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(forwarder.retryDue()).isEqualTo(1);
        actAs(province());
        assertThat(forwarding.status(p).status()).isEqualTo(ForwardingStatus.SENT);
        assertThat(periods.require(p).state()).isEqualTo(PeriodState.FORWARDED);
        assertThat(forwarding.transmissions(p)).extracting(Transmission::outcome).containsExactly("SENT", "FAILED", "FAILED");
        assertThat(forwarding.transmissions(p).get(0).attemptedBy()).isEqualTo("system:forwarding");
        assertThat(Files.readAllBytes(properties.getOutboxDir().resolve(pkg.fileName()))).isEqualTo(forwarding.download(p, 0).content());
    }

    @Test
    void aPeriodIsForwardedOnlyOnceClosedAndWithAcceptedReports() {
        String p = "2019-03";
        openPeriod(p);
        submitted(p, "530100", "530102", 100);
        actAs(province());
        assertThatThrownBy(() -> forwarding.build(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.periodNotClosed");
        assertThat(forwarding.overview()).extracting(PeriodForwarding::periodCode).doesNotContain(p);
        close(p);
        actAs(province());
        assertThat(forwarding.status(p).status()).as("nothing accepted: nothing built on close").isEqualTo(ForwardingStatus.NOT_BUILT);
        assertThat(forwarding.overview()).extracting(PeriodForwarding::periodCode).contains(p);
        assertThatThrownBy(() -> forwarding.build(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.nothingAccepted");
        assertThatThrownBy(() -> forwarding.send(p)).isInstanceOf(DomainException.class).hasMessage("forwarding.error.notBuilt");
        assertThatThrownBy(() -> forwarding.status("2019-13")).isInstanceOf(cn.yn.employment.common.NotFoundException.class);
    }

    @Test
    void aPackageNotYetSentIsRebuiltFromTheCurrentData() {
        String p = "2019-04";
        openPeriod(p);
        accepted(p, "530100", "530102", 100);
        ReportView pending = submitted(p, "530100", "530102", 103);
        close(p);
        actAs(province());
        ForwardingPackage first = forwarding.packages(p).get(0);
        assertThat(first.recordCount()).isEqualTo(1);
        approve(pending);
        actAs(province());
        clock.advance(Duration.ofMinutes(5));
        ForwardingPackage rebuilt = forwarding.build(p);
        assertThat(rebuilt.id()).isEqualTo(first.id());
        assertThat(rebuilt.sequenceNo()).isZero();
        assertThat(rebuilt.recordCount()).isEqualTo(2);
        assertThat(rebuilt.sha256()).isNotEqualTo(first.sha256());
        assertThat(forwarding.packages(p)).hasSize(1);
    }
}
