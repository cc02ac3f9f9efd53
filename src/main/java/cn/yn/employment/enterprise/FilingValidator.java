package cn.yn.employment.enterprise;

import cn.yn.employment.codes.CodeService;
import cn.yn.employment.codes.Email;
import cn.yn.employment.codes.PhoneNumber;
import cn.yn.employment.codes.Postcode;
import cn.yn.employment.codes.Uscc;
import cn.yn.employment.common.DomainException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules of docs/domain.md §3, returned as field errors. A draft may be incomplete (required fields are only
 * checked on submission), but whatever is filled in must already be well-formed.
 */
@Component
class FilingValidator {

    static final int NAME_MAX = 100;
    static final int SCOPE_MAX = 500;
    static final int CONTACT_MAX = 50;
    static final int ADDRESS_MAX = 200;
    static final int BASELINE_MAX = 10_000_000;

    private final CodeService codes;

    FilingValidator(CodeService codes) {
        this.codes = codes;
    }

    List<FieldError> validate(FilingData d, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        usccErrors(d.uscc(), errors);
        text("name", d.name(), NAME_MAX, true, errors);
        if (d.countyCode() == null) {
            required("countyCode", complete, errors);
        } else if (!codes.isCounty(d.countyCode())) {
            errors.add(new FieldError("countyCode", "enterprise.field.countyCode.invalid"));
        }
        if (d.registrationType() == null) {
            required("registrationType", complete, errors);
        } else if (!RegistrationTypes.isLeaf(codes, d.registrationType())) {
            errors.add(new FieldError("registrationType", "enterprise.field.registrationType.invalid"));
        }
        if (d.industryDivision() == null) {
            required("industryDivision", complete, errors);
        } else if (!codes.isIndustryDivision(d.industryDivision())) {
            errors.add(new FieldError("industryDivision", "enterprise.field.industryDivision.invalid"));
        }
        text("businessScope", d.businessScope(), SCOPE_MAX, complete, errors);
        text("contactPerson", d.contactPerson(), CONTACT_MAX, complete, errors);
        text("address", d.address(), ADDRESS_MAX, complete, errors);
        if (d.postcode() == null) {
            required("postcode", complete, errors);
        } else if (!Postcode.isValid(d.postcode())) {
            errors.add(new FieldError("postcode", "enterprise.field.postcode.invalid"));
        }
        if (d.phone() == null) {
            required("phone", complete, errors);
        } else if (!PhoneNumber.isValid(d.phone())) {
            errors.add(new FieldError("phone", "enterprise.field.phone.invalid"));
        }
        if (d.fax() != null && !PhoneNumber.isValidFixedLine(d.fax())) {
            errors.add(new FieldError("fax", "enterprise.field.fax.invalid"));
        }
        if (d.email() != null && !Email.isValid(d.email())) {
            errors.add(new FieldError("email", "enterprise.field.email.invalid"));
        }
        if (d.baselineHeadcount() == null) {
            required("baselineHeadcount", complete, errors);
        } else if (d.baselineHeadcount() < 0 || d.baselineHeadcount() > BASELINE_MAX) {
            errors.add(new FieldError("baselineHeadcount", "enterprise.field.baselineHeadcount.invalid", BASELINE_MAX));
        }
        return errors;
    }

    /** The registration fields the enterprise module owns (the account fields are checked by accounts). */
    List<FieldError> validateRegistration(RegistrationForm f) {
        List<FieldError> errors = new ArrayList<>();
        usccErrors(FilingData.upper(f.uscc()), errors);
        text("name", FilingData.clean(f.name()), NAME_MAX, true, errors);
        String county = FilingData.clean(f.countyCode());
        if (county == null) {
            required("countyCode", true, errors);
        } else if (!codes.isCounty(county)) {
            errors.add(new FieldError("countyCode", "enterprise.field.countyCode.invalid"));
        }
        text("contactPerson", FilingData.clean(f.contactPerson()), CONTACT_MAX, true, errors);
        String phone = FilingData.clean(f.phone());
        if (phone == null) {
            required("phone", true, errors);
        } else if (!PhoneNumber.isValid(phone)) {
            errors.add(new FieldError("phone", "enterprise.field.phone.invalid"));
        }
        String email = FilingData.clean(f.email());
        if (email != null && !Email.isValid(email)) {
            errors.add(new FieldError("email", "enterprise.field.email.invalid"));
        }
        return errors;
    }

    static void usccErrors(String uscc, List<FieldError> errors) {
        if (uscc == null) {
            errors.add(new FieldError("uscc", "enterprise.field.required"));
        } else if (uscc.length() != 18) {
            errors.add(new FieldError("uscc", "enterprise.field.uscc.length"));
        } else if (!Uscc.isValid(uscc)) {
            errors.add(new FieldError("uscc", "enterprise.field.uscc.checkDigit"));
        }
    }

    private static void text(String field, String value, int max, boolean isRequired, List<FieldError> errors) {
        if (value == null) {
            required(field, isRequired, errors);
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "enterprise.field.tooLong", max));
        }
    }

    private static void required(String field, boolean isRequired, List<FieldError> errors) {
        if (isRequired) {
            errors.add(new FieldError(field, "enterprise.field.required"));
        }
    }
}
