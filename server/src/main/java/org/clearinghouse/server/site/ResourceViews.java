package org.clearinghouse.server.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.catalogue.CourseDetails;
import org.clearinghouse.server.catalogue.PolicyDetails;
import org.clearinghouse.server.catalogue.PracticeDetails;
import org.clearinghouse.server.catalogue.RegulationDetails;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ToolDetails;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.Fact;
import org.clearinghouse.web.view.Link;
import org.clearinghouse.web.view.ResourceCard;
import org.clearinghouse.web.view.ResourceView;
import org.clearinghouse.web.view.TranslationView;

/** A stored record as its page's view model: every field, labelled in the interface language. */
final class ResourceViews {
    private static final Map<String, String> PLATFORMS = Map.of("android", "Android", "ios", "iOS", "windows", "Windows",
            "macos", "macOS", "linux", "Linux", "chromeos", "ChromeOS");

    private final SitePages pages;
    private final Labels labels;

    ResourceViews(SitePages pages, Labels labels) {
        this.pages = pages;
        this.labels = labels;
    }

    ResourceView of(Resource resource, Lang lang, List<ResourceCard> related, String jsonLd) {
        ResourceContent c = resource.content();
        Messages t = pages.texts(lang);
        String base = "/" + lang.code();
        Translation own = c.originalLanguage().equals(lang.code()) ? null : c.translations().get(lang.code());
        boolean translatedTitle = own != null && own.title() != null && !own.title().isBlank();
        boolean translatedSummary = own != null && own.summary() != null && !own.summary().isBlank();
        String title = translatedTitle ? own.title() : c.title();
        String summary = translatedSummary ? own.summary() : c.summary();

        List<Fact> facts = new ArrayList<>();
        facts.add(fact(t.t("field.type"), new Link(labels.of("types", c.type(), lang), base + "/search?type=" + c.type())));
        add(facts, t.t("field.publisher"), c.publisher());
        add(facts, t.t("field.published"), c.published());
        facts.add(fact(t.t("field.originalLanguage"), new Link(labels.of("languages", c.originalLanguage(), lang), null)));
        facts.add(new Fact(t.t("field.languages"), c.languages().stream()
                .map(l -> new Link(labels.of("languages", l, lang), base + "/search?language=" + l)).toList()));
        if (!c.jurisdictions().isEmpty()) {
            facts.add(new Fact(t.t("field.jurisdictions"), c.jurisdictions().stream()
                    .map(j -> new Link(labels.of("countries", j, lang), base + "/countries/" + j)).toList()));
        }
        if (!resource.regions().isEmpty()) {
            facts.add(new Fact(t.t("field.regions"), resource.regions().stream()
                    .map(r -> new Link(labels.of("regions", r, lang), base + "/search?region=" + r)).toList()));
        }
        if (c.license() != null) {
            facts.add(fact(t.t("field.license"), new Link(labels.of("licenses", c.license(), lang), base + "/search?license=" + Query.encode(c.license()))));
        }
        addCodes(facts, t.t("field.themes"), "themes", "theme", c.themes(), lang, base);
        addCodes(facts, t.t("field.levels"), "levels", "level", c.levels(), lang, base);
        addCodes(facts, t.t("field.audiences"), "audiences", "audience", c.audiences(), lang, base);
        if (!c.sdg4Targets().isEmpty()) {
            facts.add(new Fact(t.t("field.sdg4"), c.sdg4Targets().stream()
                    .map(s -> new Link(s + " " + labels.of("sdg4_targets", s, lang), null)).toList()));
        }
        if (!c.keywords().isEmpty()) {
            facts.add(new Fact(t.t("field.keywords"), c.keywords().stream()
                    .map(k -> new Link(k, base + "/search?q=" + Query.encode(k), c.originalLanguage())).toList()));
        }
        facts.add(fact(t.t("field.url"), new Link(c.url(), c.url())));
        if (c.provenance() != null) {
            if (c.provenance().sourceUrl() != null) {
                facts.add(fact(t.t("field.source"), new Link(c.provenance().sourceUrl(), c.provenance().sourceUrl())));
            }
            add(facts, t.t("field.checked"), c.provenance().checked());
        }
        add(facts, t.t("field.added"), resource.createdAt() == null ? null : resource.createdAt().toString().substring(0, 10));
        add(facts, t.t("field.updated"), resource.updatedAt() == null ? null : resource.updatedAt().toString().substring(0, 10));

        List<TranslationView> translations = new ArrayList<>();
        c.translations().forEach((code, tr) -> translations.add(new TranslationView(labels.of("languages", code, lang), code,
                tr.title(), tr.summary(), tr.source() == null ? null : t.t("source." + tr.source()))));

        return new ResourceView(pages.meta(lang, title, "/resources/" + resource.slug(), null),
                labels.of("types", c.type(), lang), title, translatedTitle ? lang.code() : c.originalLanguage(),
                summary, translatedSummary ? lang.code() : c.originalLanguage(),
                translatedTitle ? c.title() : null, c.originalLanguage(), c.url(), facts,
                t.t("details." + c.type()), details(c, t, lang), translations, related,
                "/api/v1/resources/" + resource.slug(), "/api/v1/resources/" + resource.slug() + "?format=jsonld", jsonLd);
    }

