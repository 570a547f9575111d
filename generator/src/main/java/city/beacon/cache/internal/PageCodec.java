package city.beacon.cache.internal;

import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.Section;
import city.beacon.model.SourceFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page without its text, as the page cache ({@code city.beacon.cache.PageCache}) keeps it.
 * Each kind of page details is written with its tag, its index in {@link #TAGS}; a kind of
 * details {@link Details} permits but this codec does not know stops the first build that saves
 * or reads a page cache (an internal error), whatever its pages, rather than coming back from the
 * cache as no details.
 */
public final class PageCodec {
    /** The kinds of page details, each one's tag its index: a new kind is added at the end, and the page cache's format changes. */
    private static final List<Class<? extends Details>> TAGS =
            List.of(Details.None.class, Details.Service.class, Details.Support.class, Details.Alert.class);

    /** The kinds of page details {@link Details} permits that have no tag: each write and read fails while there is one. */
    private static final List<String> UNKNOWN = Arrays.stream(Details.class.getPermittedSubclasses())
            .filter(kind -> !TAGS.contains(kind)).map(Class::getName).toList();

    private PageCodec() {
    }

    public static void write(DataOutputStream out, Page p) throws IOException {
        knowsEveryKind();
        for (String text : new String[]{p.lang(), p.section().id(), p.slug(), p.url(), p.title(), p.summary()}) Codec.text(out, text);
        Codec.texts(out, p.tags());
        out.writeBoolean(p.draft());
        Codec.date(out, p.updated());
        Codec.date(out, p.reviewed());
        out.writeBoolean(p.example());
        out.writeInt(p.weight());
        Codec.nullable(out, p.translation());
        writeDetails(out, p.details());
        out.writeInt(p.bodyLine());
        out.writeInt(p.reviewedLine());
    }

    /** The page written by {@link #write}, from the file {@code source}, its section found by id in {@code sections}. */
    public static Page read(DataInputStream in, SourceFile source, Map<String, Section> sections) throws IOException {
        knowsEveryKind();
        String lang = Codec.text(in);
        Section section = sections.get(Codec.text(in));
        if (section == null) throw new IOException("a section that site.yaml no longer has");
        return new Page(source, lang, section, Codec.text(in), Codec.text(in), Codec.text(in), Codec.text(in),
                Codec.texts(in), in.readBoolean(), Codec.date(in), Codec.date(in), in.readBoolean(),
                in.readInt(), Codec.nullable(in), readDetails(in), "", in.readInt(), in.readInt());
    }

    private static void knowsEveryKind() {
        if (!UNKNOWN.isEmpty()) throw new IllegalStateException("page details without a page cache codec (cache.internal.PageCodec): " + UNKNOWN);
    }

    private static void writeDetails(DataOutputStream out, Details details) throws IOException {
        out.writeByte(TAGS.indexOf(details.getClass()));
        if (details instanceof Details.Service s) {
            Codec.nullable(out, s.category());
            Codec.texts(out, s.documents());
            Codec.texts(out, s.steps());
            Codec.nullable(out, s.cost());
            Codec.nullable(out, s.processingTime());
            writePlaces(out, s.places());
            Codec.nullable(out, s.online());
            Codec.nullable(out, s.placeQuery() == null ? null : s.placeQuery().type());
            Codec.nullable(out, s.placeQuery() == null ? null : s.placeQuery().district());
        } else if (details instanceof Details.Support s) {
            Codec.nullable(out, s.type());
            out.writeInt(s.phones().size());
            for (Phone phone : s.phones()) {
                Codec.nullable(out, phone.number());
                Codec.nullable(out, phone.label());
                Codec.nullable(out, phone.hours());
                out.writeBoolean(phone.free());
                out.writeBoolean(phone.example());
            }
            Codec.texts(out, s.languages());
            Codec.nullable(out, s.audience());
            Codec.nullable(out, s.online());
            writePlaces(out, s.places());
        } else if (details instanceof Details.Alert a) {
            Codec.nullable(out, Objects.toString(a.severity(), null));
            Codec.instant(out, a.starts());
            Codec.instant(out, a.expires());
        } else if (!(details instanceof Details.None)) {
            throw new IllegalStateException("page details without a page cache codec: " + details.getClass().getName());
        }
    }

    private static Details readDetails(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 0 -> new Details.None();
            case 1 -> {
                Details.Service s = new Details.Service(Codec.nullable(in), Codec.texts(in), Codec.texts(in), Codec.nullable(in),
                        Codec.nullable(in), readPlaces(in), Codec.nullable(in));
                String type = Codec.nullable(in);
                String district = Codec.nullable(in);
                yield type == null ? s : new Details.Service(s.category(), s.documents(), s.steps(), s.cost(), s.processingTime(),
                        s.places(), s.online(), new city.beacon.model.PlaceQuery(type, district));
            }
            case 2 -> {
                String type = Codec.nullable(in);
                List<Phone> phones = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    phones.add(new Phone(Codec.nullable(in), Codec.nullable(in), Codec.nullable(in), in.readBoolean(), in.readBoolean()));
                }
                yield new Details.Support(type, List.copyOf(phones), Codec.texts(in), Codec.nullable(in), Codec.nullable(in), readPlaces(in));
            }
            case 3 -> new Details.Alert(Codec.nullable(in), Codec.instant(in), Codec.instant(in));
            default -> throw new IOException("an unknown kind of page");
        };
    }

    private static void writePlaces(DataOutputStream out, List<Place> places) throws IOException {
        out.writeInt(places.size());
        for (Place place : places) {
            Codec.nullable(out, place.name());
            Codec.nullable(out, place.address());
            Codec.nullable(out, place.hours());
            Codec.nullable(out, place.phone());
            out.writeBoolean(place.example());
        }
    }

    private static List<Place> readPlaces(DataInputStream in) throws IOException {
        List<Place> places = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            places.add(new Place(Codec.nullable(in), Codec.nullable(in), Codec.nullable(in), Codec.nullable(in), in.readBoolean()));
        }
        return List.copyOf(places);
    }
}
