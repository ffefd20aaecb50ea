package org.clearinghouse.server.site;

import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.search.ResultSummary;
import org.clearinghouse.web.Html;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.view.ResourceCard;

/** Search results as cards: highlighted (the index escapes them) or escaped here; never raw record text. */
final class Cards {
    private static final int MAX_COUNTRIES = 3;
    private final Labels labels;

    Cards(Labels labels) {
        this.labels = labels;
    }

    List<ResourceCard> of(List<ResultSummary> results, Lang lang) {
        return results.stream().map(r -> of(r, lang)).toList();
    }

    ResourceCard of(ResultSummary r, Lang lang) {
        String titleHtml = highlighted(r, "title", r.title());
        String summaryHtml = highlighted(r, "summary", r.summary());
        List<String> meta = new ArrayList<>();
        if (r.year() != null) {
            meta.add(String.valueOf(r.year()));
        }
        if (r.publisher() != null && !r.publisher().isBlank()) {
            meta.add(r.publisher());
        }
        List<String> countries = r.countries() == null ? List.of() : r.countries();
        List<String> names = labels.all("countries", countries.stream().limit(MAX_COUNTRIES).toList(), lang);
        if (!names.isEmpty()) {
            meta.add(String.join(", ", names) + (countries.size() > MAX_COUNTRIES ? " …" : ""));
        }
        return new ResourceCard("/" + lang.code() + "/resources/" + r.slug(), labels.of("types", r.type(), lang),
                titleHtml, r.titleLanguage(), summaryHtml, r.summaryLanguage() == null ? r.titleLanguage() : r.summaryLanguage(),
                String.join(" · ", meta));
    }

    /** The index's highlight (already escaped, with {@code <mark>}) when it has one, else the escaped text. */
    private static String highlighted(ResultSummary r, String field, String plain) {
        String marked = r.highlights() == null ? null : r.highlights().get(field);
        return marked != null && !marked.isEmpty() ? marked : Html.escape(plain == null ? "" : plain);
    }
}
