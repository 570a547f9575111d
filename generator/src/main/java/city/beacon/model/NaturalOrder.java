package city.beacon.model;

import java.util.Comparator;

/**
 * Titles in the order people count: "Крок 2" before "Крок 10". Each run of digits is written
 * with its length first ("2" as "012", "10" as "0210", leading zeros aside), so that comparing
 * the texts, or their collation keys, compares the numbers.
 */
public final class NaturalOrder {
    /** Titles case aside, numbers by their value. */
    public static final Comparator<String> TITLES = Comparator.comparing(NaturalOrder::sortable, String.CASE_INSENSITIVE_ORDER);

    private NaturalOrder() {
    }

    /** {@code text} with each run of ASCII digits as its length (two digits) and the digits without leading zeros. */
    public static String sortable(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                if (out != null) out.append(c);
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            int end = i;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') end++;
            int start = i;
            while (start < end - 1 && text.charAt(start) == '0') start++;
            int length = Math.min(end - start, 99);
            if (length < 10) out.append('0');
            out.append(length).append(text, start, end);
            i = end;
        }
        return out == null ? text : out.toString();
    }
}
