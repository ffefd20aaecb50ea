package org.clearinghouse.server.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.clearinghouse.indexer.FacetCount;
import org.clearinghouse.indexer.Hit;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.indexer.InvalidCursorException;
import org.clearinghouse.indexer.InvalidQueryException;
import org.clearinghouse.indexer.InvalidSearchRequestException;
import org.clearinghouse.indexer.SearchRequest;
import org.clearinghouse.indexer.SearchResult;
import org.clearinghouse.indexer.SortOrder;
import org.clearinghouse.indexer.Suggestion;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Texts;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Search, listing, suggestions and related records over the index. Checks every parameter against the
 * vocabularies first, so a mistyped filter is a clear error rather than an empty page. Knows nothing of HTTP.
 */
public final class SearchService {
    public static final int MAX_QUERY_LENGTH = 1000;
    /** Filter parameter to the vocabulary its values come from. */
    private static final Map<String, String> FILTERS = orderedMap(
            "type", "types", "country", "countries", "region", "regions", "language", "languages", "theme", "themes",
            "level", "levels", "audience", "audiences", "license", "licenses");

    private final IndexService index;
    private final ResourceRepository repository;
    private final Vocabularies vocabularies;

    public SearchService(IndexService index, ResourceRepository repository, Vocabularies vocabularies) {
        this.index = index;
        this.repository = repository;
        this.vocabularies = vocabularies;
    }

    /** Parameters as they came, each possibly repeated. */
    public SearchResponse search(Map<String, List<String>> params) {
        SearchRequest request = request(params, null);
        String lang = request.lang();
        SearchResult result = run(request);
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        result.facets().forEach((dimension, counts) -> facets.put(dimension, label(dimension, counts, lang)));
        return new SearchResponse(result.total(), result.hits().stream().map(SearchService::summary).toList(), facets,
                result.nextCursor(), result.suggestion());
    }

    /** The newest-first listing of published records (full records), served by the index. */
    public Listing list(Map<String, List<String>> params) {
        SearchRequest request = request(params, SortOrder.NEWEST);
        SearchResult result = run(request);
        List<UUID> ids = result.hits().stream().map(h -> UUID.fromString(h.id())).toList();
        return new Listing(result.total(), repository.findByIds(ids), result.nextCursor());
    }

    /**
     * Every record matching a search, paging ignored, in result order: a source that hands its sink one page of
     * full records at a time. Parameters are checked now, before anything is written.
     */
    public Consumer<Consumer<List<Resource>>> allMatches(Map<String, List<String>> params) {
        Map<String, List<String>> unpaged = new LinkedHashMap<>(params);
        unpaged.remove("cursor");
        unpaged.put("limit", List.of(String.valueOf(SearchRequest.MAX_LIMIT)));
        SearchRequest first = request(unpaged, null);
        return sink -> {
            String cursor = null;
            do {
                SearchResult page = run(withCursor(first, cursor));
                sink.accept(repository.findByIds(page.hits().stream().map(h -> UUID.fromString(h.id())).toList()));
                cursor = page.nextCursor();
            } while (cursor != null);
        };
    }

    private static SearchRequest withCursor(SearchRequest r, String cursor) {
        return new SearchRequest(r.q(), r.lang(), r.type(), r.country(), r.region(), r.language(), r.theme(), r.level(),
                r.audience(), r.license(), r.yearFrom(), r.yearTo(), r.open(), r.sort(), r.limit(), cursor);
    }

    public List<Suggestion> suggest(String prefix, String lang, String limit) {
        if (prefix == null || prefix.isBlank()) {
            throw new BadParameterException("q", "is required: the beginning of a word or title");
        }
        if (prefix.length() > 200) {
            throw new BadParameterException("q", "must be at most 200 characters");
        }
        return index.suggest(prefix, language(lang), intParam("limit", limit, 10, 1, 10));
    }

    public List<ResultSummary> related(Resource resource, String lang, String limit) {
        if (!resource.isPublished()) {
            throw new NotFoundException("no published resource '" + resource.slug() + "'");
        }
        return index.related(resource.id().toString(), language(lang), intParam("limit", limit, 10, 1, 50))
                .stream().map(SearchService::summary).toList();
    }

