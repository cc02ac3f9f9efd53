package cn.yn.employment.migration.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding a CSV export uses. Chinese government exports come as UTF-8 (often with a BOM, as Excel writes it)
 * or GBK; a GBK file is almost never valid UTF-8, so: a BOM means UTF-8, else valid UTF-8 in the sample means UTF-8,
 * else GBK (GB18030, its superset, decodes both).
 */
final class TextDecoding {

    static final int SAMPLE = 1 << 20;
    static final Charset GBK = Charset.forName("GB18030");

    private TextDecoding() {
    }

    record Detected(Charset charset, boolean bom, boolean guessed) {
        String label() {
            return charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 (BOM)" : "UTF-8") : "GBK";
        }
    }

    static boolean hasBom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /** The encoding of a file from its first bytes, or the one the administrator chose ({@code chosen} not null). */
    static Detected detect(byte[] head, int length, String chosen) {
        boolean bom = hasBom(head);
        if (chosen != null) {
            Charset c = chosen.equalsIgnoreCase("GBK") || chosen.equalsIgnoreCase("GB18030") ? GBK : Charset.forName(chosen);
            return new Detected(c, bom && c.equals(StandardCharsets.UTF_8), false);
        }
        if (bom) {
            return new Detected(StandardCharsets.UTF_8, true, true);
        }
        return new Detected(validUtf8(head, length) ? StandardCharsets.UTF_8 : GBK, false, true);
    }

    private static boolean validUtf8(byte[] b, int length) {
        int end = length;
        // the sample may end inside a multi-byte character: drop an incomplete tail
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
