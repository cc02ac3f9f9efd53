package cn.yn.employment.enterprise;

/**
 * The fields of a filing (docs/domain.md §3) as the enterprise enters them. Derived values (organisation code,
 * city, industry section) are computed from these. Field names match the keys of field errors.
 */
public record FilingData(String uscc, String name, String countyCode, String registrationType, String industryDivision,
                         String businessScope, String contactPerson, String address, String postcode, String phone,
                         String fax, String email, Integer baselineHeadcount) {

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
