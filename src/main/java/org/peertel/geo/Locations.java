package org.peertel.geo;

import java.util.Locale;

/**
 * Country and US state code validation shared by the latency input and the connections registry.
 * Countries are ISO 3166-1 alpha-2 codes as known to {@link Locale#getISOCountries()}; US states are the USPS
 * codes of the 50 states, DC and the inhabited territories AS, GU, MP, PR, VI (not the military codes AA, AE, AP
 * nor FM, MH, PW, which have ISO country codes of their own).
 */
public final class Locations {

    private static final String US_STATES = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO"
            + " MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI";

    /** Canonical upper-case codes indexed by {@link #slot(char, char)}; null where no code exists. */
    private static final String[] COUNTRIES = new String[26 * 26];

    private static final String[] STATES = new String[26 * 26];

    static {
        for (String code : Locale.getISOCountries()) {
            COUNTRIES[slot(code.charAt(0), code.charAt(1))] = code;
        }
        for (String code : US_STATES.split(" ")) {
            STATES[slot(code.charAt(0), code.charAt(1))] = code;
        }
    }

    /** The country whose connections and clients also carry a state. */
    public static final String UNITED_STATES = "US";

    private Locations() {}

    /** The codes of two upper-case ASCII letters, as numbered by {@link #letterCode}: 26 * 26. */
    public static final int LETTER_CODES = 26 * 26;

    /**
     * {@code (first - 'A') * 26 + (second - 'A')} for two upper-case ASCII letters (every country and US state
     * code), -1 for anything else. Measurements are stored with their locations as these numbers.
     */
    public static int letterCode(String text) {
        if (text.length() != 2) {
            return -1;
        }
        int first = text.charAt(0) - 'A';
        int second = text.charAt(1) - 'A';
        return first < 0 || first >= 26 || second < 0 || second >= 26 ? -1 : first * 26 + second;
    }

    /** True when {@code code} is an ISO 3166-1 alpha-2 country code written in upper case. */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && code.equals(lookup(COUNTRIES, code, 0, 2));
    }

    /** True when {@code code} is a USPS state, DC or territory code written in upper case. */
    public static boolean isUsState(String code) {
        return code != null && code.length() == 2 && code.equals(lookup(STATES, code, 0, 2));
    }

    /** The upper-case country code for text[from, to) in any case, or null when it is not a country. */
    public static String countryCode(CharSequence text, int from, int to) {
        return to - from == 2 ? lookup(COUNTRIES, text, from, to) : null;
    }

    /** The upper-case USPS code for text[from, to) in any case, or null when it is not a state code. */
    public static String usStateCode(CharSequence text, int from, int to) {
        return to - from == 2 ? lookup(STATES, text, from, to) : null;
    }

    private static String lookup(String[] table, CharSequence text, int from, int to) {
        int first = letterIndex(text.charAt(from));
        int second = letterIndex(text.charAt(from + 1));
        return first < 0 || second < 0 ? null : table[first * 26 + second];
    }

    private static int slot(char first, char second) {
        return letterIndex(first) * 26 + letterIndex(second);
    }

    /** 0..25 for an ASCII letter of either case, -1 otherwise. */
    private static int letterIndex(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return -1;
    }
}
