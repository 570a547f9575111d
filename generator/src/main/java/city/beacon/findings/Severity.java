package city.beacon.findings;

/** How much a finding matters: errors stop a build, warnings only under {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
