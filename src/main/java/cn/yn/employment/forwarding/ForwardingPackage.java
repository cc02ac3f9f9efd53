package cn.yn.employment.forwarding;

import java.time.Instant;

/**
 * One package built for the ministry (without its bytes): sequence 0 is the period's main package, 1, 2, ... its
 * supplements (补充包) with the records corrected or accepted after the previous package was sent.
 */
public record ForwardingPackage(long id, String periodCode, int sequenceNo, String fileName, String sha256, int sizeBytes,
                                int recordCount, ForwardingStatus status, Instant generatedAt, String builtBy, Instant sentAt,
                                Instant acknowledgedAt, String acknowledgedBy, String ackNote, int attempts,
                                Instant nextAttemptAt, String lastError) {

    public boolean supplement() {
        return sequenceNo > 0;
    }

    /** The package name without extension, e.g. {@code YN530000_202602_00}; its ack file is this plus {@code .ack}. */
    public String packageName() {
        return fileName.endsWith(".zip") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
}
