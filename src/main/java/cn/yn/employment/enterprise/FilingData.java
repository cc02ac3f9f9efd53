package cn.yn.employment.enterprise;

import cn.yn.employment.common.text.TextInput;

/**
 * The fields of a filing (docs/domain.md §3) as the enterprise enters them. Derived values (organisation code,
 * city, industry section) are computed from these. Field names match the keys of field errors.
 */
public record FilingData(String uscc, String name, String countyCode, String registrationType, String industryDivision,
                         String businessScope, String contactPerson, String address, String postcode, String phone,
                         String fax, String email, Integer baselineHeadcount) {

    /**
     * The fields through the edge's text gate ({@link TextInput}): NFC, full-width folded in codes, numbers, phone,
     * postcode and e-mail; a control or bidi character is refused with a field error.
     */
    public FilingData checkedText() {
        TextInput in = new TextInput();
        FilingData d = new FilingData(in.code("uscc", uscc), in.text("name", name), in.code("countyCode", countyCode),
                in.code("registrationType", registrationType), in.code("industryDivision", industryDivision),
                in.text("businessScope", businessScope), in.text("contactPerson", contactPerson), in.text("address", address),
                in.code("postcode", postcode), in.code("phone", phone), in.code("fax", fax), in.code("email", email),
                baselineHeadcount);
        in.throwIfInvalid();
        return d;
    }

    /** Trimmed, USCC upper-cased, blank strings as null. */
    public FilingData normalised() {
        return new FilingData(upper(uscc), clean(name), clean(countyCode), clean(registrationType), clean(industryDivision),
                clean(businessScope), clean(contactPerson), clean(address), clean(postcode), clean(phone), clean(fax),
                clean(email), baselineHeadcount);
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String upper(String s) {
        String c = clean(s);
        return c == null ? null : c.toUpperCase();
    }
}
