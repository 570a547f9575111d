package city.beacon.content;

import city.beacon.content.PlacesReader.Field;
import city.beacon.content.PlacesReader.Row;
import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problems;
import city.beacon.model.Localized;
import city.beacon.model.PhoneNumbers;
import city.beacon.model.PlaceRecord;
import city.beacon.model.PlaceSettings;
import city.beacon.model.PlaceStatus;
import city.beacon.model.Slugs;
import city.beacon.yaml.UnsafeCharacters;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of one row of places (or of statuses): each finding at its cell, with the column's name as the field. */
final class PlaceRow {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d{1,3},\\d{1,15}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");
    /** Longest text quoted back in a finding. */
    private static final int QUOTED = 60;

    private final PlaceSettings settings;
    private final List<String> langs;
    private final Problems problems;

    PlaceRow(PlaceSettings settings, List<String> langs, Problems problems) {
        this.settings = settings;
        this.langs = langs;
        this.problems = problems;
    }

    /** Every column a file of places may have, for {@code langs}. */
    static Set<String> columns(List<String> langs) {
        Set<String> columns = new LinkedHashSet<>(List.of("id", "type", "district", "lat", "lon", "phone", "services",
                "accessible", "verified", "example"));
        for (String prefix : List.of("name_", "address_", "hours_", "note_")) langs.forEach(lang -> columns.add(prefix + lang));
        return columns;
    }

    /** The columns a CSV of places must have: its name and address in every language of the site (the text may be empty but in the first). */
    static List<String> required(List<String> langs) {
        List<String> required = new ArrayList<>(List.of("id", "type", "district", "lat", "lon"));
        langs.forEach(lang -> required.add("name_" + lang));
        langs.forEach(lang -> required.add("address_" + lang));
        return required;
    }

    /** {@code text} as a finding quotes it: at most {@value #QUOTED} characters. */
    static String quoted(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
    }

    /** "did you mean 'x'?", or the list of what is allowed when it is short (a few types, not thousands of place ids). */
    static String suggest(String wrong, java.util.Collection<String> known) {
        if (wrong.length() > QUOTED) return known.size() <= 12 ? "expected one of: " + String.join(", ", known.stream().sorted().toList()) : null;
        Optional<String> closest = DidYouMean.closest(wrong, known);
        if (closest.isPresent() || known.size() <= 12) return DidYouMean.suggest(wrong, known);
        return null;
    }

    /** One row's checks; {@code ok} turns false at the first error. */
    private final class Check {
        final Row row;
        boolean ok = true;
        /** The columns already reported: an unsafe character is not reported again as "must not be empty". */
        final Set<String> reported = new java.util.HashSet<>();

        Check(Row row) {
            this.row = row;
        }

        void error(Field at, String column, String message, String suggestion) {
            ok = false;
            reported.add(column);
            problems.error(row.file(), at.line(), at.column(), column, message, suggestion);
        }

        void warning(Field at, String column, String message, String suggestion) {
            problems.warning(row.file(), at.line(), at.column(), column, message, suggestion);
        }

        /** The stripped text of {@code column} ("" when absent), reported when it holds a character no page may show. */
        String text(String column) {
            Field field = row.get(column);
            Optional<String[]> unsafe = UnsafeCharacters.find(field.text());
            if (unsafe.isPresent()) {
                error(field, column, unsafe.get()[0], unsafe.get()[1]);
                return "";
            }
            return field.text().strip();
        }

        String required(String column, String what) {
            String text = text(column);
            if (text.isEmpty() && !reported.contains(column)) error(row.get(column), column, "must not be empty", "write " + what);
            return text;
        }

        /** One of {@code known}'s ids, or null (reported with the closest). */
        String known(String column, String text, List<String> known, String declared) {
            if (text.isEmpty() || known.contains(text)) return text.isEmpty() ? null : text;
            error(row.get(column), column, "no " + declared + " has the id '" + quoted(text) + "' (places: in site.yaml)",
                    suggest(text, known));
            return null;
        }

