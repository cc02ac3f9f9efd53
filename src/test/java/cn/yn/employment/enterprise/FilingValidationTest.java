package cn.yn.employment.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of docs/domain.md §3, at the field they concern. */
class FilingValidationTest extends EnterpriseTestSupport {

    @Autowired FilingValidator validator;
    @Autowired cn.yn.employment.codes.CodeService codes;

    private static final FilingData VALID = new FilingData("91110000600037341L", "云南测试有限公司", WUHUA, "110", "13",
            "食品加工", "张三", "昆明市五华区人民中路 1 号", "650031", "0871-63123456", "0871-63123457", "hr@example.cn", 0);

    private Map<String, String> errors(FilingData d, boolean complete) {
        return validator.validate(d.normalised(), complete).stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::messageKey, (a, b) -> a + "," + b));
    }

    private static FilingData with(String field, Object value) {
        FilingData v = VALID;
        return new FilingData(
                field.equals("uscc") ? (String) value : v.uscc(),
                field.equals("name") ? (String) value : v.name(),
                field.equals("countyCode") ? (String) value : v.countyCode(),
                field.equals("registrationType") ? (String) value : v.registrationType(),
                field.equals("industryDivision") ? (String) value : v.industryDivision(),
                field.equals("businessScope") ? (String) value : v.businessScope(),
                field.equals("contactPerson") ? (String) value : v.contactPerson(),
                field.equals("address") ? (String) value : v.address(),
                field.equals("postcode") ? (String) value : v.postcode(),
                field.equals("phone") ? (String) value : v.phone(),
                field.equals("fax") ? (String) value : v.fax(),
                field.equals("email") ? (String) value : v.email(),
                field.equals("baselineHeadcount") ? (Integer) value : v.baselineHeadcount());
    }

    @Test
    void aCompleteValidFilingHasNoErrors() {
        assertThat(errors(VALID, true)).isEmpty();
        assertThat(errors(with("uscc", "91350100M000100Y43"), true)).isEmpty();
        assertThat(errors(with("uscc", " 91350100m000100y43 "), true)).isEmpty();
    }

    @Test
    void usccCheckDigitAndLength() {
        // docs/domain.md §3 test vectors: changing any character invalidates
        String valid = "91110000600037341L";
        for (int i = 0; i < valid.length(); i++) {
            char replacement = valid.charAt(i) == '0' ? '1' : '0';
            String broken = valid.substring(0, i) + replacement + valid.substring(i + 1);
            assertThat(errors(with("uscc", broken), true)).as(broken).containsEntry("uscc", "enterprise.field.uscc.checkDigit");
        }
        assertThat(errors(with("uscc", "91110000600037341"), true)).containsEntry("uscc", "enterprise.field.uscc.length");
        assertThat(errors(with("uscc", "91110000600037341I"), true)).containsEntry("uscc", "enterprise.field.uscc.checkDigit");
        assertThat(errors(with("uscc", ""), false)).containsEntry("uscc", "enterprise.field.required");
    }

    @Test
    void phonePostcodeFaxAndEmailFormats() {
        assertThat(errors(with("phone", "13812345678"), true)).isEmpty();
        assertThat(errors(with("phone", "087163123456"), true)).isEmpty();
        assertThat(errors(with("phone", "12812345678"), true)).containsEntry("phone", "enterprise.field.phone.invalid");
        assertThat(errors(with("phone", "871-6312345"), true)).containsEntry("phone", "enterprise.field.phone.invalid");
        assertThat(errors(with("postcode", "65003"), true)).containsEntry("postcode", "enterprise.field.postcode.invalid");
        assertThat(errors(with("postcode", "65003a"), true)).containsEntry("postcode", "enterprise.field.postcode.invalid");
        assertThat(errors(with("fax", "13812345678"), true)).containsEntry("fax", "enterprise.field.fax.invalid");
        assertThat(errors(with("fax", null), true)).isEmpty();
        assertThat(errors(with("email", "hr@@example"), true)).containsEntry("email", "enterprise.field.email.invalid");
        assertThat(errors(with("email", ""), true)).isEmpty();
    }

    @Test
    void lengthsAndBaseline() {
        assertThat(errors(with("name", "企".repeat(100)), true)).isEmpty();
        assertThat(errors(with("name", "企".repeat(101)), true)).containsEntry("name", "enterprise.field.tooLong");
        assertThat(errors(with("businessScope", "业".repeat(501)), true)).containsEntry("businessScope", "enterprise.field.tooLong");
        assertThat(errors(with("contactPerson", "张".repeat(51)), true)).containsEntry("contactPerson", "enterprise.field.tooLong");
        assertThat(errors(with("address", "路".repeat(201)), true)).containsEntry("address", "enterprise.field.tooLong");
        assertThat(errors(with("baselineHeadcount", -1), true)).containsEntry("baselineHeadcount", "enterprise.field.baselineHeadcount.invalid");
    }

    @Test
    void requiredFieldsOnlyOnSubmission() {
        FilingData sparse = new FilingData("91110000600037341L", "云南测试有限公司", null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(errors(sparse, false)).isEmpty();
        assertThat(errors(sparse, true)).containsOnlyKeys("countyCode", "registrationType", "industryDivision", "businessScope",
                "contactPerson", "address", "postcode", "phone", "baselineHeadcount");
        assertThat(errors(with("name", "  "), false)).containsEntry("name", "enterprise.field.required");
    }

    @Test
    void codesMustBeAYunnanCountyADivisionAndALeafType() {
        assertThat(errors(with("countyCode", KUNMING), true)).containsEntry("countyCode", "enterprise.field.countyCode.invalid");
        assertThat(errors(with("countyCode", "110101"), true)).containsEntry("countyCode", "enterprise.field.countyCode.invalid");
        assertThat(errors(with("industryDivision", "C"), true)).containsEntry("industryDivision", "enterprise.field.industryDivision.invalid");
        assertThat(errors(with("industryDivision", "99"), true)).containsEntry("industryDivision", "enterprise.field.industryDivision.invalid");
        assertThat(errors(with("registrationType", "100"), true)).containsEntry("registrationType", "enterprise.field.registrationType.invalid");
        // 联营企业 and 有限责任公司 have sub-types: only the leaves (e.g. 141, 159) are valid
        assertThat(errors(with("registrationType", "140"), true)).containsEntry("registrationType", "enterprise.field.registrationType.invalid");
        assertThat(errors(with("registrationType", "150"), true)).containsEntry("registrationType", "enterprise.field.registrationType.invalid");
        assertThat(errors(with("registrationType", "141"), true)).isEmpty();
        assertThat(errors(with("registrationType", "159"), true)).isEmpty();
        assertThat(RegistrationTypes.leavesUnder(codes, "100")).extracting(cn.yn.employment.codes.Code::code)
                .contains("110", "141", "149", "151", "159", "160", "171", "174", "190").doesNotContain("140", "150", "170");
        long leaves = codes.roots(cn.yn.employment.codes.CodeType.REGISTRATION_TYPE).stream()
                .mapToLong(r -> RegistrationTypes.leavesUnder(codes, r.code()).size()).sum();
        assertThat(leaves).isEqualTo(25);
    }

    @Test
    void theServiceReportsEveryErrorAtItsField() {
        EnterpriseView e = registerAndSignIn(WUHUA);
        FilingData bad = new FilingData(e.uscc(), e.name(), KUNMING, "100", "C", "", "", "", "1", "2", null, "x", -5);
        assertThatThrownBy(() -> filings.submit(e.id(), bad, null))
                .isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors().stream().map(FieldError::field))
                        .containsExactlyInAnyOrder("countyCode", "registrationType", "industryDivision", "businessScope",
                                "contactPerson", "address", "postcode", "phone", "email", "baselineHeadcount"));
        assertThat(filings.openRequest(e.id())).isEmpty();
    }

    @Test
    void registrationRefusesDuplicateAndBadUsccAtTheField() {
        EnterpriseView first = registerAndSignIn(WUHUA);
        RegistrationForm dup = new RegistrationForm(first.uscc().toLowerCase(), "另一家", GUANDU, "李四", "13812345678", null,
                freshUsername(), "secret123");
        assertThatThrownBy(() -> enterprises.register(dup)).isInstanceOfSatisfying(DomainException.class,
                ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("uscc", "enterprise.field.uscc.taken")));
        RegistrationForm weak = new RegistrationForm("91110000600037341X", "", "530000", "", "1", "bad", "", "short");
        assertThatThrownBy(() -> enterprises.register(weak)).isInstanceOfSatisfying(DomainException.class,
                ex -> assertThat(ex.fieldErrors().stream().map(FieldError::field).distinct().toList())
                        .containsExactlyInAnyOrder("uscc", "name", "countyCode", "contactPerson", "phone", "email", "username", "password"));
        List<String> none = jdbc.queryForList("select uscc from enterprise where name = '另一家'", String.class);
        assertThat(none).isEmpty();
    }

    @Test
    void aTakenUsernameRollsBackTheEnterprise() {
        EnterpriseView first = registerAndSignIn(WUHUA);
        String takenName = jdbc.queryForObject("select username from app_user where scope_code = ?", String.class,
                Long.toString(first.id()));
        String uscc = freshUscc();
        assertThatThrownBy(() -> enterprises.register(new RegistrationForm(uscc, "重名企业", GUANDU, "李四", "13812345678", null,
                takenName, "secret123"))).isInstanceOfSatisfying(DomainException.class,
                ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("username"));
        assertThat(jdbc.queryForObject("select count(*) from enterprise where uscc = ?", Integer.class, uscc)).isZero();
    }
}
