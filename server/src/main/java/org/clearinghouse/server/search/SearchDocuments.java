package org.clearinghouse.server.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clearinghouse.indexer.LocalizedText;
import org.clearinghouse.indexer.SearchDocument;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.vocabulary.Vocabularies;

/** What the index is told about a record: its texts in every language, its facets, its change sequence. */
public final class SearchDocuments {
    private final Vocabularies vocabularies;

    public SearchDocuments(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public SearchDocument of(Resource resource) {
        ResourceContent c = resource.content();
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        c.translations().forEach((language, t) -> texts.put(language, new LocalizedText(t.title(), t.summary())));
        texts.put(c.originalLanguage(), new LocalizedText(c.title(), c.summary()));
        return new SearchDocument(resource.id().toString(), resource.slug(), c.type(), c.originalLanguage(), texts,
                c.url(), c.publisher(), c.jurisdictions(), resource.regions(), c.languages(), c.themes(), c.levels(),
                c.audiences(), c.license(), c.publishedYear(), isOpen(c), c.keywords(), resource.changeSeq());
    }

    /** Open licence, open-source tool, or course free of cost: what a teacher with no budget can use. */
    boolean isOpen(ResourceContent c) {
        return vocabularies.isOpenLicense(c.license())
                || c.tool() != null && Boolean.TRUE.equals(c.tool().openSource())
                || c.course() != null && "free".equals(c.course().cost());
    }
}
