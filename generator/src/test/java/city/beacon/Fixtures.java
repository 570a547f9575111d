package city.beacon;

import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.config.SiteConfigLoader;
import city.beacon.content.PageParser;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.Page;
import city.beacon.model.Section;
import city.beacon.model.SourceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A small portal's settings and pages written inline, shared by the tests of every stage. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final String SITE_YAML = """
            title: {uk: Тестове місто, en: Test City}
            description: {uk: Довідник, en: Guide}
            languages:
              - {code: uk, name: Українська}
              - {code: en, name: English}
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
              - {id: support, kind: support, folder: {uk: pidtrymka, en: support}, title: {uk: Підтримка, en: Support}}
              - {id: info, kind: page, folder: {uk: dovidka, en: info}, title: {uk: Довідка, en: About}}
              - {id: alerts, kind: alert, folder: {uk: opovishchennia, en: alerts}, title: {uk: Оповіщення, en: Alerts}}
            categories:
              - {id: housing, title: {uk: Житло, en: Housing}}
              - {id: documents, title: {uk: Документи, en: Documents}}
            menu: [services, support, info]
            """;

    public static SiteConfig config() {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow(() -> new AssertionError(problems.sorted()));
        return config;
    }

    /** The page at {@code relative} (like {@code uk/poslugy/pasport.md}) read from {@code text}. */
    public static Optional<Page> parse(String relative, String text, Problems problems) {
        SiteConfig config = config();
        String[] parts = relative.split("/");
        Section section = config.sectionByFolder(parts[0], parts[1]).orElseThrow();
        SourceFile source = new SourceFile(Path.of("content", relative), "content/" + relative, relative);
        return new PageParser(config).parse(source, parts[0], section, text, problems);
    }

    /** A page that must parse without findings. */
    public static Page page(String relative, String text) {
        Problems problems = new Problems();
        Optional<Page> page = parse(relative, text, problems);
        if (page.isEmpty() || !problems.sorted().isEmpty()) throw new AssertionError(relative + ": " + problems.sorted());
        return page.get();
    }

    /** The messages of every finding, one formatted line each. */
    public static List<String> lines(Problems problems) {
        return problems.sorted().stream().map(p -> p.format()).toList();
    }

    /** The sample portal's repository root, passed by surefire. */
    public static Path repo() {
        return Path.of(System.getProperty("beacon.repo", ".."));
    }

    public static final String SERVICE_UK = """
            ---
            title: Відновлення паспорта
            summary: Як відновити втрачений паспорт.
            category: documents
            documents:
              - Заява
              - Фото 10x15
            steps:
              - Прийдіть до ЦНАП.
            cost: Безкоштовно
            processing_time: до 20 днів
            places:
              - name: ЦНАП (приклад)
                address: вул. Прикладна, 1
                hours: Пн–Пт 9:00–18:00
                phone: "+380 44 000 00 01"
                example: true
            updated: 2026-11-01
            reviewed: 2026-11-02
            example: true
            tags: [документи]
            ---
            Текст сторінки.
            """;

    public static final String SERVICE_EN = """
            ---
            title: Replacing a passport
            summary: How to replace a lost passport.
            category: documents
            documents:
              - Application
            cost: Free
            processing_time: up to 20 days
            updated: 2026-11-01
            reviewed: 2026-11-02
            ---
            Text.
            """;
}
