package city.beacon.model;

/** A language of the portal: its code ({@code uk}) and its own name ({@code Українська}). */
public record Language(String code, String name) {
}
