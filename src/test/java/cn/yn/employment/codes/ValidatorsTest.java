package cn.yn.employment.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The reusable validators of the code module, with the vectors of docs/domain.md §3. */
class ValidatorsTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91350100M000100Y43"})
    void usccVectorsAreValidAndEverySingleCharacterChangeIsInvalid(String valid) {
        assertThat(Uscc.isValid(valid)).isTrue();
        assertThat(new Uscc(valid).value()).isEqualTo(valid);
        int changes = 0;
        for (int i = 0; i < valid.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(Uscc.isValid(changed)).as(changed).isFalse();
                changes++;
            }
        }
        assertThat(changes).isEqualTo(18 * 35);
    }

    @Test
    void usccRejectsWrongLengthNullAndLowerCaseAndComputesTheCheckCharacter() {
        assertThat(Uscc.isValid(null)).isFalse();
        assertThat(Uscc.isValid("91110000600037341")).isFalse();
        assertThat(Uscc.isValid("91110000600037341LX")).isFalse();
        assertThat(Uscc.isValid("91350100m000100y43")).isFalse();
        assertThat(Uscc.isValid(Uscc.normalise(" 91350100m000100y43 "))).isTrue();
        assertThat(Uscc.checkCharFor("91110000600037341")).isEqualTo('L');
        assertThat(Uscc.checkCharFor("91350100M000100Y4")).isEqualTo('3');
        assertThatThrownBy(() -> new Uscc("91110000600037341A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void organisationCodeIsPositionsNineToSeventeenWithAGbT11714CheckDigit() {
        assertThat(new Uscc("91110000600037341L").organisationCode().value()).isEqualTo("600037341");
        assertThat(new Uscc("91350100M000100Y43").organisationCode().value()).isEqualTo("M000100Y4");
        assertThat(OrganisationCode.isValid("600037341")).isTrue();
        assertThat(OrganisationCode.isValid("M000100Y4")).isTrue();
        assertThat(OrganisationCode.isValid("D2143569X")).isTrue();
        assertThat(OrganisationCode.checkCharFor("D2143569")).isEqualTo('X');
        assertThat(OrganisationCode.checkCharFor("12345678")).isEqualTo('8');
        assertThat(OrganisationCode.isValid("D21435690")).isFalse();
        assertThat(OrganisationCode.isValid("600037342")).isFalse();
        assertThat(OrganisationCode.isValid("60003734")).isFalse();
        assertThat(OrganisationCode.isValid("d2143569X")).isFalse();
        assertThat(new OrganisationCode("D2143569X").formatted()).isEqualTo("D2143569-X");
        // a check of 11 maps to 0: find one and verify
        assertThat(OrganisationCode.isValid("00000001" + OrganisationCode.checkCharFor("00000001"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0871-12345678", "087112345678", "010-1234567", "13812345678", "19912345678", "0691-2123456"})
    void validPhones(String phone) {
        assertThat(PhoneNumber.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678", "0871-123456", "871-12345678", "12812345678", "1381234567", "138123456789",
            "0871 12345678", "+8613812345678"})
    void invalidPhones(String phone) {
        assertThat(PhoneNumber.isValid(phone)).isFalse();
    }

    @Test
    void fixedLineAndMobile() {
        assertThat(PhoneNumber.isValidFixedLine("0871-12345678")).isTrue();
        assertThat(PhoneNumber.isValidFixedLine("13812345678")).isFalse();
        assertThat(new PhoneNumber("13812345678").isMobile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"650000", "674100"})
    void validPostcodes(String code) {
        assertThat(Postcode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "65000", "6500000", "65000A", " 650000"})
    void invalidPostcodes(String code) {
        assertThat(Postcode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hr@example.cn", "zhang.li+report@demo-enterprise.com.cn", "a_b%c@x.io"})
    void validEmails(String email) {
        assertThat(Email.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@.cn", "a b@example.cn", "@example.cn", "a@example.c", "张@example.cn"})
    void invalidEmails(String email) {
        assertThat(Email.isValid(email)).isFalse();
    }
}
