package city.beacon.render;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG (io.nayuki:qrcodegen, no network): one path, each row's dark modules as
 * runs, a quiet zone of four modules. Scans from paper at 3 cm and more.
 */
final class QrSvg {
    private static final int QUIET = 4;

    private QrSvg() {
    }

    /** The QR code of {@code text} (medium error correction), labelled {@code label} for screen readers. */
    static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET;
        StringBuilder d = new StringBuilder(qr.size * qr.size);
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) x++;
                d.append('M').append(start + QUIET).append(' ').append(y + QUIET).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" aria-label=\""
                + PlaceMap.escape(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path d=\"" + d + "\"/></svg>";
    }
}
