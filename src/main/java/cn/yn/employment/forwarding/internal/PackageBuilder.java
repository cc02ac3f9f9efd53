package cn.yn.employment.forwarding.internal;

import cn.yn.employment.forwarding.internal.ExchangeLayout.Column;
import cn.yn.employment.forwarding.internal.ExchangeLayout.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a package: {@code records.csv}, {@code records.xml}, {@code summary.csv} and {@code manifest.json} (period,
 * record counts per city, SHA-256 and size of each file, generated-at, issuing unit), zipped. The output depends only
 * on its input: entries in a fixed order stamped with the generation time, so the same package always has the same
 * bytes and checksum.
 */
public final class PackageBuilder {

    public static final String RECORDS_CSV = "records.csv";
    public static final String RECORDS_XML = "records.xml";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String MANIFEST = "manifest.json";

    /** What to write. {@code rows} are the package's records; {@code summary} covers every accepted report of the period. */
    record Input(String periodCode, int sequenceNo, String packageName, Instant generatedAt, String issuingUnit,
                 String issuingUnitCode, List<Row> rows, PeriodSummary summary) {
    }

    /** The zip and its checksum. */
    record Output(byte[] zip, String sha256) {
    }

    private PackageBuilder() {
    }

    static Output build(Input in) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RECORDS_CSV, recordsCsv(in.rows()));
        files.put(RECORDS_XML, recordsXml(in));
        files.put(SUMMARY_CSV, summaryCsv(in));
        files.put(MANIFEST, manifest(in, files));
        byte[] zip = zip(files, LocalDateTime.ofInstant(in.generatedAt(), cn.yn.employment.common.time.TimeConfig.ZONE));
        return new Output(zip, sha256(zip));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- files ---------------------------------------------------------------------------------------------------

    static byte[] recordsCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, ExchangeLayout.RECORD_COLUMNS.stream().map(Column::name).toList());
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (Column c : ExchangeLayout.RECORD_COLUMNS) {
                values.add(c.value().apply(r));
            }
            line(sb, values);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] summaryCsv(Input in) {
        StringBuilder sb = new StringBuilder();
        line(sb, ExchangeLayout.SUMMARY_COLUMNS);
        for (PeriodSummary.Totals t : in.summary().rows()) {
            line(sb, List.of(in.periodCode(), t.cityCode(), t.records(), t.baseline(), t.previous(), t.headcount(), t.change(),
                    t.hired(), t.separated(), t.dispatched()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: CRLF line ends; a value with a comma, quote or line break is quoted, quotes doubled; null is empty. */
    private static void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        sb.append("\r\n");
    }

    static byte[] recordsXml(Input in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("dataset");
            w.writeDefaultNamespace(ExchangeLayout.XML_NAMESPACE);
            w.writeAttribute("format", ExchangeLayout.FORMAT);
            w.writeAttribute("package", in.packageName());
            w.writeAttribute("period", in.periodCode());
            w.writeAttribute("sequence", Integer.toString(in.sequenceNo()));
            w.writeAttribute("issuingUnitCode", in.issuingUnitCode());
            w.writeAttribute("records", Integer.toString(in.rows().size()));
            w.writeCharacters("\n");
            for (Row r : in.rows()) {
                w.writeCharacters("  ");
                w.writeStartElement("record");
                for (Column c : ExchangeLayout.RECORD_COLUMNS) {
                    Object v = c.value().apply(r);
                    if (v != null) {
                        w.writeStartElement(c.name());
                        w.writeCharacters(xmlSafe(v.toString()));
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** XML 1.0 cannot carry most control characters even escaped; they are dropped from the XML copy only. */
    static String xmlSafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static byte[] manifest(Input in, Map<String, byte[]> files) {
        Map<String, Integer> perCity = new TreeMap<>();
        for (Row r : in.rows()) {
            perCity.merge(r.report().cityCode(), 1, Integer::sum);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", ExchangeLayout.FORMAT);
        m.put("package", in.packageName());
        m.put("kind", in.sequenceNo() == 0 ? "MAIN" : "SUPPLEMENT");
        m.put("sequence", in.sequenceNo());
        m.put("period", in.periodCode());
        m.put("issuingUnit", in.issuingUnit());
        m.put("issuingUnitCode", in.issuingUnitCode());
        m.put("generatedAt", ExchangeLayout.timestamp(in.generatedAt()));
        m.put("recordCount", in.rows().size());
        List<Map<String, Object>> cities = new ArrayList<>();
        perCity.forEach((city, n) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cityCode", city);
            c.put("records", n);
            cities.add(c);
        });
        m.put("recordsPerCity", cities);
        List<Map<String, Object>> list = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("sha256", sha256(bytes));
            f.put("bytes", bytes.length);
            list.add(f);
        });
        m.put("files", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files, LocalDateTime stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTimeLocal(stamp);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
