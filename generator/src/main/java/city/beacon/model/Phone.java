package city.beacon.model;

/** A number a resident can call, with what it is, when it answers and whether it is free. */
public record Phone(String number, String label, String hours, boolean free, boolean example) {

    /** The {@code tel:} link: digits and a leading plus only, as dialers expect. */
    public String telHref() {
        return PhoneNumbers.telHref(number);
    }
}
