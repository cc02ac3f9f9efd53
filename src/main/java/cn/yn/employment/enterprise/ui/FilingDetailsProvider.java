package cn.yn.employment.enterprise.ui;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.security.CurrentUser;
import cn.yn.employment.enterprise.EnterpriseView;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.FilingRequestView;
import cn.yn.employment.enterprise.FilingReview;
import cn.yn.employment.enterprise.FilingService;
import cn.yn.employment.enterprise.RequestKind;
import cn.yn.employment.ui.SubjectDetailsProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review inbox's detail pane for a filing: the proposed values, and for a change request the current
 * values beside them with the changed rows marked.
 */
@org.springframework.stereotype.Component
class FilingDetailsProvider implements SubjectDetailsProvider {

    private final FilingService filings;
    private final CodeService codes;

    FilingDetailsProvider(FilingService filings, CodeService codes) {
        this.filings = filings;
        this.codes = codes;
    }

    @Override
    public String kind() {
        return FilingService.KIND;
    }

    @Override
    public Component details(long subjectId, CurrentUser user) {
        FilingReview review = filings.review(subjectId);
        FilingRequestView r = review.request();
        EnterpriseView current = review.current();
        boolean own = user.scope().enterpriseId() != null && user.scope().enterpriseId() == current.id();
        if (!own && !user.scope().coversCity(current.cityCode()) && (r.cityCode() == null || !user.scope().coversCity(r.cityCode()))) {
            throw new AccessDeniedException("outside your scope");
        }
        boolean change = r.kind() == RequestKind.CHANGE;
        Div box = new Div();
        box.setId("filing-details");
        box.addClassName("ems-filing-details");
        H3 title = new H3(box.getTranslation("enterprise.details.title." + r.kind().name(), r.data().name()));
        box.add(title);
        if (r.returnReason() != null) {
            Span last = new Span(box.getTranslation("enterprise.details.lastReturn." + r.returnedBy(), r.returnReason()));
            last.addClassName("ems-filing-last-return");
            box.add(new Div(last));
        }
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("width", "100%");
        Element head = new Element("tr");
        head.appendChild(cell("th", box.getTranslation("enterprise.details.field")));
        if (change) {
            head.appendChild(cell("th", box.getTranslation("enterprise.details.current")));
        }
        head.appendChild(cell("th", box.getTranslation(change ? "enterprise.details.proposed" : "enterprise.details.value")));
        table.appendChild(head);
        FilingData n = r.data();
        FilingData o = current.data();
        row(box, table, change, "uscc", o, n, FilingData::uscc);
        table.appendChild(plainRow(box.getTranslation("enterprise.label.orgCode"), change ? current.orgCode() : null, r.orgCode(), change));
        row(box, table, change, "name", o, n, FilingData::name);
        row(box, table, change, "county", o, n, d -> region(d.countyCode()));
        row(box, table, change, "registrationType", o, n, d -> label(CodeType.REGISTRATION_TYPE, d.registrationType()));
        row(box, table, change, "industry", o, n, d -> industry(d.industryDivision()));
        row(box, table, change, "businessScope", o, n, FilingData::businessScope);
        row(box, table, change, "contactPerson", o, n, FilingData::contactPerson);
        row(box, table, change, "address", o, n, FilingData::address);
        row(box, table, change, "postcode", o, n, FilingData::postcode);
        row(box, table, change, "phone", o, n, FilingData::phone);
        row(box, table, change, "fax", o, n, FilingData::fax);
        row(box, table, change, "email", o, n, FilingData::email);
        row(box, table, change, "baselineHeadcount", o, n, d -> d.baselineHeadcount() == null ? null : d.baselineHeadcount().toString());
        box.getElement().appendChild(table);
        return box;
    }

    private void row(Div ctx, Element table, boolean change, String key, FilingData old, FilingData proposed,
                     Function<FilingData, String> value) {
        String o = value.apply(old);
        String n = value.apply(proposed);
        Element tr = plainRow(ctx.getTranslation("enterprise.label." + key), change ? o : null, n, change);
        if (change && !Objects.equals(o, n)) {
            tr.getClassList().add("changed");
            tr.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4e0)").set("font-weight", "600");
        }
        tr.setAttribute("data-field", key);
        table.appendChild(tr);
    }

    private static Element plainRow(String label, String old, String proposed, boolean change) {
        Element tr = new Element("tr");
        tr.appendChild(cell("td", label));
        if (change) {
            tr.appendChild(cell("td", old));
        }
        tr.appendChild(cell("td", proposed));
        return tr;
    }

    private static Element cell(String tag, String text) {
        Element e = new Element(tag);
        e.setText(text == null ? "—" : text);
        e.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "4px 8px").set("text-align", "left");
        return e;
    }

    private String region(String county) {
        if (county == null) {
            return null;
        }
        String city = codes.cityOf(county).orElse(null);
        return (city == null ? "" : codes.nameOf(CodeType.REGION, city) + " ") + codes.nameOf(CodeType.REGION, county) + " (" + county + ")";
    }

    private String industry(String division) {
        if (division == null) {
            return null;
        }
        String section = codes.sectionOf(division).orElse("");
        return section + " " + codes.nameOf(CodeType.INDUSTRY, section) + " / " + division + " " + codes.nameOf(CodeType.INDUSTRY, division);
    }

    private String label(CodeType type, String code) {
        return code == null ? null : code + " " + codes.nameOf(type, code);
    }
}
