package cn.yn.employment.notice;

import cn.yn.employment.common.text.TextInput;
import java.util.List;

/** What the author edits. {@code cities} applies to {@link NoticeTarget#CITIES}, {@code industrySection} to INDUSTRY. */
public record NoticeForm(String title, String markdown, NoticeTarget target, List<String> cities, String industrySection) {

    public NoticeForm {
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    /** Title and body through the edge's text gate ({@link TextInput}): NFC; control and bidi characters refused. */
    public NoticeForm checkedText() {
        TextInput in = new TextInput();
        NoticeForm f = new NoticeForm(in.text("title", title), in.text("markdown", markdown), target,
                cities.stream().map(c -> in.code("cities", c)).toList(), in.code("industrySection", industrySection));
        in.throwIfInvalid();
        return f;
    }
}
