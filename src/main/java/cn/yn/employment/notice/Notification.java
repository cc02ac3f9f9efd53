package cn.yn.employment.notice;

import java.time.Instant;

/** One in-app notification of the signed-in user. */
public record Notification(long id, String kind, String title, String body, String link, Instant createdAt,
                           Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
