package cn.yn.employment.enterprise.ui;

import static cn.yn.employment.common.Texts.nz;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.enterprise.FilingData;
import cn.yn.employment.enterprise.RegistrationTypes;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every field of the filing (docs/domain.md §3), with two-level pickers and the organisation code derived from the USCC. */
class FilingForm extends Composite<FormLayout> {

    final TextField uscc = new TextField();
    final TextField orgCode = new TextField();
    final TextField name = new TextField();
    final TwoLevelPicker county;
    final TwoLevelPicker registrationType;
    final TwoLevelPicker industry;
    final TextArea businessScope = new TextArea();
    final TextField contactPerson = new TextField();
    final TextField address = new TextField();
    final TextField postcode = new TextField();
    final TextField phone = new TextField();
    final TextField fax = new TextField();
    final TextField email = new TextField();
    final IntegerField baselineHeadcount = new IntegerField();
    private boolean usccEditable = true;

    FilingForm(CodeService codes) {
        uscc.setId("uscc");
        uscc.setMaxLength(18);
        uscc.setRequiredIndicatorVisible(true);
        uscc.setValueChangeMode(ValueChangeMode.LAZY);
        uscc.addValueChangeListener(e -> showOrgCode(orgCode, e.getValue()));
        orgCode.setId("org-code");
        orgCode.setReadOnly(true);
        name.setId("name");
        name.setMaxLength(100);
        county = new TwoLevelPicker("county", getTranslation("enterprise.label.county"), codes.cities(), codes::counties,
                c -> codes.find(CodeType.REGION, c), getTranslation("enterprise.label.city"),
                getTranslation("enterprise.label.countyPlaceholder"));
        registrationType = new TwoLevelPicker("registration-type", getTranslation("enterprise.label.registrationType"),
                codes.roots(CodeType.REGISTRATION_TYPE), p -> RegistrationTypes.leavesUnder(codes, p),
                c -> codes.find(CodeType.REGISTRATION_TYPE, c), c -> RegistrationTypes.rootOf(codes, c), getTranslation("enterprise.label.registrationCategory"),
                getTranslation("enterprise.label.registrationLeaf"));
        industry = new TwoLevelPicker("industry", getTranslation("enterprise.label.industry"), codes.roots(CodeType.INDUSTRY),
                p -> codes.children(CodeType.INDUSTRY, p), c -> codes.find(CodeType.INDUSTRY, c),
                getTranslation("enterprise.label.industrySection"), getTranslation("enterprise.label.industryDivision"));
        businessScope.setId("business-scope");
        businessScope.setMaxLength(500);
        contactPerson.setId("contact-person");
        contactPerson.setMaxLength(50);
        address.setId("address");
        address.setMaxLength(200);
        postcode.setId("postcode");
        postcode.setMaxLength(6);
        phone.setId("phone");
        phone.setMaxLength(20);
        fax.setId("fax");
        fax.setMaxLength(20);
        email.setId("email");
        email.setMaxLength(100);
        baselineHeadcount.setId("baseline-headcount");
        baselineHeadcount.setMin(0);
        label(uscc, "uscc", true);
        label(orgCode, "orgCode", false);
        label(name, "name", true);
        label(businessScope, "businessScope", true);
        label(contactPerson, "contactPerson", true);
        label(address, "address", true);
        label(postcode, "postcode", true);
        label(phone, "phone", true);
        label(fax, "fax", false);
        label(email, "email", false);
        baselineHeadcount.setLabel(getTranslation("enterprise.label.baselineHeadcount"));
        baselineHeadcount.setRequiredIndicatorVisible(true);
        baselineHeadcount.setHelperText(getTranslation("enterprise.help.baselineHeadcount"));
        phone.setHelperText(getTranslation("enterprise.help.phone"));
        county.setRequiredIndicatorVisible(true);
        registrationType.setRequiredIndicatorVisible(true);
        industry.setRequiredIndicatorVisible(true);

        FormLayout form = getContent();
        form.add(uscc, orgCode, name, county, registrationType, industry, businessScope, contactPerson, address, postcode,
                phone, fax, email, baselineHeadcount);
        form.setColspan(name, 2);
        form.setColspan(county, 2);
        form.setColspan(registrationType, 2);
        form.setColspan(industry, 2);
        form.setColspan(businessScope, 2);
        form.setColspan(address, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.setMaxWidth("960px");
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key, boolean required) {
        field.setLabel(getTranslation("enterprise.label." + key));
        if (required && field instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
            hv.setRequiredIndicatorVisible(true);
        }
    }

    static void showOrgCode(TextField target, String rawUscc) {
        String u = Uscc.normalise(rawUscc);
        target.setValue(u != null && Uscc.isValid(u) ? new Uscc(u).organisationCode().formatted() : "");
    }

    void setData(FilingData d) {
        uscc.setValue(nz(d.uscc()));
        showOrgCode(orgCode, d.uscc());
        name.setValue(nz(d.name()));
        county.setValue(d.countyCode());
        registrationType.setValue(d.registrationType());
        industry.setValue(d.industryDivision());
        businessScope.setValue(nz(d.businessScope()));
        contactPerson.setValue(nz(d.contactPerson()));
        address.setValue(nz(d.address()));
        postcode.setValue(nz(d.postcode()));
        phone.setValue(nz(d.phone()));
        fax.setValue(nz(d.fax()));
        email.setValue(nz(d.email()));
        baselineHeadcount.setValue(d.baselineHeadcount());
    }

    FilingData getData() {
        return new FilingData(uscc.getValue(), name.getValue(), county.getValue(), registrationType.getValue(),
                industry.getValue(), businessScope.getValue(), contactPerson.getValue(), address.getValue(),
                postcode.getValue(), phone.getValue(), fax.getValue(), email.getValue(), baselineHeadcount.getValue());
    }

    /** Field name (as in field errors) → component. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        m.put("name", name);
        m.put("countyCode", county);
        m.put("registrationType", registrationType);
        m.put("industryDivision", industry);
        m.put("businessScope", businessScope);
        m.put("contactPerson", contactPerson);
        m.put("address", address);
        m.put("postcode", postcode);
        m.put("phone", phone);
        m.put("fax", fax);
        m.put("email", email);
        m.put("baselineHeadcount", baselineHeadcount);
        return m;
    }

    /** The USCC is fixed once the enterprise is filed. */
    void setUsccEditable(boolean editable) {
        usccEditable = editable;
        uscc.setReadOnly(!editable);
    }

    void setEditable(boolean editable) {
        uscc.setReadOnly(!editable || !usccEditable);
        name.setReadOnly(!editable);
        county.setReadOnly(!editable);
        registrationType.setReadOnly(!editable);
        industry.setReadOnly(!editable);
        businessScope.setReadOnly(!editable);
        contactPerson.setReadOnly(!editable);
        address.setReadOnly(!editable);
        postcode.setReadOnly(!editable);
        phone.setReadOnly(!editable);
        fax.setReadOnly(!editable);
        email.setReadOnly(!editable);
        baselineHeadcount.setReadOnly(!editable);
    }

}
