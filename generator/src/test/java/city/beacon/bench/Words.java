package city.beacon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** The vocabulary of the benchmark corpus in one language: city-service words, so text looks and weighs like the real thing. */
final class Words {
    private static final Words UK = new Words(
            ("довідка послуга житло компенсація укриття тривога світло тепло вода зв'язок документ паспорт заява "
                    + "громада район адміністрація лікар підтримка психолог консультація родина дитина ветеран пенсія "
                    + "виплата допомога пункт адреса телефон графік черга відключення генератор обігрів ліки аптека "
                    + "волонтер укладення рішення строк термін запис прийом центр служба лінія розмова стрес сон "
                    + "безпека евакуація транспорт школа гуртожиток квартира будинок ремонт вікно дах субсидія")
                    .split(" "),
            ("треба можна слід варто потрібно звернутися подати отримати перевірити зберегти взяти зателефонувати "
                    + "дізнатися записатися чекати прийти заповнити").split(" "),
            ("швидко безкоштовно особисто онлайн заздалегідь щодня цілодобово поруч уважно спокійно").split(" "),
            ("пам'ять чай ковдра павербанк кабель").split(" "),
            "Дивіться також", "(приклад)");
    private static final Words EN = new Words(
            ("certificate service housing compensation shelter alert power heating water connection document passport "
                    + "application community district administration doctor support psychologist consultation family child "
                    + "veteran pension payment assistance point address phone schedule queue outage generator warmth "
                    + "medicine pharmacy volunteer agreement decision deadline appointment centre line conversation stress "
                    + "sleep safety evacuation transport school dormitory flat building repair window roof subsidy")
                    .split(" "),
            ("need may should can must contact submit receive check keep bring call find register wait visit fill")
                    .split(" "),
            ("quickly freely personally online early daily always nearby carefully calmly").split(" "),
            ("memory tea blanket powerbank cable").split(" "),
            "See also", "(example)");

    private final String[] nouns;
    private final String[] verbs;
    private final String[] adverbs;
    private final String[] extras;
    private final String see;
    private final String example;

    private Words(String[] nouns, String[] verbs, String[] adverbs, String[] extras, String see, String example) {
        this.nouns = nouns;
        this.verbs = verbs;
        this.adverbs = adverbs;
        this.extras = extras;
        this.see = see;
        this.example = example;
    }

    static Words of(String lang) {
        return lang.equals("uk") ? UK : EN;
    }

    String noun(Random r) {
        return nouns[r.nextInt(nouns.length)];
    }

    private String word(Random r) {
        int kind = r.nextInt(10);
        if (kind < 6) return noun(r);
        if (kind < 8) return verbs[r.nextInt(verbs.length)];
        if (kind < 9) return adverbs[r.nextInt(adverbs.length)];
        return extras[r.nextInt(extras.length)];
    }

    String phrase(Random r, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
            if (!s.isEmpty()) s.append(' ');
            s.append(word(r));
        }
        return capitalize(s.toString());
    }

    String title(Random r) {
        return phrase(r, 3, 7);
    }

    String sentence(Random r, int min, int max) {
        String words = phrase(r, min, max);
        return r.nextInt(8) == 0 ? words.replaceFirst(" ", ", ") + "." : words + ".";
    }

    String paragraph(Random r) {
        StringBuilder p = new StringBuilder();
        for (int i = 3 + r.nextInt(4); i > 0; i--) {
            if (!p.isEmpty()) p.append(' ');
            p.append(sentence(r, 6, 16));
        }
        return p.toString();
    }

    List<String> items(Random r, int count, int min, int max) {
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(phrase(r, min, max));
        return items;
    }

    /** Topic tags from a fixed set of 30, so that tag pages list many pages each, as on a real portal. */
    List<String> tags(Random r, int count) {
        TreeSet<String> tags = new TreeSet<>();
        while (tags.size() < count) tags.add(nouns[r.nextInt(30)]);
        return List.copyOf(tags);
    }

    String see() {
        return see;
    }

    String example() {
        return example;
    }

    static int count(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetter(text.charAt(i));
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
