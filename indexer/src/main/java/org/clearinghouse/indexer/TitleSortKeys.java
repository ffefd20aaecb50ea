package org.clearinghouse.indexer;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RawCollationKey;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.util.BytesRef;

/**
 * Collation keys for sorting by title: one per analysed language (the record's title in that language,
 * else its original title), collated by that language's rules, and one for the original title. Collators
 * are not thread-safe: one instance per indexing thread.
 */
final class TitleSortKeys {
    private final Map<String, Collator> collators = new HashMap<>();
    private final Collator root = collator(ULocale.ROOT);
    private final RawCollationKey key = new RawCollationKey();

    TitleSortKeys() {
        for (String lang : Schema.ANALYZED_LANGUAGES) {
            Collator own = collator(new ULocale(lang));
            // Languages without tailoring collate like the root: the same instance lets add() compute their key once.
            collators.put(lang, own.equals(root) ? root : collators.values().stream().filter(own::equals).findFirst().orElse(own));
        }
    }

    private static Collator collator(ULocale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        if (collator instanceof RuleBasedCollator rules) {
            // Quotes and punctuation at the start of a title should not decide its place in the list.
            rules.setAlternateHandlingShifted(true);
        }
        return collator;
    }

    void add(Document doc, Map<String, LocalizedText> texts, String original) {
        String originalTitle = texts.containsKey(original) ? texts.get(original).title() : "";
        // Most fields hold the same title under the same rules: each distinct pair is collated once.
        List<Collator> doneCollators = new ArrayList<>(4);
        List<String> doneTitles = new ArrayList<>(4);
        List<BytesRef> doneKeys = new ArrayList<>(4);
        for (String lang : Schema.ANALYZED_LANGUAGES) {
            LocalizedText text = texts.get(lang);
            String title = text != null && !text.title().isBlank() ? text.title() : originalTitle;
            doc.add(new SortedDocValuesField(Schema.titleSort(lang), key(collators.get(lang), title, doneCollators, doneTitles, doneKeys)));
        }
        doc.add(new SortedDocValuesField(Schema.TITLE_SORT_ORIGINAL, key(root, originalTitle, doneCollators, doneTitles, doneKeys)));
    }

    private BytesRef key(Collator collator, String title, List<Collator> collators, List<String> titles, List<BytesRef> keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (collators.get(i) == collator && titles.get(i).equals(title)) {
                return keys.get(i);
            }
        }
        BytesRef key = key(collator, title);
        collators.add(collator);
        titles.add(title);
        keys.add(key);
        return key;
    }

    /** A copy: the key buffer is reused, and the writer reads field values only when the document is added. */
    private BytesRef key(Collator collator, String title) {
        collator.getRawCollationKey(title, key);
        return BytesRef.deepCopyOf(new BytesRef(key.bytes, 0, key.size));
    }
}
