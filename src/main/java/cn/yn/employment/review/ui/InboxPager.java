package cn.yn.employment.review.ui;

import cn.yn.employment.review.Cursor;
import cn.yn.employment.review.InboxPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Numbered pages with a page size under the inbox grid: ‹ 1 … 4 5 [6] 7 8 … 20 ›. A page whose start is known (the
 * next or previous of a shown page, or one visited before) is read by keyset from the cursor that ends the page before
 * it, as fast as the first page at any depth; only a jump to a page never reached goes by offset.
 */
class InboxPager extends HorizontalLayout {

    /** Reads one page: by keyset after {@code after} when it is known (or {@code index} is 0), else by page number. */
    interface Source {
        InboxPage fetch(Cursor after, boolean known, int index, int size);
    }

    static final List<Integer> SIZES = List.of(20, 50, 100);
    static final int NEIGHBOURS = 2;

    private final Source source;
    private final Consumer<InboxPage> shown;
    final Select<Integer> size = new Select<>();
    final Span label = new Span();
    final HorizontalLayout numbers = new HorizontalLayout();
    /** The cursor each page starts after (page 0: null); filled as pages are read. */
    private final Map<Integer, Cursor> starts = new HashMap<>();
    int index;
    long total;

    InboxPager(Source source, Consumer<InboxPage> shown) {
        this.source = source;
        this.shown = shown;
        setId("review-pager");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        label.setId("review-loaded");
        label.addClassName("ems-muted");
        numbers.setSpacing(false);
        numbers.setId("review-pages");
        size.setItems(SIZES);
        size.setValue(50);
        size.setItemLabelGenerator(n -> getTranslation("review.page.size", n));
        size.setWidth("9em");
        size.setId("review-page-size");
        size.setAriaLabel(getTranslation("review.page.sizeLabel"));
        size.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                restart(total);
            }
        });
        add(label, numbers, size);
    }

    int pageSize() {
        return size.getValue() == null ? 50 : size.getValue();
    }

    int pageCount() {
        return (int) Math.max(1, (total + pageSize() - 1) / pageSize());
    }

    /** Forgets the known page starts (filter, tab or size changed) and shows page 1 of {@code total} rows. */
    void restart(long newTotal) {
        total = newTotal;
        starts.clear();
        starts.put(0, null);
        go(0);
    }

    /** Shows the same page again with a new total (after an action): the known starts are stale, so it goes by number. */
    void refresh(long newTotal) {
        total = newTotal;
        starts.clear();
        starts.put(0, null);
        go(index);
    }

    /** Shows page {@code i} (0-based), clamped to the pages there are. */
    void go(int i) {
        int target = Math.max(0, Math.min(i, pageCount() - 1));
        boolean known = starts.containsKey(target);
        InboxPage page = source.fetch(starts.get(target), known, target, pageSize());
        index = target;
        if (page.next() != null) {
            starts.put(target + 1, page.next());
        }
        long from = total == 0 ? 0 : (long) target * pageSize() + 1;
        label.setText(getTranslation("review.page.range", from, (long) target * pageSize() + page.items().size(), total));
        drawNumbers();
        shown.accept(page);
    }

    private void drawNumbers() {
        numbers.removeAll();
        int count = pageCount();
        numbers.add(button("‹", index - 1, index > 0, "review-page-prev", getTranslation("review.page.previous")));
        int last = -1;
        for (int p = 0; p < count; p++) {
            boolean edge = p == 0 || p == count - 1;
            if (!edge && Math.abs(p - index) > NEIGHBOURS) {
                continue;
            }
            if (last >= 0 && p > last + 1) {
                numbers.add(new Span("…"));
            }
            Button b = button(String.valueOf(p + 1), p, true, "review-page-" + (p + 1), getTranslation("review.page.number", p + 1));
            if (p == index) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                b.getElement().setAttribute("aria-current", "page");
            }
            numbers.add(b);
            last = p;
        }
        numbers.add(button("›", index + 1, index < count - 1, "review-page-next", getTranslation("review.page.next")));
    }

    private Button button(String text, int target, boolean enabled, String id, String aria) {
        Button b = new Button(text, e -> go(target));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setEnabled(enabled);
        b.setId(id);
        b.setAriaLabel(aria);
        return b;
    }
}
