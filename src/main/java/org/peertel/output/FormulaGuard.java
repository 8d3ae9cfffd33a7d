package org.peertel.output;

/**
 * CSV injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets run a cell that starts with
 * {@code =}, {@code +}, {@code -} or {@code @} as a formula (a tab, CR or NUL in front does not stop them), so a
 * connection name such as {@code =HYPERLINK("http://x","y")} would become a live link in a customer's
 * spreadsheet. Every text cell of the files that people open (reports and alerts) goes through {@link #text}: a
 * value starting with one of those characters gets a leading {@code '}, which the spreadsheet reads as "this is
 * text" and does not show. Numeric cells are written from numbers and never go through it, so a negative number
 * would stay a number.
 */
public final class FormulaGuard {

    private FormulaGuard() {}

    /** {@code value} as a text cell that no spreadsheet evaluates; null stays null (an empty cell). */
    public static String text(String value) {
        return value != null && startsLikeAFormula(value) ? "'" + value : value;
    }

    /** True when a spreadsheet could take a cell holding {@code value} for a formula. */
    public static boolean startsLikeAFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r'
                || first == '\0';
    }
}
