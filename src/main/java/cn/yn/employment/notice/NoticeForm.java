package cn.yn.employment.notice;

import java.util.List;

/** What the author edits. {@code cities} applies to {@link NoticeTarget#CITIES}, {@code industrySection} to INDUSTRY. */
public record NoticeForm(String title, String markdown, NoticeTarget target, List<String> cities, String industrySection) {

    public NoticeForm {
        cities = cities == null ? List.of() : List.copyOf(cities);
    }
}
