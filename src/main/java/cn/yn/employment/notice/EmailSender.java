package cn.yn.employment.notice;

import cn.yn.employment.codes.Email;
import cn.yn.employment.common.text.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Plain-text e-mail through Spring Mail (SMTP configured by {@code spring.mail.*}). Failures are reported as an
 * outcome, never thrown. Business code does not call this directly: it queues mail with {@link MessageOutbox} in its
 * own transaction, and the outbox worker calls {@link #attempt} (so a broken mail server never stops a reminder run).
 */
@Service
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, @Value("${app.mail.from:noreply@ems.yn.gov.cn}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public ChannelOutcome send(String to, String subject, String text) {
        return attempt(to, subject, text).outcome();
    }

    /** True when this address can be mailed at all: a valid address and a configured mail server. */
    public boolean accepts(String to) {
        return to != null && !to.isBlank() && Email.isValid(to.trim()) && mail.getIfAvailable() != null;
    }

    /** Sends now; a failure carries the mail server's message. */
    public ChannelResult attempt(String to, String subject, String text) {
        if (!accepts(to)) {
            return ChannelResult.SKIPPED;
        }
        JavaMailSender sender = mail.getObject();
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.trim());
        m.setSubject(subject);
        m.setText(text);
        try {
            sender.send(m);
            return ChannelResult.OK;
        } catch (MailException e) {
            log.warn("e-mail to {} failed: {}", Masked.email(to), Masked.text(e.getMessage()));
            return ChannelResult.failed(e.getMessage());
        }
    }
}
