package cn.yn.employment.enterprise;

import java.time.Instant;

/**
 * An enterprise with its current approved filing. Until the first approval only the registration values
 * (USCC, name, county, contact, phone, e-mail) are set and the other filing fields are null.
 */
public record EnterpriseView(long id, String uscc, String orgCode, String name, String countyCode, String cityCode,
                             String registrationType, String industrySection, String industryDivision,
                             String businessScope, String contactPerson, String address, String postcode, String phone,
                             String fax, String email, Integer baselineHeadcount, FilingState filingState,
                             Instant filedAt, Instant updatedAt) {

    public boolean filed() {
        return filingState == FilingState.FILED;
    }

    /** The values as a filing form starts from them. */
    public FilingData data() {
        return new FilingData(uscc, name, countyCode, registrationType, industryDivision, businessScope, contactPerson,
                address, postcode, phone, fax, email, baselineHeadcount);
    }
}
