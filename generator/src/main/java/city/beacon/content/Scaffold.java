package city.beacon.content;

import city.beacon.model.SiteConfig;
import city.beacon.model.Category;
import city.beacon.model.PageKind;

import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The new page {@code beacon new} writes: every field of its kind (the schema {@link PageParser}
 * reads), each with a short comment; what only the editor can know is a placeholder
 * ({@link Placeholders#mark}), which the build reports until it is replaced. Notes and
 * placeholders are in the page's language: Ukrainian for a page under uk/, English otherwise.
 */
public final class Scaffold {
    private Scaffold() {
    }

    /** The editor's words in the page's language: each note is written once in English and once in Ukrainian. */
    private record Words(boolean uk) {
        String say(String en, String ukrainian) {
            return uk ? ukrainian : en;
        }
    }

    public static String of(PageKind kind, String lang, SiteConfig config, LocalDate today) {
        Words w = new Words("uk".equals(lang));
        String todo = Placeholders.mark(lang);
        String optional = w.say(" (optional)", " (необов’язково)");
        StringBuilder out = new StringBuilder("---\n");
        out.append(w.say("# A new " + kind.id() + " page. Replace every " + todo + "; `beacon check` lists those left.\n",
                        "# " + newPageUk(kind) + ". Замініть кожне «" + todo + "» справжнім текстом; `beacon check` покаже, що лишилося.\n"))
                .append(w.say("# Every field is explained in docs/editor-guide.md. Lines starting with # are notes.\n",
                        "# Кожне поле пояснено в docs/editor-guide.md. Рядки, що починаються з #, — це примітки.\n"))
                .append("title: \"").append(todo).append(w.say(": the name residents look for\"\n", ": назва, яку шукають мешканці\"\n"))
                .append(w.say("# One or two sentences: shown under the title and in lists",
                        "# Одне-два речення: показуються під назвою та у списках")).append(kind == PageKind.PAGE ? optional : "")
                .append(".\nsummary: \"").append(todo)
                .append(w.say(": who it is for and what they get\"\n", ": для кого це і що людина отримає\"\n"));
        String oneOf = w.say("# One of: ", "# Один із варіантів: ");
        switch (kind) {
            case SERVICE -> out.append(oneOf).append(config.categories().stream().map(Category::id)
                            .collect(Collectors.joining(", "))).append(".\n")
                    .append("category: ").append(todo).append('\n')
                    .append(w.say("# What to bring, one item per line.\n", "# Які документи взяти з собою, по одному в рядку.\n"))
                    .append("documents:\n  - \"").append(todo).append(w.say(": a document\"\n", ": документ\"\n"))
                    .append(w.say("# What to do, in order", "# Що зробити, по черзі")).append(optional).append(".\n")
                    .append("steps:\n  - \"").append(todo).append(w.say(": the first step\"\n", ": перший крок\"\n"))
                    .append("cost: \"").append(todo).append(w.say(": e.g. free of charge\"\n", ": напр. безоплатно\"\n"))
                    .append("processing_time: \"").append(todo).append(w.say(": e.g. the same day\"\n", ": напр. у день звернення\"\n"))
                    .append(places(todo, w))
                    .append(w.say("# The official page for this service", "# Офіційна сторінка цієї послуги")).append(optional)
                    .append(".\n# online: https://\n");
            case SUPPORT -> out.append(oneOf).append(String.join(", ", PageParser.SUPPORT_TYPES))
                    .append(w.say(". A hotline needs at least one phone.\n", ". Для гарячої лінії потрібен хоча б один номер.\n"))
                    .append("type: hotline\n")
                    .append(w.say("# Numbers to call. Mark an invented number with 'example: true'.\n",
                            "# Номери телефонів. Вигаданий номер позначте 'example: true'.\n"))
                    .append("phones:\n  - number: \"").append(todo).append(": +380 44 ...\"\n")
                    .append("    label: \"").append(todo).append(w.say(": whose line it is\"\n", ": чия це лінія\"\n"))
                    .append("    hours: \"").append(todo).append(w.say(": e.g. 24/7\"\n", ": напр. цілодобово\"\n"))
                    .append("    free: true\n    example: false\n")
                    .append(w.say("# Languages spoken, as codes.\n", "# Мови, якими тут відповідають, кодами.\n"))
                    .append("languages: [").append(lang).append("]\n")
                    .append("audience: \"").append(todo).append(w.say(": who can turn to it\"\n", ": хто може звернутися\"\n"))
                    .append(w.say("# A chat or site", "# Чат або сайт")).append(optional).append(".\n# online: https://\n")
                    .append(places(todo, w));
            case ALERT -> out.append(oneOf).append(String.join(", ", PageParser.SEVERITIES)).append(".\n")
                    .append("severity: warning\n")
                    .append(w.say("# Shown from the start of 'starts' until 'expires' (dates, or times like 2026-11-25T08:00:00+02:00).\n",
                            "# Показується від 'starts' до 'expires' (дати або час, як-от 2026-11-25T08:00:00+02:00).\n"))
                    .append("starts: ").append(today).append('\n')
                    .append("expires: ").append(today.plusDays(7)).append('\n');
            case PAGE -> {
            }
        }
        out.append(w.say("# Topics, shown as links to lists of pages on the same topic",
                        "# Теми: показуються як посилання на списки сторінок на ту саму тему")).append(optional).append(".\n")
                .append("tags: [").append(todo).append("]\n")
                .append(w.say("# The same page in the other language, relative to content/ (optional when the file names match).\n",
                        "# Та сама сторінка іншою мовою, шлях від content/ (необов’язково, якщо назви файлів збігаються).\n"))
                .append("# translation: ").append(otherLanguage(config, lang)).append("/...\n")
                .append(w.say("# The web address of the page (optional; made from the file name).\n# slug: my-page\n",
                        "# Вебадреса сторінки (необов’язково; утворюється з назви файлу).\n# slug: nova-storinka\n"))
                .append(w.say("# When the facts last changed (optional in a git repository: the date of the last commit).\n",
                        "# Коли востаннє змінилися відомості (у git-репозиторії необов’язково: береться дата останнього коміту).\n"))
                .append("updated: ").append(today).append('\n')
                .append(w.say("# When someone last checked every fact against reality.\n",
                        "# Коли востаннє всі відомості звірили з дійсністю.\n"))
                .append("reviewed: ").append(today).append('\n')
                .append(w.say("# true: shown only in the preview (beacon serve). Delete this line to publish.\n",
                        "# true: сторінку видно лише в попередньому перегляді (beacon serve). Щоб опублікувати, видаліть цей рядок.\n"))
                .append("draft: true\n")
                .append(w.say("# true: the page holds invented data (addresses, numbers) and says so.\n",
                        "# true: на сторінці вигадані дані (адреси, номери), і вона про це повідомляє.\n"))
                .append("example: false\n")
                .append(w.say("# Lists show lower weights first, then by title.\n",
                        "# У списках спершу йдуть сторінки з меншою вагою, далі — за назвою.\n"))
                .append("weight: 0\n")
                .append("---\n\n")
                .append(todo).append(w.say(": the text of the page, in Markdown. Short paragraphs; headings start with '## '.\n",
                        ": текст сторінки у форматі Markdown. Короткі абзаци; заголовки починаються з '## '.\n"));
        return out.toString();
    }

    private static String newPageUk(PageKind kind) {
        return switch (kind) {
            case SERVICE -> "Нова сторінка послуги";
            case SUPPORT -> "Нова сторінка про допомогу";
            case ALERT -> "Нове попередження";
            case PAGE -> "Нова довідкова сторінка";
        };
    }

    private static String places(String todo, Words w) {
        return w.say("# Where to go (optional: delete the list if there is no place). Mark an invented place with 'example: true'.\n",
                "# Куди звертатися (необов’язково: видаліть список, якщо такого місця немає). Вигадане місце позначте 'example: true'.\n")
                + "places:\n  - name: \"" + todo + w.say(": the office\"\n", ": назва установи\"\n")
                + "    address: \"" + todo + w.say(": street and number\"\n", ": вулиця і номер будинку\"\n")
                + "    hours: \"" + todo + w.say(": e.g. Mon–Fri 9:00–18:00\"\n", ": напр. пн–пт 9:00–18:00\"\n")
                + "    phone: \"" + todo + ": +380 44 ...\"\n"
                + "    example: false\n";
    }

    private static String otherLanguage(SiteConfig config, String lang) {
        return config.languageCodes().stream().filter(code -> !code.equals(lang)).findFirst().orElse(lang);
    }
}
