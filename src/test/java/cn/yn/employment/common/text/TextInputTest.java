package cn.yn.employment.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yn.employment.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18 item 7: the shared gate for text at the edge. */
class TextInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[31m", "\b", "\u000b", "\u000c", "\u007f", "\u0085", "\u009b"})
    void controlCharactersAreRefusedWithAFieldError(String bad) {
        assertThatThrownBy(() -> TextInput.checked("otherNote", "备注" + bad + "结束"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(TextInput.INVALID);
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("otherNote");
                        assertThat(f.messageKey()).isEqualTo(TextInput.CONTROL);
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200e", "\u200f", "\u061c"})
    void bidiControlsAreRefused(String bad) {
        TextInput in = new TextInput();
        in.text("name", "ACME" + bad + "exe.txt");
        assertThat(in.errors()).singleElement().satisfies(f -> assertThat(f.messageKey()).isEqualTo(TextInput.BIDI));
    }

    @Test
    void tabsAndLineBreaksAndOrdinaryTextPass() {
        String text = "第一行\r\n第二行\t制表，全角标点：（）";
        assertThat(TextInput.checked("note", text)).isEqualTo(text);
        assertThat(TextInput.checked("note", null)).isNull();
    }

    @Test
    void textIsNormalisedToNfc() {
        String decomposed = "Cafe\u0301";
        assertThat(TextInput.checked("name", decomposed)).isEqualTo("Caf\u00e9");
    }

    @Test
    void codesFoldFullWidthAsciiButFreeTextKeepsIt() {
        TextInput in = new TextInput();
        assertThat(in.code("uscc", "９１５３０１００ＭＡ６ＣＫＱＸＸ１Ｘ")).isEqualTo("91530100MA6CKQXX1X");
        assertThat(in.code("phone", "０８７１－６５１２３４５６")).isEqualTo("0871-65123456");
        assertThat(in.code("email", "ｈｒ＠ｅｘａｍｐｌｅ．ｃｎ")).isEqualTo("hr@example.cn");
        assertThat(in.code("postcode", "\u3000６５００００")).isEqualTo(" 650000");
        assertThat(in.text("note", "全角，标点！")).isEqualTo("全角，标点！");
        assertThat(in.hasErrors()).isFalse();
    }

    @Test
    void everyRefusedFieldIsReportedAtOnce() {
        TextInput in = new TextInput();
        in.text("a", "x\u0000");
        in.text("b", "fine");
        in.code("c", "\u202e1");
        assertThatThrownBy(in::throwIfInvalid).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly("a", "c"));
    }
}