        LocalDate date(String column) {
            String text = text(column);
            if (text.isEmpty()) return null;
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeException e) {
                    // 2026-02-31: reported below
                }
            }
            String suggestion = "write a date like 2026-11-25";
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                try {
                    suggestion = "write it as " + LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                            Integer.parseInt(dayFirst.group(1)));
                } catch (DateTimeException e) {
                    // 31.02.2026: no date to suggest
                }
            }
            error(row.get(column), column, "expected a date like 2026-11-25, got \"" + quoted(text) + "\"", suggestion);
            return null;
        }

        /** A latitude or longitude: a plain decimal number with a point, within {@code limit} degrees of 0. */
        Double degrees(String column, double limit) {
            String text = required(column, column.equals("lat") ? "the latitude, like 50.4501" : "the longitude, like 30.5234");
            if (text.isEmpty()) return null;
            if (DECIMAL_COMMA.matcher(text).matches()) {
                error(row.get(column), column, "expected a number with a decimal point, got \"" + text + "\"",
                        "write " + text.replace(',', '.'));
                return null;
            }
            double value = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            if (!Double.isFinite(value) || Math.abs(value) > limit) {
                error(row.get(column), column, "expected a number of degrees between -" + (int) limit + " and " + (int) limit
                        + ", got \"" + quoted(text) + "\"", "write it as decimal degrees, like " + (column.equals("lat") ? "50.4501" : "30.5234"));
                return null;
            }
            return value;
        }

        /** The texts of {@code prefix}_lang: required in the first language, a warning when missing in another. */
        Localized localized(String prefix, boolean required, String what) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String lang : langs) {
                String text = text(prefix + lang);
                if (!text.isEmpty()) texts.put(lang, text);
            }
            if (required) {
                String first = langs.get(0);
                if (!texts.containsKey(first) && !reported.contains(prefix + first)) {
                    error(row.get(prefix + first), prefix + first, "must not be empty: the " + what + " in " + first
                            + ", the site's first language", "write the place's " + what);
                } else if (texts.containsKey(first)) {
                    for (String lang : langs.subList(1, langs.size())) {
                        if (!texts.containsKey(lang)) {
                            warning(row.get(prefix + lang), prefix + lang, "no " + what + " in " + lang + ": pages in " + lang
                                    + " show the " + first + " one", "write the place's " + what + " in " + lang);
                        }
                    }
                }
            }
            return new Localized(texts);
        }
    }

    /** The place of {@code row}, or null when it has an error (each reported). */
    PlaceRecord record(Row row) {
        Check c = new Check(row);
        String id = c.required("id", "an id such as heating-podil-12 (lower-case Latin letters, digits and '-')");
        if (!id.isEmpty() && (!ID.matcher(id).matches() || id.length() > Slugs.MAX_LENGTH)) {
            String slug = Slugs.slugify(quoted(id));
            c.error(row.get("id"), "id", "the id \"" + quoted(id) + "\" may hold only lower-case Latin letters, digits and '-' (at most "
                    + Slugs.MAX_LENGTH + "; it is part of the place's address)", slug.isEmpty() ? "write an id such as heating-podil-12"
                    : "write \"" + Slugs.shortened(slug) + "\"");
        }
        String type = c.known("type", c.required("type", "the place's type"), settings.types().stream().map(PlaceSettings.Type::id).toList(), "place type");
        String district = c.known("district", c.required("district", "the place's district"),
                settings.districts().stream().map(PlaceSettings.District::id).toList(), "district");
        Double lat = c.degrees("lat", 90);
        Double lon = c.degrees("lon", 180);
        if (lat != null && lon != null && settings.bbox() != null && !settings.bbox().contains(lat, lon)) {
            if (settings.bbox().contains(lon, lat)) {
                c.error(row.get("lat"), "lat", "lat " + lat + ", lon " + lon + " is outside the city's bbox " + settings.bbox()
                        + "; swapped? lat " + lon + ", lon " + lat + " is inside", "write lat " + lon + " and lon " + lat);
            } else {
                c.error(row.get("lat"), "lat", "lat " + lat + ", lon " + lon + " is outside the city's bbox " + settings.bbox()
                        + " (places: bbox in site.yaml)", "check the coordinates: lat is the north-south one");
            }
        }
        String phone = c.text("phone");
        if (!phone.isEmpty() && !PhoneNumbers.isDialable(phone)) {
            c.error(row.get("phone"), "phone", "expected a short code (3 or 4 digits, such as 112) or a full international number, got \""
                    + quoted(phone) + "\"", "write it as +380 44 123 45 67");
        }
        List<String> services = new ArrayList<>();
        List<String> serviceIds = settings.services().stream().map(PlaceSettings.Service::id).toList();
        for (String s : c.text("services").split(";")) {
            String service = c.known("services", s.strip(), serviceIds, "service");
            if (service != null && !services.contains(service)) services.add(service);
        }
        Boolean accessible = switch (c.text("accessible")) {
            case "" -> null;
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> {
                c.error(row.get("accessible"), "accessible", "expected yes, no or nothing, got \"" + quoted(c.text("accessible")) + "\"",
                        "write yes when a wheelchair user can enter, no when not, nothing when not known");
                yield null;
            }
        };
        LocalDate verified = c.date("verified");
        String example = c.text("example");
        if (!example.isEmpty() && !example.equals("true") && !example.equals("false")) {
            c.error(row.get("example"), "example", "expected true, false or nothing, got \"" + quoted(example) + "\"",
                    "write true for sample data that is not a real place");
        }
        Localized name = c.localized("name_", true, "name");
        Localized address = c.localized("address_", true, "address");
        Localized hours = c.localized("hours_", false, "hours");
        Localized note = c.localized("note_", false, "note");
        if (!c.ok) return null;
        if (verified == null && settings.reviewDays() > 0) {
            c.warning(row.get("verified"), "verified", "the place was never verified: residents cannot tell whether it is still there",
                    "write the day someone last checked it, like 2026-12-01");
        }
        Field verifiedAt = row.get("verified");
        return new PlaceRecord(id, type, district, lat, lon, phone.isEmpty() ? null : phone, services, accessible, verified,
                example.equals("true"), name, address, hours, note, new PlaceRecord.At(row.file(), verifiedAt.line(), verifiedAt.column()));
    }

    /** The status of {@code row} (a row of places-status.csv), or null when it has an error (each reported). */
    static PlaceStatus status(Row row, Set<String> ids, List<String> langs, Problems problems) {
        Check c = new PlaceRow(PlaceSettings.NONE, langs, problems).new Check(row);
        String id = c.required("id", "the id of a place of places.csv");
        if (!id.isEmpty() && !ids.contains(id)) {
            c.error(row.get("id"), "id", "no place has the id '" + quoted(id) + "'", suggest(id, ids));
        }
        String kind = c.required("status", "one of " + String.join(", ", PlaceStatus.Kind.ids()));
        Optional<PlaceStatus.Kind> status = PlaceStatus.Kind.byId(kind);
        if (!kind.isEmpty() && status.isEmpty()) {
            c.error(row.get("status"), "status", "expected one of " + String.join(", ", PlaceStatus.Kind.ids()) + ", got \"" + quoted(kind) + "\"",
                    suggest(kind, PlaceStatus.Kind.ids()));
        }
        LocalDate since = c.date("since");
        Localized note = c.localized("note_", false, "note");
        return c.ok ? new PlaceStatus(id, status.orElseThrow(), note, since) : null;
    }
}
