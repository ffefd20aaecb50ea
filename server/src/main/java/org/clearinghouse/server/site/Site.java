package org.clearinghouse.server.site;

import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.web.Assets;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.Renderer;

/** The web site's page controllers, built together; the route table registers their methods. */
public record Site(HomePage home, SearchPage search, ResourcePage resource, CountryPage country, ExplorePage explore,
                   InfoPages info, LanguageRedirects redirects, StaticFiles statics, SitePages pages) {

    public static Site create(SearchService search, Permalinks permalinks, SchemaOrgMapper schemaOrg,
                              Vocabularies vocabularies, SiteConfig config) {
        Assets assets = Assets.load();
        SitePages pages = new SitePages(new Renderer(), assets, Messages.loadAll(), config);
        Labels labels = new Labels(vocabularies);
        Cards cards = new Cards(labels);
        return new Site(new HomePage(pages, search, cards, labels), new SearchPage(pages, search, labels, cards),
                new ResourcePage(pages, permalinks, search, schemaOrg, new ResourceViews(pages, labels), cards),
                new CountryPage(pages, new CountryProfiles(pages, search, vocabularies, labels, cards)),
                new ExplorePage(pages, search), new InfoPages(pages), new LanguageRedirects(), new StaticFiles(assets), pages);
    }
}
