package org.peertel.ingest;

import java.time.Instant;

/**
 * Exception-free parser for the accepted timestamp shape:
 * {@code YYYY-MM-DD(T|t| )HH:MM[:SS[.f{1,9}]][Z|z|±HH|±HHMM|±HH:MM]}; no offset means UTC.
 * Offsets are limited to ±18:00 like {@link java.time.ZoneOffset}.
 *
 * <p>The static {@link #parse} gives an {@link Instant}; an instance ({@link #read}) gives the same instant as two
 * numbers without allocating, for the byte-level fast lane, which must accept exactly what {@link #parse} accepts
 * and therefore runs this very code.
 */
final class TimestampParser {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private long epochSecond;
    private int nanos;

    /** The instant written in text[from, to), or null when the text is not an accepted timestamp. */
    static Instant parse(CharSequence text, int from, int to) {
        TimestampParser parser = new TimestampParser();
        return parser.read(text, from, to) ? Instant.ofEpochSecond(parser.epochSecond, parser.nanos) : null;
    }

    /** Seconds since the epoch of the timestamp last {@link #read} (meaningful after it returned true). */
    long epochSecond() {
        return epochSecond;
    }

    /** The nanosecond of the second of the timestamp last {@link #read}. */
    int nanos() {
        return nanos;
    }

    /**
     * Parses text[from, to) like {@link #parse}; when it is an accepted timestamp, returns true and holds its
     * instant in {@link #epochSecond()} and {@link #nanos()}.
     */
    boolean read(CharSequence text, int from, int to) {
        if (to - from < 16) {
            return false;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        char separator = text.charAt(from + 10);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > lengthOfMonth(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || text.charAt(from + 4) != '-'
                || text.charAt(from + 7) != '-'
                || text.charAt(from + 13) != ':'
                || (separator != 'T' && separator != 't' && separator != ' ')) {
            return false;
        }
        int position = from + 16;
        int second = 0;
        int nanos = 0;
        if (position < to && text.charAt(position) == ':') {
            second = position + 3 <= to ? digits(text, position + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return false;
            }
            position += 3;
            if (position < to && text.charAt(position) == '.') {
                int fractionStart = ++position;
                while (position < to && isDigit(text.charAt(position))) {
                    nanos = nanos * 10 + (text.charAt(position) - '0');
                    position++;
                }
                int fractionDigits = position - fractionStart;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return false;
                }
                for (int i = fractionDigits; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = offsetSeconds(text, position, to);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return false;
        }
        epochSecond =
                epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        this.nanos = nanos;
        return true;
    }

    /** The offset in text[from, to) in seconds east of UTC; 0 for none or Z; Integer.MIN_VALUE when malformed. */
    private static int offsetSeconds(CharSequence text, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return 0;
        }
        char sign = text.charAt(from);
        if (length == 1 && (sign == 'Z' || sign == 'z')) {
            return 0;
        }
        if (sign != '+' && sign != '-' || (length != 3 && length != 5 && length != 6)) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, from + 1, 2);
        int minutes = 0;
        if (length == 5) {
            minutes = digits(text, from + 3, 2);
        } else if (length == 6) {
            minutes = text.charAt(from + 3) == ':' ? digits(text, from + 4, 2) : -1;
        }
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} ASCII digits at text[from], or -1 when one of them is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
