package cn.yn.employment.forwarding;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which packages reach the ministry. The shipped adapter writes to an outbox directory and reads
 * acknowledgements from an inbox directory ({@code app.forwarding.*}); an SFTP or HTTP adapter implements the same
 * contract. Delivery must be idempotent: delivering the same package (same file name and SHA-256) again is
 * harmless and reports {@code alreadyPresent}; a different file under the same name is refused.
 */
public interface MinistryGateway {

    /** Short name recorded in the transmission log, e.g. {@code outbox}. */
    String name();

    /** Delivers the package; throws {@link GatewayException} when it could not. */
    Delivery deliver(OutgoingPackage pkg);

    /** The ministry's acknowledgement of a package, if one has arrived. */
    Optional<Acknowledgement> acknowledgement(String packageName);

    record OutgoingPackage(String fileName, byte[] content, String sha256) {
    }

    /** Where the package went; {@code alreadyPresent} when the identical package had been delivered before. */
    record Delivery(String location, boolean alreadyPresent) {
    }

    record Acknowledgement(Instant receivedAt, String text) {
    }

    /** The gateway could not deliver (the package stays unsent and is retried). */
    class GatewayException extends RuntimeException {
        public GatewayException(String message, Throwable cause) {
            super(message, cause);
        }

        public GatewayException(String message) {
            super(message);
        }
    }
}
