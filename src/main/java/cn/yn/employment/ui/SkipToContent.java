package cn.yn.employment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;

/**
 * The "skip to content" link (跳到主要内容) and the main landmark it leads to. The link is the first focusable
 * element of every page in the shell, hidden until it has the keyboard focus; activating it moves the focus to the
 * view, which carries {@code role="main"} and the attribute {@link #MAIN_ATTRIBUTE} (not an id: views keep their
 * own ids). The router must not treat the link's
 * fragment as a navigation, so it is {@code router-ignore} and its click only moves the focus.
 */
public final class SkipToContent {

    public static final String MAIN_ID = "main-content";
    public static final String MAIN_ATTRIBUTE = "data-ems-main";

    private SkipToContent() {
    }

    static Anchor link() {
        Anchor skip = new Anchor("#" + MAIN_ID);
        skip.setText(skip.getTranslation("ui.skipToContent"));
        skip.setId("skip-to-content");
        skip.addClassName("ems-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const main = document.querySelector('[' + $0 + ']');
                  if (main) { main.focus(); main.scrollIntoView({block: 'start'}); }
                });""", MAIN_ATTRIBUTE);
        return skip;
    }

    /** Makes the view the page's main landmark and the skip link's target. */
    static void markMain(Element view) {
        view.setAttribute(MAIN_ATTRIBUTE, true);
        view.setAttribute("role", "main");
        view.setAttribute("tabindex", "-1");
    }
}
