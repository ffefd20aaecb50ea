package org.clearinghouse.server.site;

import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.web.Assets;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.Renderer;

/** The web site's page controllers, built together; the route table registers their methods. */
public record Site(HomePage home, SearchPage search, ResourcePage resource, CountryPage country, ExplorePage explore,
                   InfoPages info, LanguageRedirects redirects, StaticFiles statics, AccountPages accounts,
                   ModerationPages moderation, TokensPage tokens, RecordFormPage forms, SitePages pages) {

    public static Site create(SearchService search, Permalinks permalinks, SchemaOrgMapper schemaOrg,
                              Vocabularies vocabularies, SiteConfig config, WorkflowService workflow,
                              Authentication authentication, ApiTokens apiTokens) {
        Assets assets = Assets.load();
        SitePages pages = new SitePages(new Renderer(), assets, Messages.loadAll(), config);
        Labels labels = new Labels(vocabularies);
        Cards cards = new Cards(labels);
        AccountPages accounts = new AccountPages(pages, authentication, workflow);
        return new Site(new HomePage(pages, search, cards, labels), new SearchPage(pages, search, labels, cards),
                new ResourcePage(pages, permalinks, search, schemaOrg, new ResourceViews(pages, labels), cards,
                        authentication, workflow),
                new CountryPage(pages, new CountryProfiles(pages, search, vocabularies, labels, cards)),
                new ExplorePage(pages, search), new InfoPages(pages), new LanguageRedirects(), new StaticFiles(assets), accounts,
                new ModerationPages(pages, authentication, workflow, accounts, labels),
                new TokensPage(pages, authentication, apiTokens, accounts),
                new RecordFormPage(pages, authentication, workflow, accounts,
                        new RecordForms(vocabularies, org.clearinghouse.server.Json.mapper()), org.clearinghouse.server.Json.mapper()), pages);
    }
}
