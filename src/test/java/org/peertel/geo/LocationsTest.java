package org.peertel.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Country and USPS code tables. */
class LocationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"US", "DE", "GB", "JP", "BR", "ZA", "AQ", "PR"})
    void knowsIsoCountries(String code) {
        assertThat(Locations.isCountry(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U", "USA", "us", "Us", "XX", "UK", "EU", "ZZ", "1A", "ÜS"})
    void rejectsOtherCountryText(String code) {
        assertThat(Locations.isCountry(code)).isFalse();
    }

    @Test
    void rejectsNullCodes() {
        assertThat(Locations.isCountry(null)).isFalse();
        assertThat(Locations.isUsState(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AL", "CA", "NY", "WY", "DC", "AS", "GU", "MP", "PR", "VI"})
    void knowsUsStatesDcAndTerritories(String code) {
        assertThat(Locations.isUsState(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C", "CAL", "ca", "ZZ", "AA", "AE", "AP", "FM", "MH", "PW", "US"})
    void rejectsOtherStateText(String code) {
        assertThat(Locations.isUsState(code)).isFalse();
    }

    @Test
    void hasFiftyStatesPlusDcAndSixTerritories() {
        int count = 0;
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                count += Locations.isUsState("" + first + second) ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(56);
    }

    @Test
    void lookupsForLatencyRowsIgnoreCaseAndGiveUpperCase() {
        assertThat(Locations.countryCode(" de ", 1, 3)).isEqualTo("DE");
        assertThat(Locations.usStateCode("Va", 0, 2)).isEqualTo("VA");
        assertThat(Locations.usStateCode("Virginia", 0, 8)).isNull();
    }
}
