package city.beacon.model;

/** Where a resident can go: a service centre, a heating point, a counselling office. */
public record Place(String name, String address, String hours, String phone, boolean example) {
}
