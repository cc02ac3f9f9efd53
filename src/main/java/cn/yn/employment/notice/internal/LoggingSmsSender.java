package cn.yn.employment.notice.internal;

import cn.yn.employment.common.text.Masked;
import cn.yn.employment.notice.ChannelOutcome;
import cn.yn.employment.notice.SmsSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS adapter: writes the message to the log (and keeps the last messages for tests and diagnostics). */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int KEEP = 500;

    private final List<String[]> sent = new CopyOnWriteArrayList<>();

    @Override
    public ChannelOutcome send(String phone, String text) {
        if (!SmsSender.isMobile(phone)) {
            return ChannelOutcome.SKIPPED;
        }
        // personal data stays out of the log (S5): the number and any number or address in the text are masked
        log.info("SMS to {}: {}", Masked.phone(phone), Masked.text(text));
        sent.add(new String[] {phone.trim(), text});
        while (sent.size() > KEEP) {
            sent.remove(0);
        }
        return ChannelOutcome.OK;
    }

    /** Messages logged so far: {phone, text}. */
    public List<String[]> sent() {
        return List.copyOf(sent);
    }

    public void clear() {
        sent.clear();
    }
}
