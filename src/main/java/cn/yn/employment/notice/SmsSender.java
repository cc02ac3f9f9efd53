package cn.yn.employment.notice;

/**
 * Port for text messages. The default adapter only logs; setting {@code app.sms.http.url} switches to the HTTP
 * adapter that posts {@code {"phone": ..., "text": ...}} as JSON to a gateway.
 */
public interface SmsSender {

    ChannelOutcome send(String phone, String text);

    /** Sends now; adapters that know why a message failed override this to say so. */
    default ChannelResult attempt(String phone, String text) {
        ChannelOutcome outcome = send(phone, text);
        return outcome == ChannelOutcome.FAILED ? ChannelResult.failed("SMS gateway failed") : new ChannelResult(outcome, null);
    }

    /** Chinese mobile numbers only (11 digits starting with 1); landlines cannot receive SMS. */
    static boolean isMobile(String phone) {
        return phone != null && phone.trim().matches("^1[3-9]\\d{9}$");
    }
}
