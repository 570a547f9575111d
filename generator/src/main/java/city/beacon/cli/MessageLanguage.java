package city.beacon.cli;

import city.beacon.findings.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --lang}: the language of the findings printed on the terminal (and in GitHub annotations); JSON stays English. */
public final class MessageLanguage {
    @Option(names = "--lang", paramLabel = "CODE", defaultValue = "en", converter = Converter.class,
            description = "the language of the findings: en or uk (default: ${DEFAULT-VALUE}); --format json stays in English")
    Messages messages = Messages.english();

    static final class Converter implements CommandLine.ITypeConverter<Messages> {
        @Override
        public Messages convert(String value) {
            if (!Messages.SHIPPED.contains(value)) {
                throw new CommandLine.TypeConversionException("the findings are written in " + String.join(" or ", Messages.SHIPPED)
                        + ", not '" + value + "' (a catalogue per language: docs/editor-guide.md, \"Findings in your language\")");
            }
            return Messages.of(value);
        }
    }
}
