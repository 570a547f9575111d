package city.beacon.render;

import city.beacon.model.PlaceSettings.BoundingBox;

import java.util.List;
import java.util.Locale;

/**
 * A map without tiles: the places of a list drawn at build time as an inline SVG, each point a link to
 * the place's page with its name as {@code <title>}. The city's bounding box is projected
 * equirectangularly, its width shrunk by the cosine of its middle latitude so that a kilometre is as
 * long east-west as north-south. Coordinates are whole units of a {@value #WIDTH}-wide box (about
 * 100 m in a city), which keeps a point under 100 bytes. An open place is a filled disc, a closed one a
 * cross, a full or moved one a ring: told apart by shape, not by colour alone. No script, no request.
 */
final class PlaceMap {
    static final int WIDTH = 300;
    /** Room around the box, so that a point on its edge is drawn whole. */
    private static final int MARGIN = 6;

    /** A point of the map: the link (relative to the page), the name, where it is, its status (open, closed, full, moved). */
    record Point(String href, String title, double lat, double lon, String status) {
    }

    private PlaceMap() {
    }

    /** The height of the drawing for {@code box} when it is {@value #WIDTH} wide. */
    static int height(BoundingBox box) {
        double midLat = Math.toRadians((box.minLat() + box.maxLat()) / 2);
        double width = (box.maxLon() - box.minLon()) * Math.cos(midLat);
        return (int) Math.round(WIDTH * (box.maxLat() - box.minLat()) / width);
    }

    /**
     * The outlines (content/data/districts.geojson) as one SVG path in the map's units: each ring
     * projected to whole units, points that fall on the same unit dropped, and those within one unit of
     * the line between their neighbours left out (Ramer–Douglas–Peucker), harder while the path is longer
     * than {@link #OUTLINE_MAX}: a city's districts in a few KiB.
     * "" when there are none.
     */
    static String outlines(List<city.beacon.model.Places.Outline> outlines, BoundingBox box) {
        if (outlines.isEmpty()) return "";
        String path = "";
        for (double tolerance = 1; tolerance <= 64; tolerance *= 1.5) {
            path = outlines(outlines, box, tolerance);
            if (path.length() <= OUTLINE_MAX) return path;
        }
        return path;
    }

    /**
     * The most characters the outline layer takes on a page (about 2.5 KiB compressed): a detailed
     * boundary file is simplified harder (a tolerance of 1, 1.5, 2.25... units) until it fits.
     */
    static final int OUTLINE_MAX = 6000;

    private static String outlines(List<city.beacon.model.Places.Outline> outlines, BoundingBox box, double tolerance) {
        int height = height(box);
        StringBuilder d = new StringBuilder();
        for (city.beacon.model.Places.Outline outline : outlines) {
            for (List<Double> ring : outline.rings()) {
                List<long[]> points = new java.util.ArrayList<>();
                for (int i = 0; i + 1 < ring.size(); i += 2) {
                    long x = MARGIN + Math.round((ring.get(i) - box.minLon()) / (box.maxLon() - box.minLon()) * WIDTH);
                    long y = MARGIN + Math.round((box.maxLat() - ring.get(i + 1)) / (box.maxLat() - box.minLat()) * height);
                    long[] last = points.isEmpty() ? null : points.get(points.size() - 1);
                    if (last == null || last[0] != x || last[1] != y) points.add(new long[]{x, y});
                }
                List<long[]> kept = new java.util.ArrayList<>(simplified(points, tolerance));
                if (kept.size() > 1 && java.util.Arrays.equals(kept.get(0), kept.get(kept.size() - 1))) kept.remove(kept.size() - 1); // Z closes it
                if (kept.size() < 3) continue;
                for (int i = 0; i < kept.size(); i++) {
                    d.append(i == 0 ? "M" : i == 1 ? "L" : " ").append(kept.get(i)[0]).append(' ').append(kept.get(i)[1]);
                }
                d.append('Z');
            }
        }
        return d.isEmpty() ? "" : "<path d=\"" + d + "\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>";
    }

    /** Ramer–Douglas–Peucker: points within {@code tolerance} units of the line between kept neighbours are left out. */
    private static List<long[]> simplified(List<long[]> points, double tolerance) {
        if (points.size() < 4) return points;
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        java.util.ArrayDeque<int[]> spans = new java.util.ArrayDeque<>();
        spans.push(new int[]{0, points.size() - 1});
        while (!spans.isEmpty()) {
            int[] span = spans.pop();
            long[] a = points.get(span[0]);
            long[] b = points.get(span[1]);
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            int farthest = -1;
            double most = tolerance;
            for (int i = span[0] + 1; i < span[1]; i++) {
                long[] p = points.get(i);
                double distance = length == 0 ? Math.hypot(p[0] - a[0], p[1] - a[1])
                        : Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / length;
                if (distance > most) {
                    most = distance;
                    farthest = i;
                }
            }
            if (farthest >= 0) {
                keep[farthest] = true;
                spans.push(new int[]{span[0], farthest});
                spans.push(new int[]{farthest, span[1]});
            }
        }
        List<long[]> kept = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) if (keep[i]) kept.add(points.get(i));
        return kept;
    }

    /** The SVG of {@code points} in {@code box}, labelled {@code label} (what it shows, for screen readers). */
    static String svg(List<Point> points, BoundingBox box, String label) {
        return svg(points, box, label, "");
    }

    /** As above, over {@code outlines} (an SVG path from {@link #outlines}, or ""). */
    static String svg(List<Point> points, BoundingBox box, String label, String outlines) {
        int height = height(box);
        StringBuilder svg = new StringBuilder(160 + points.size() * 90);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH + 2 * MARGIN).append(' ')
                .append(height + 2 * MARGIN).append("\" role=\"group\" aria-label=\"").append(escape(label)).append("\">")
                .append("<rect x=\"").append(MARGIN).append("\" y=\"").append(MARGIN).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" fill=\"none\" stroke=\"#999\"/>").append(outlines);
        for (Point p : points) {
            long x = MARGIN + Math.round(clamp((p.lon() - box.minLon()) / (box.maxLon() - box.minLon())) * WIDTH);
            long y = MARGIN + Math.round(clamp((box.maxLat() - p.lat()) / (box.maxLat() - box.minLat())) * height);
            svg.append("<a href=\"").append(escape(p.href())).append("\"><title>").append(escape(p.title())).append("</title>");
            switch (p.status()) {
                case "open" -> svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"5\"/>");
                case "closed" -> svg.append("<path d=\"M").append(x - 5).append(' ').append(y - 5).append("l10 10m0-10-10 10\" stroke=\"currentColor\" stroke-width=\"3\"/>");
                default -> svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y)
                        .append("\" r=\"4\" fill=\"#fff\" stroke=\"currentColor\" stroke-width=\"2\"/>");
            }
            svg.append("</a>");
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate as plain decimals, as written in data attributes and links: 50.391, never 5.0391E1. */
    static String coordinate(double degrees) {
        return new java.math.BigDecimal(Double.toString(degrees)).stripTrailingZeros().toPlainString();
    }

    /** A distance as residents read it: "850 m", "1.2 km" ("1,2 км" in Ukrainian). */
    static String distance(double km, UiText t) {
        if (km < 1) return (Math.round(km * 20) * 50) + " " + t.get("metres");
        return String.format(Locale.forLanguageTag(t.lang()), "%.1f", km) + " " + t.get("kilometres");
    }
}
