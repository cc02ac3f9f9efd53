package cn.yn.employment.notice;

import java.time.Instant;

/** A recipient of a notice, for the read-receipt list: who, of which enterprise or city, and whether read. */
public record NoticeReader(long userId, String displayName, String enterpriseName, String cityCode, String phone,
                           String email, Instant readAt) {
}
