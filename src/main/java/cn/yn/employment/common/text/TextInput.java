package cn.yn.employment.common.text;

import cn.yn.employment.common.DomainException;
import cn.yn.employment.common.DomainException.FieldError;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one gate for text a user or an API client sends in (report notes and explanations, filings, notices, users,
 * review comments and reasons, saved filters...). Services pass every text field through it before validating or
 * storing, so the UI and the API get the same treatment:
 * <ul>
 *   <li>Unicode NFC, so that one text has one encoding (a composed and a decomposed 'é' compare equal);</li>
 *   <li>C0 and C1 control characters are refused (NUL, BEL, ESC sequences, backspace, DEL, U+0080–U+009F), except
 *       tab, line feed and carriage return;</li>
 *   <li>bidirectional formatting characters are refused: the embeddings and overrides U+202A–U+202E, the isolates
 *       U+2066–U+2069, and also the marks U+200E, U+200F and U+061C. The marks cannot reorder text on their own, but
 *       they are invisible, have no use in this system's Chinese and ASCII data, and make two equal-looking names
 *       differ (docs/adr/0014-text-input-at-the-edge.md);</li>
 *   <li>{@link #code} additionally folds full-width ASCII (Ａ-Ｚ, ０-９, ＠, －, the ideographic space...) to ASCII,
 *       for fields where a number or code is expected (USCC, region and reason codes, phone, postcode, e-mail,
 *       user name).</li>
 * </ul>
 * A refused field becomes a field error ({@code common.text.control} or {@code common.text.bidi}) on that field.
 * Usage: {@code TextInput in = new TextInput(); String n = in.text("name", form.name()); ... in.throwIfInvalid();}
 */
public final class TextInput {

    public static final String INVALID = "common.text.invalid";
    public static final String CONTROL = "common.text.control";
    public static final String BIDI = "common.text.bidi";

    private final List<FieldError> errors = new ArrayList<>();

    /** Free text: NFC; refused characters add a field error. Returns the normalised text (null stays null). */
    public String text(String field, String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        String problem = problem(nfc);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
        return nfc;
    }

    /** A number or code: full-width ASCII folded to ASCII, then as {@link #text}. */
    public String code(String field, String value) {
        return value == null ? null : text(field, foldFullWidth(value));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a {@link DomainException} carrying every field error found so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new DomainException(INVALID, errors);
        }
    }

    /** Checks one value: throws with a field error on {@code field} if it holds a refused character; returns it normalised. */
    public static String checked(String field, String value) {
        TextInput in = new TextInput();
        String out = in.text(field, value);
        in.throwIfInvalid();
        return out;
    }

    /** The message key of the first refused character in the text, or null when it is acceptable. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isRefusedControl(c)) {
                return CONTROL;
            }
            if (isBidiControl(c)) {
                return BIDI;
            }
        }
        return null;
    }

    static boolean isRefusedControl(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /** Full-width forms of ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space U+3000 to a space. */
    public static String foldFullWidth(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char folded = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (folded != c && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(folded);
            }
        }
        return b == null ? s : b.toString();
    }
}
