package city.beacon.model;

import java.util.regex.Pattern;

/** What counts as a number a resident can dial: a short code (any country's 3-digit emergency numbers, 4-digit lines) or an international one. */
public final class PhoneNumbers {
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{3,4}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+\\d{8,15}");

    private PhoneNumbers() {
    }

    public static String digits(String number) {
        return number.replaceAll("[\\s\\-().]", "");
    }

    /** A short code (101-104, 112, 911, 091: any 3 digits; a 4-digit line) or a full international number such as +380 44 123 45 67. */
    public static boolean isDialable(String number) {
        String d = digits(number);
        return SHORT_CODE.matcher(d).matches() || INTERNATIONAL.matcher(d).matches();
    }

    public static String telHref(String number) {
        return "tel:" + digits(number);
    }
}
