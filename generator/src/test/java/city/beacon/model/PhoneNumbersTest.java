package city.beacon.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNumbersTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "112, true", "101, true", "104, true", "1550, true",
            // other countries' three-digit emergency numbers: a city outside Ukraine writes them in emergency.yaml
            "911, true", "091, true", "061, true", "999, true", "997, true",
            "+380 44 123 45 67, true", "+34 915 88 10 00, true",
            // a number cut short is still refused
            "044 12, false", "12, false", "+380 44, false", "044 123 45 67, false"})
    void shortCodesOfAnyCountryAndFullInternationalNumbersAreDialable(String number, boolean dialable) {
        assertEquals(dialable, PhoneNumbers.isDialable(number));
    }
}
