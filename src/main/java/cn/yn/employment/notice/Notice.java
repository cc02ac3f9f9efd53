package cn.yn.employment.notice;

import java.time.Instant;
import java.util.List;

/** A notice as lists and the reader show it; {@code html} is the sanitised rendering of the Markdown. */
public record Notice(long id, String title, String markdown, String html, NoticeTarget target, List<String> cities,
                     String industrySection, State state, String author, Instant createdAt, Instant publishedAt,
                     Instant withdrawnAt, int recipients, int read, Instant readAt, int version) {

    public enum State { DRAFT, PUBLISHED, WITHDRAWN }
}
