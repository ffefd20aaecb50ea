package org.clearinghouse.indexer;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RawCollationKey;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
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
            collators.put(lang, collator(new ULocale(lang)));
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
        for (String lang : Schema.ANALYZED_LANGUAGES) {
            LocalizedText text = texts.get(lang);
            String title = text != null && !text.title().isBlank() ? text.title() : originalTitle;
            doc.add(new SortedDocValuesField(Schema.titleSort(lang), key(collators.get(lang), title)));
        }
        doc.add(new SortedDocValuesField(Schema.TITLE_SORT_ORIGINAL, key(root, originalTitle)));
    }

    /** A copy: the key buffer is reused, and the writer reads field values only when the document is added. */
    private BytesRef key(Collator collator, String title) {
        collator.getRawCollationKey(title, key);
        return BytesRef.deepCopyOf(new BytesRef(key.bytes, 0, key.size));
    }
}
