package org.peertel.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for registry ids, which become file and folder names ({@code reports/<customer_id>/}): a name that is
 * the same single path element on Linux, macOS and Windows and that no shell or spreadsheet reads as something
 * else. 1-64 characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit (so never {@code .},
 * {@code ..}, a hidden name or an option such as {@code -rf}, and never a cell a spreadsheet takes for a formula),
 * not ending with '.' (Windows drops a trailing dot, so {@code acme.} would be the folder {@code acme}), and not a
 * device name that Windows reserves in every folder ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 * {@code COM0}-{@code COM9}, {@code LPT0}-{@code LPT9}, in any case and also with an extension: {@code con.txt}).
 * The alphabet alone already excludes separators ({@code /}, {@code \}), drive letters ({@code C:}), spaces and
 * control characters.
 */
public final class FileNameRule {

    /** Ids are ASCII, so this is also their length in bytes of UTF-8. */
    public static final int MAX_LENGTH = 64;

    /** How the rule reads in a fix hint. */
    public static final String DESCRIPTION = "1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ -, starting with a "
            + "letter or digit, not ending with '.'";

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?", Pattern.CASE_INSENSITIVE);

    private FileNameRule() {}

    /**
     * What is wrong with {@code id} as a file name, phrased to follow the id ("is empty", "contains '/'"), or null
     * when it is fine.
     */
    public static String problem(String id) {
        if (id.isEmpty()) {
            return "is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "is " + id.length() + " characters long";
        }
        if (!ALPHABET.matcher(id).matches()) {
            return "contains " + describe(firstBadCodePoint(id));
        }
        if (!Character.isLetterOrDigit(id.charAt(0))) {
            return "starts with '" + id.charAt(0) + "'"
                    + (id.equals(".") || id.equals("..") ? " (it names a folder, not a file)" : "");
        }
        if (id.endsWith(".")) {
            return "ends with '.', which Windows drops from file names";
        }
        if (WINDOWS_DEVICE.matcher(id).matches()) {
            return "is a device name reserved on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without an "
                    + "extension)";
        }
        return null;
    }

    /**
     * {@code text} safe to print in a message: control, format (e.g. bidirectional overrides) and separator
     * characters other than the space are shown as {@code \}{@code uXXXX}, so that a hostile id cannot rewrite the
     * terminal line or reorder the message it appears in.
     */
    public static String printable(String text) {
        if (isPlainAscii(text)) {
            return text; // nothing to escape: the common case, and registry messages can be many
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isInvisible(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** True when every character is printable ASCII (space to '~'), none of which {@link #printable} escapes. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' ')
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static int firstBadCodePoint(String id) {
        return id.codePoints()
                .filter(c ->
                        c > 0x7f || !ALPHABET.matcher(Character.toString(c)).matches())
                .findFirst()
                .orElse('?');
    }

    private static String describe(int c) {
        return isInvisible(c)
                ? "the invisible character " + printable(Character.toString(c))
                : "'" + Character.toString(c) + "'";
    }
}
