package org.peertel.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON an attempt log line needs: one object whose values are strings, whole numbers or arrays of
 * strings. Written and read strictly: anything else, including a line cut short, is refused with where it went
 * wrong, so that a reader can skip the line and say so.
 */
final class JsonLine {

    private final String text;
    private int at;

    private JsonLine(String text) {
        this.text = text;
    }

    /** {@code "text"} with JSON's escapes; control characters as {@code \\u00XX}. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * The members of the object on {@code line}, in order: String, Long or List of String values.
     *
     * @throws IllegalArgumentException saying what is wrong and at which character
     */
    static Map<String, Object> parse(String line) {
        JsonLine parser = new JsonLine(line);
        Map<String, Object> members = new LinkedHashMap<>();
        parser.expect('{');
        parser.spaces();
        if (!parser.take('}')) {
            do {
                parser.spaces();
                String name = parser.string();
                parser.spaces();
                parser.expect(':');
                parser.spaces();
                if (members.put(name, parser.value()) != null) {
                    throw parser.error("member '" + name + "' given twice");
                }
                parser.spaces();
            } while (parser.take(','));
            parser.expect('}');
        }
        parser.spaces();
        if (parser.at != line.length()) {
            throw parser.error("text after the object");
        }
        return members;
    }

    private Object value() {
        if (peek() == '"') {
            return string();
        }
        if (take('[')) {
            List<String> items = new ArrayList<>();
            spaces();
            if (!take(']')) {
                do {
                    spaces();
                    items.add(string());
                    spaces();
                } while (take(','));
                expect(']');
            }
            return items;
        }
        int begin = at;
        take('-');
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == begin || text.charAt(at - 1) == '-' || at - begin > 19) {
            throw error("expected a string, a whole number or an array of strings");
        }
        return Long.parseLong(text.substring(begin, at));
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("unterminated escape");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("unterminated \\u escape");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private void spaces() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private boolean take(char c) {
        if (peek() == c && at < text.length()) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!take(c)) {
            throw error(at >= text.length() ? "the line ends where '" + c + "' was expected" : "expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + (at + 1));
    }
}
