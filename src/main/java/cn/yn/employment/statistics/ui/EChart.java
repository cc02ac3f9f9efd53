package cn.yn.employment.statistics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * An ECharts chart: a plain div; the WebJar's echarts.min.js is loaded as a static script and the option
 * (JSON) is applied with {@code executeJs}. Resizes with its container.
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class EChart extends Component implements HasSize {

    private static final String RENDER = """
            const el = this; const opt = JSON.parse($0);
            const draw = (tries) => {
              if (!window.echarts) { if (tries < 100) setTimeout(() => draw(tries + 1), 50); return; }
              const chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el);
              chart.setOption(opt, true);
              if (!el.__emsResize) { el.__emsResize = new ResizeObserver(() => chart.resize()); el.__emsResize.observe(el); }
            };
            draw(0);
            """;

    private String option;

    public EChart() {
        addClassName("ems-chart");
        setWidthFull();
        setHeight("320px");
        addAttachListener(e -> render());
    }

    /** Sets the ECharts option (a JSON object) and draws it. */
    public void setOption(String json) {
        this.option = json;
        render();
    }

    public String getOption() {
        return option;
    }

    private void render() {
        if (option != null && getElement().getNode().isAttached()) {
            getElement().executeJs(RENDER, option);
        }
    }
}
