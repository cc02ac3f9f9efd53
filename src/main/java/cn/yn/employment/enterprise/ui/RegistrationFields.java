package cn.yn.employment.enterprise.ui;

import cn.yn.employment.codes.Code;
import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.CodeType;
import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import cn.yn.employment.enterprise.RegistrationForm;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of enterprise registration: the enterprise, its contact, and the account's user name and password. */
class RegistrationFields extends Composite<FormLayout> {

    final TextField uscc = new TextField();
    final TextField orgCode = new TextField();
    final TextField name = new TextField();
    final TwoLevelPicker county;
    final TextField contactPerson = new TextField();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();

    /** @param cities the cities offered (a city reviewer gets only its own) */
    RegistrationFields(CodeService codes, List<Code> cities) {
        uscc.setId("reg-uscc");
        uscc.setMaxLength(18);
        uscc.setValueChangeMode(ValueChangeMode.LAZY);
        uscc.addValueChangeListener(e -> FilingForm.showOrgCode(orgCode, e.getValue()));
        orgCode.setId("reg-org-code");
        orgCode.setReadOnly(true);
        name.setId("reg-name");
        name.setMaxLength(100);
        county = new TwoLevelPicker("reg-county", getTranslation("enterprise.label.county"), cities, codes::counties,
                c -> codes.find(CodeType.REGION, c), getTranslation("enterprise.label.city"),
                getTranslation("enterprise.label.countyPlaceholder"));
        contactPerson.setId("reg-contact-person");
        contactPerson.setMaxLength(50);
        phone.setId("reg-phone");
        email.setId("reg-email");
        username.setId("reg-username");
        password.setId("reg-password");
        repeat.setId("reg-repeat");
        uscc.setLabel(getTranslation("enterprise.label.uscc"));
        orgCode.setLabel(getTranslation("enterprise.label.orgCode"));
        name.setLabel(getTranslation("enterprise.label.name"));
        contactPerson.setLabel(getTranslation("enterprise.label.contactPerson"));
        phone.setLabel(getTranslation("enterprise.label.phone"));
        phone.setHelperText(getTranslation("enterprise.help.phone"));
        email.setLabel(getTranslation("enterprise.label.email"));
        username.setLabel(getTranslation("enterprise.label.username"));
        username.setHelperText(getTranslation("enterprise.help.username"));
        password.setLabel(getTranslation("enterprise.label.password"));
        password.setHelperText(getTranslation("enterprise.help.password"));
        repeat.setLabel(getTranslation("enterprise.label.repeatPassword"));
        for (var f : List.of(uscc, name, contactPerson, phone, username)) {
            f.setRequiredIndicatorVisible(true);
        }
        password.setRequiredIndicatorVisible(true);
        county.setRequiredIndicatorVisible(true);
        FormLayout form = getContent();
        form.add(uscc, orgCode, name, county, contactPerson, phone, email, username, password, repeat);
        form.setColspan(name, 2);
        form.setColspan(county, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
    }

    RegistrationForm value() {
        if (!password.getValue().equals(repeat.getValue())) {
            throw new DomainException("enterprise.form.invalid", List.of(new FieldError("repeat", "enterprise.field.passwordMismatch")));
        }
        return new RegistrationForm(uscc.getValue(), name.getValue(), county.getValue(), contactPerson.getValue(),
                phone.getValue(), email.getValue(), username.getValue(), password.getValue());
    }

    Map<String, HasValidation> fields() {
        Map<String, HasValidation> m = new LinkedHashMap<>();
        m.put("uscc", uscc);
        m.put("name", name);
        m.put("countyCode", county);
        m.put("contactPerson", contactPerson);
        m.put("phone", phone);
        m.put("email", email);
        m.put("username", username);
        m.put("password", password);
        m.put("initialPassword", password);
        m.put("repeat", repeat);
        return m;
    }
}
