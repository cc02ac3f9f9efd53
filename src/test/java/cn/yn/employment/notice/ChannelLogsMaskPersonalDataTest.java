package cn.yn.employment.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yn.employment.common.text.Masked;
import cn.yn.employment.notice.internal.HttpSmsSender;
import cn.yn.employment.notice.internal.LoggingSmsSender;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * S5 (issue 14), regression: the channels wrote recipients' mobile numbers and e-mail addresses into the log in
 * full ("SMS to 13812345678: …", "e-mail to zhang.san@… failed"). Now each is masked, also inside the SMS text and
 * the mail server's or gateway's error message; what a log line still needs (which message, which outcome) stays.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelLogsMaskPersonalDataTest {

    static final String MOBILE = "13812345678";
    static final String ADDRESS = "zhang.san@example.com";
    static final String ID_CARD = "53010219900307123X";

    @Test
    void theMaskingRules() {
        assertThat(Masked.phone(MOBILE)).isEqualTo("138****5678");
        assertThat(Masked.email(ADDRESS)).isEqualTo("z***@example.com");
        assertThat(Masked.text("联系 " + MOBILE + " 或 " + ADDRESS + "，身份证 " + ID_CARD + "，统一代码 91530102MA6K7Q1019"))
                .isEqualTo("联系 138****5678 或 z***@example.com，身份证 530102********123X，统一代码 91530102MA6K7Q1019");
        assertThat(Masked.text("period 2026-11, report 12345678901234")).isEqualTo("period 2026-11, report 12345678901234");
    }

    @Test
    void theLoggingSmsAdapterMasksTheNumberAndTheText(CapturedOutput out) {
        LoggingSmsSender sms = new LoggingSmsSender();
        assertThat(sms.send(MOBILE, "请回电 13987654321 或发邮件至 " + ADDRESS)).isEqualTo(ChannelOutcome.OK);
        assertThat(out.getAll()).contains("SMS to 138****5678").contains("139****4321").doesNotContain(MOBILE)
                .doesNotContain("13987654321").doesNotContain(ADDRESS);
        assertThat(sms.sent().get(0)[0]).as("the adapter still keeps what it sent for tests").isEqualTo(MOBILE);
    }

    @Test
    void anUnreachableGatewayAndAFailingMailServerLogNoRecipient(CapturedOutput out) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        new HttpSmsSender("http://127.0.0.1:" + closed + "/sms", "gateway-secret-token", "【就业】").attempt(MOBILE, "提醒");

        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(closed);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
        EmailSender sender = new EmailSender(beans.getBeanProvider(JavaMailSender.class), "noreply@ems.yn.gov.cn");
        assertThat(sender.attempt(ADDRESS, "提醒", "请按时报送").outcome()).isEqualTo(ChannelOutcome.FAILED);

        assertThat(out.getAll()).contains("138****5678").contains("z***@example.com")
                .doesNotContain(MOBILE).doesNotContain(ADDRESS).doesNotContain("gateway-secret-token");
    }
}
