package org.peertel.report;

/** Text made safe for an HTML page: in an element and in a quoted attribute alike. */
final class Html {

    private Html() {}

    /** {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as character references; nothing else changes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
