package org.clearinghouse.web.view;

import java.util.List;

/**
 * A record's page. {@code title}/{@code summary} are in the interface language when the record has that
 * translation ({@code originalTitle} is then the original); {@code jsonLd} is schema.org JSON already made safe
 * for a script element.
 */
public record ResourceView(PageMeta page, String typeLabel, String title, String titleLang, String summary,
                           String summaryLang, String originalTitle, String originalLang, String url, List<Fact> facts,
                           String detailsHeading, List<Fact> details, List<TranslationView> translations,
                           List<ResourceCard> related, String jsonHref, String jsonLdHref, String jsonLd) {
}