    private List<Fact> details(ResourceContent c, Messages t, Lang lang) {
        List<Fact> facts = new ArrayList<>();
        switch (c.type()) {
            case "course" -> {
                CourseDetails d = c.course();
                if (d == null) {
                    break;
                }
                add(facts, t.t("course.provider"), d.provider());
                addKey(facts, t, "course.format", "course.format.", d.format());
                if (d.durationHours() != null) {
                    String hours = d.durationHours() % 1 == 0 ? String.valueOf(d.durationHours().longValue()) : String.valueOf(d.durationHours());
                    add(facts, t.t("course.duration"), t.t("course.hours", hours));
                }
                addKey(facts, t, "course.level", "course.level.", d.level());
                addKey(facts, t, "course.cost", "course.cost.", d.cost());
                addKey(facts, t, "course.certificate", "course.certificate.", d.certificate());
            }
            case "tool" -> {
                ToolDetails d = c.tool();
                if (d == null) {
                    break;
                }
                if (d.sourceCodeUrl() != null) {
                    facts.add(fact(t.t("tool.sourceCode"), new Link(d.sourceCodeUrl(), d.sourceCodeUrl())));
                }
                add(facts, t.t("tool.openSource"), yesNo(d.openSource(), t));
                if (d.platforms() != null && !d.platforms().isEmpty()) {
                    facts.add(new Fact(t.t("tool.platforms"), d.platforms().stream()
                            .map(p -> new Link(p.equals("web") ? t.t("tool.platform.web") : PLATFORMS.getOrDefault(p, p), null)).toList()));
                }
                add(facts, t.t("tool.offline"), yesNo(d.offlineCapable(), t));
                if (d.personalData() != null) {
                    add(facts, t.t("tool.personalData"), t.t("value." + d.personalData()));
                }
                if (d.minimumAge() != null) {
                    add(facts, t.t("tool.minimumAge"), t.t("tool.years", d.minimumAge()));
                }
            }
            case "policy" -> {
                PolicyDetails d = c.policy();
                if (d == null) {
                    break;
                }
                add(facts, t.t("policy.issuingBody"), d.issuingBody());
                addKey(facts, t, "policy.instrument", "instrument.", d.instrumentType());
                addKey(facts, t, "policy.status", "status.", d.status());
                add(facts, t.t("policy.adoptionDate"), d.adoptionDate());
            }
            case "regulation" -> {
                RegulationDetails d = c.regulation();
                if (d == null) {
                    break;
                }
                add(facts, t.t("regulation.authority"), d.issuingAuthority());
                add(facts, t.t("regulation.binding"), yesNo(d.binding(), t));
                add(facts, t.t("regulation.identifier"), d.legalIdentifier());
                add(facts, t.t("regulation.inForce"), d.inForceDate());
                addKey(facts, t, "regulation.status", "status.", d.status());
            }
            case "practice" -> {
                PracticeDetails d = c.practice();
                if (d == null) {
                    break;
                }
                addText(facts, t.t("practice.context"), d.context(), c.originalLanguage());
                addText(facts, t.t("practice.scale"), d.scaleReached(), c.originalLanguage());
                addText(facts, t.t("practice.outcomes"), d.outcomes(), c.originalLanguage());
                addKey(facts, t, "practice.evidence", "evidence.", d.evidenceType());
            }
            default -> { }
        }
        return facts;
    }

    private void addCodes(List<Fact> facts, String label, String vocabulary, String param, List<String> codes, Lang lang, String base) {
        if (!codes.isEmpty()) {
            facts.add(new Fact(label, codes.stream()
                    .map(code -> new Link(labels.of(vocabulary, code, lang), base + "/search?" + param + "=" + Query.encode(code))).toList()));
        }
    }

    private static String yesNo(Boolean value, Messages t) {
        return value == null ? null : t.t(value ? "value.yes" : "value.no");
    }

    private static void addKey(List<Fact> facts, Messages t, String labelKey, String valuePrefix, String code) {
        if (code != null) {
            facts.add(fact(t.t(labelKey), new Link(t.t(valuePrefix + code), null)));
        }
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(fact(label, new Link(value, null)));
        }
    }

    /** Free text of the record: in the record's own language, whatever the interface's. */
    private static void addText(List<Fact> facts, String label, String value, String lang) {
        if (value != null && !value.isBlank()) {
            facts.add(fact(label, new Link(value, null, lang)));
        }
    }

    private static Fact fact(String label, Link value) {
        return new Fact(label, List.of(value));
    }
}
