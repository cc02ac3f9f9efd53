package cn.yn.employment.notice;

import cn.yn.employment.codes.Email;
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
 * outcome, never thrown: a broken mail server must not stop a reminder run or a chase.
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
        if (to == null || to.isBlank() || !Email.isValid(to.trim())) {
            return ChannelOutcome.SKIPPED;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return ChannelOutcome.SKIPPED;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to.trim());
        m.setSubject(subject);
        m.setText(text);
        try {
            sender.send(m);
            return ChannelOutcome.OK;
        } catch (MailException e) {
            log.warn("e-mail to {} failed: {}", to, e.getMessage());
            return ChannelOutcome.FAILED;
        }
    }
}
