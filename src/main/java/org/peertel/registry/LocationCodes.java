package org.peertel.registry;

import java.util.Locale;
import java.util.Set;

/** The code lists behind {@link Location}: ISO 3166-1 alpha-2 countries and USPS state codes. */
public final class LocationCodes {

    /** The country whose connections and clients also carry a state. */
    public static final String UNITED_STATES = "US";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    // The 50 states, DC and the inhabited territories; not the military codes (AA, AE, AP) nor the freely
    // associated states (FM, MH, PW), which have their own ISO country codes.
    private static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC",
            "AS", "GU", "MP", "PR", "VI");

    private LocationCodes() {
    }

    /** True for an upper-case ISO 3166-1 alpha-2 code known to {@link Locale#getISOCountries()}. */
    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** True for an upper-case two-letter USPS code of a US state, DC or territory. */
    public static boolean isUsState(String code) {
        return US_STATES.contains(code);
    }
}
