package cn.yn.employment.forwarding;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.forwarding.*}: the outbox the local gateway writes packages to, the inbox it reads {@code <package>.ack}
 * files from, how often a failed delivery is retried, and whether a package is built when a period closes.
 */
@ConfigurationProperties("app.forwarding")
public class ForwardingProperties {

    private Path outboxDir = Path.of("data", "forwarding", "outbox");
    private Path inboxDir = Path.of("data", "forwarding", "inbox");
    /** Deliveries tried before a package waits for someone to send it again by hand. */
    private int maxAttempts = 8;
    /** Build the main package as soon as a period closes (it stays unsent until the province sends it). */
    private boolean buildOnClose = true;

    public Path getOutboxDir() {
        return outboxDir;
    }

    public void setOutboxDir(Path outboxDir) {
        this.outboxDir = outboxDir;
    }

    public Path getInboxDir() {
        return inboxDir;
    }

    public void setInboxDir(Path inboxDir) {
        this.inboxDir = inboxDir;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public boolean isBuildOnClose() {
        return buildOnClose;
    }

    public void setBuildOnClose(boolean buildOnClose) {
        this.buildOnClose = buildOnClose;
    }
}
