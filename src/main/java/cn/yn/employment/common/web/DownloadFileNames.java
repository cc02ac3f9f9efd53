package cn.yn.employment.common.web;

/**
 * File names for {@code Content-Disposition} built from request data: only letters (any script), digits,
 * {@code . _ -} survive, everything else becomes {@code _}, and the name is cut to {@link #MAX_LENGTH} characters
 * keeping its extension. A header can then neither be split nor grow past the server's header limit.
 */
public final class DownloadFileNames {

    public static final int MAX_LENGTH = 120;

    private DownloadFileNames() {
    }

    public static String safe(String name) {
        String n = name == null || name.isBlank() ? "download" : name.strip();
        StringBuilder sb = new StringBuilder(Math.min(n.length(), MAX_LENGTH * 2));
        n.codePoints().forEach(c -> sb.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_'));
        String cleaned = sb.toString().replaceAll("^\\.+", "_");
        if (cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        int dot = cleaned.lastIndexOf('.');
        String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
        return cleaned.substring(0, MAX_LENGTH - ext.length()) + ext;
    }
}