    private SearchResult run(SearchRequest request) {
        try {
            return index.search(request);
        } catch (InvalidCursorException e) {
            throw new BadParameterException("cursor", e.getMessage());
        } catch (InvalidQueryException e) {
            throw new BadParameterException("q", e.getMessage());
        } catch (InvalidSearchRequestException e) {
            throw new BadParameterException("request", e.getMessage());
        }
    }

    private SearchRequest request(Map<String, List<String>> params, SortOrder forcedSort) {
        String q = single(params, "q");
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new BadParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        FILTERS.forEach((name, vocabulary) -> filters.put(name, codes(params, name, vocabulary)));
        Integer yearFrom = optionalInt(params, "year_from");
        Integer yearTo = optionalInt(params, "year_to");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new BadParameterException("year_to", "must not be before year_from");
        }
        try {
            return SearchRequest.builder()
                    .q(q)
                    .lang(language(single(params, "lang")))
                    .type(filters.get("type")).country(filters.get("country")).region(filters.get("region"))
                    .language(filters.get("language")).theme(filters.get("theme")).level(filters.get("level"))
                    .audience(filters.get("audience")).license(filters.get("license"))
                    .yearFrom(yearFrom).yearTo(yearTo)
                    .open(bool(params, "open"))
                    .sort(forcedSort != null ? forcedSort : sort(single(params, "sort")))
                    .limit(intParam("limit", single(params, "limit"), 20, 1, SearchRequest.MAX_LIMIT))
                    .cursor(blankToNull(single(params, "cursor")))
                    .build();
        } catch (InvalidSearchRequestException e) {
            throw new BadParameterException("request", e.getMessage());
        }
    }

    private List<String> codes(Map<String, List<String>> params, String name, String vocabulary) {
        List<String> values = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            for (String value : raw.split(",")) {
                String code = value.trim();
                if (code.isEmpty()) {
                    continue;
                }
                if (name.equals("country")) {
                    code = code.toUpperCase(Locale.ROOT);
                    if (!vocabularies.isJurisdiction(code)) {
                        throw new BadParameterException(name, "'" + Texts.abbreviate(code)
                                + "' is neither an ISO 3166-1 alpha-2 country code nor a known regional or international body");
                    }
                } else if (!vocabularies.codes(vocabulary).contains(code)) {
                    throw new BadParameterException(name, "'" + Texts.abbreviate(code) + "' is not in the " + vocabulary
                            + " vocabulary (see /api/v1/vocabularies)");
                }
                values.add(code);
            }
        }
        if (values.size() > 50) {
            throw new BadParameterException(name, "at most 50 values may be given");
        }
        return values;
    }

    private String language(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!vocabularies.codes("languages").contains(code)) {
            throw new BadParameterException("lang", "'" + Texts.abbreviate(lang) + "' is not an ISO 639-1 language code");
        }
        return code;
    }

    private static SortOrder sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        try {
            return SortOrder.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort", "must be one of relevance, newest, oldest, title");
        }
    }

    private static Boolean bool(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadParameterException(name, "must be true or false");
        };
    }

    private static Integer optionalInt(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        return value == null || value.isBlank() ? null : intParam(name, value, 0, 1000, 9999);
    }

    static int intParam(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(name, "must be a whole number from " + min + " to " + max + ", got '"
                + Texts.abbreviate(value) + "'");
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadParameterException(name, "may be given only once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private List<FacetValue> label(String dimension, List<FacetCount> counts, String lang) {
        String vocabulary = FILTERS.get(dimension);
        return counts.stream().map(c -> new FacetValue(c.value(),
                vocabulary == null ? c.value() : vocabularies.label(vocabulary, c.value(), lang), c.count())).toList();
    }

    private static ResultSummary summary(Hit hit) {
        return new ResultSummary(hit.id(), hit.slug(), hit.type(), hit.title(), hit.summary(), hit.textLanguage(),
                hit.summaryLanguage(), hit.url(),
                hit.countries(), hit.languages(), hit.year(), hit.publisher(), hit.license(), hit.open(), hit.highlights());
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The filter parameters the search accepts, for the API description. */
    public static Set<String> filterNames() {
        return FILTERS.keySet();
    }
}
