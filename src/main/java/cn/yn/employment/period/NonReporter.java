package cn.yn.employment.period;

import java.time.Instant;

/** An enterprise that has not submitted the period's report, with its contacts; {@code reportState} null = not started. */
public record NonReporter(long enterpriseId, String name, String uscc, String cityCode, String countyCode,
                          String contactPerson, String phone, String email, String reportState, Instant lastChasedAt) {
}
