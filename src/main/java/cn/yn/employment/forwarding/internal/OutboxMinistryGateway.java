package cn.yn.employment.forwarding.internal;

import cn.yn.employment.forwarding.ForwardingProperties;
import cn.yn.employment.forwarding.MinistryGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The shipped {@link MinistryGateway}: writes each package to {@code app.forwarding.outbox-dir} (a temporary file
 * renamed into place, so a reader never sees half a package) with a {@code .sha256} file beside it in
 * {@code sha256sum} format, and reads the ministry's {@code <package>.ack} files from {@code app.forwarding.inbox-dir}.
 * Delivering the same package again finds the identical file and writes nothing.
 */
@Component
class OutboxMinistryGateway implements MinistryGateway {

    private static final int ACK_TEXT_LIMIT = 500;

    private final ForwardingProperties properties;

    OutboxMinistryGateway(ForwardingProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Delivery deliver(OutgoingPackage pkg) {
        Path dir = properties.getOutboxDir().toAbsolutePath().normalize();
        Path target = dir.resolve(pkg.fileName());
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                if (!Files.isRegularFile(target)) {
                    throw new GatewayException("outbox entry " + target + " is not a file");
                }
                if (PackageBuilder.sha256(Files.readAllBytes(target)).equals(pkg.sha256())) {
                    writeChecksum(dir, pkg);
                    return new Delivery(target.toString(), true);
                }
                throw new GatewayException("a different file named " + pkg.fileName() + " is already in the outbox");
            }
            Path part = dir.resolve("." + pkg.fileName() + "." + UUID.randomUUID() + ".part");
            try {
                Files.write(part, pkg.content());
                move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
            writeChecksum(dir, pkg);
            return new Delivery(target.toString(), false);
        } catch (IOException e) {
            throw new GatewayException("outbox " + dir + ": " + e, e);
        }
    }

    @Override
    public Optional<Acknowledgement> acknowledgement(String packageName) {
        Path ack = properties.getInboxDir().toAbsolutePath().normalize().resolve(packageName + ".ack");
        if (!Files.isRegularFile(ack)) {
            return Optional.empty();
        }
        try {
            String text = new String(Files.readAllBytes(ack), StandardCharsets.UTF_8).strip();
            if (text.length() > ACK_TEXT_LIMIT) {
                text = text.substring(0, ACK_TEXT_LIMIT);
            }
            return Optional.of(new Acknowledgement(Files.getLastModifiedTime(ack).toInstant(), text));
        } catch (IOException e) {
            throw new GatewayException("inbox " + ack + ": " + e, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void writeChecksum(Path dir, OutgoingPackage pkg) throws IOException {
        Path sum = dir.resolve(pkg.fileName() + ".sha256");
        byte[] line = (pkg.sha256() + "  " + pkg.fileName() + "\n").getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(sum) || !java.util.Arrays.equals(Files.readAllBytes(sum), line)) {
            Path part = dir.resolve("." + sum.getFileName() + "." + UUID.randomUUID() + ".part");
            Files.write(part, line);
            move(part, sum);
        }
    }
}
