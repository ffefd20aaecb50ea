package org.clearinghouse.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.server.catalogue.CatalogueService;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.db.EmbeddedDatabase;
import org.clearinghouse.server.exchange.Exporter;
import org.clearinghouse.server.feeds.AtomFeeds;
import org.clearinghouse.server.feeds.Robots;
import org.clearinghouse.server.feeds.Sitemaps;
import org.clearinghouse.server.http.DiscoveryController;
import org.clearinghouse.server.http.HttpServer;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.http.JsonBodies;
import org.clearinghouse.server.http.OpenApiController;
import org.clearinghouse.server.http.ResourceController;
import org.clearinghouse.server.http.Routes;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.accounts.AccountAdmin;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.DemoAccounts;
import org.clearinghouse.server.accounts.Logins;
import org.clearinghouse.server.accounts.PasswordHasher;
import org.clearinghouse.server.accounts.Sessions;
import org.clearinghouse.server.http.AccountControllers;
import org.clearinghouse.server.http.AdminController;
import org.clearinghouse.server.http.AuditController;
import org.clearinghouse.server.http.SessionController;
import org.clearinghouse.server.http.TokenController;
import org.clearinghouse.server.limits.AbuseLimits;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.AuditRepository;
import org.clearinghouse.server.persistence.SessionRepository;
import org.clearinghouse.server.persistence.TokenRepository;
import org.clearinghouse.server.http.SearchController;
import org.clearinghouse.server.http.ImportController;
import org.clearinghouse.server.http.WorkflowController;
import org.clearinghouse.server.workflow.BulkImport;
import org.clearinghouse.server.persistence.WorkflowRepository;
import org.clearinghouse.server.workflow.DuplicateFinder;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.server.http.SystemController;
import org.clearinghouse.server.oai.OaiController;
import org.clearinghouse.server.oai.OaiService;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.search.IndexSync;
import org.clearinghouse.server.search.SearchDocuments;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.search.ThesaurusLoader;
import org.clearinghouse.server.seed.SeedLoader;
import org.clearinghouse.server.site.Site;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole clearinghouse, wired by hand in one place; closing it stops everything in reverse order. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final List<AutoCloseable> resources;
    private final HttpServer http;
    private final IndexService index;

    private Application(List<AutoCloseable> resources, HttpServer http, IndexService index) {
        this.resources = resources;
        this.http = http;
        this.index = index;
    }

    /** Starts on the configured database, or on an embedded PostgreSQL under the data directory. */
    public static Application start(AppConfig config) {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            return start(config, openDatabase(config, owned), owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /**
     * The configured database, or the embedded one under the data directory; what must be closed afterwards
     * (the pool, and the embedded server if any) is added to {@code owned}, last to close first.
     */
    public static Database openDatabase(AppConfig config, List<AutoCloseable> owned) {
        if (config.database().embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.storage().postgresDir(), false);
            owned.add(embedded);
            Database database = Database.open(embedded.jdbcUrl("postgres"), embedded.user(), null, config.database().poolSize());
            owned.add(database);
            return database;
        }
        Database database = Database.open(config.database().url().orElseThrow(), config.database().user().orElse(null),
                config.database().password().orElse(null), config.database().poolSize());
        owned.add(database);
        return database;
    }

    /** Closes in reverse order of opening, logging rather than throwing. */
    public static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }

    /** Starts on a database opened by the caller (tests); the application closes it on {@link #close()}. */
    public static Application start(AppConfig config, Database database, List<AutoCloseable> owned) {
        return start(config, database, owned, Clock.systemUTC());
    }

    /** As above, on a clock of the caller's (tests move it to expire sessions, tokens and lockouts). */
    public static Application start(AppConfig config, Database database, List<AutoCloseable> owned, Clock clock) {
        List<AutoCloseable> resources = new ArrayList<>(owned);
        if (!resources.contains(database)) {
            resources.add(database);
        }
        try {
            ObjectMapper mapper = Json.mapper();
            Vocabularies vocabularies = Vocabularies.load(mapper);
            ResourceValidator validator = new ResourceValidator(vocabularies);
            ResourceRepository repository = new ResourceRepository(database.dsl(), mapper);
            if (config.seed().loadOnStart()) {
                new SeedLoader(repository, validator, vocabularies, mapper).load();
            }
            IndexService index = IndexService.open(config.storage().indexDir(), ThesaurusLoader.load(mapper));
            resources.add(index);
            IndexSync sync = new IndexSync(index, repository, new SearchDocuments(vocabularies), config.search());
            resources.add(sync);
            sync.start();
            CatalogueService catalogue = new CatalogueService(repository);
            SearchService search = new SearchService(index, repository, vocabularies);
            JsonBodies bodies = new JsonBodies(mapper, config.http().maxBodyBytes());
            AccountControllers accounts = accounts(config, database, mapper, vocabularies, bodies, clock);
            Authentication authentication = accounts.authentication();
            WorkflowRepository revisions = new WorkflowRepository(database.dsl(), mapper, repository,
                    new AuditRepository(database.dsl(), mapper));
            DuplicateFinder duplicates = new DuplicateFinder(index);
            WorkflowService workflow = new WorkflowService(repository, revisions, validator, vocabularies, duplicates, mapper);
            Permalinks permalinks = new Permalinks(repository);
            SchemaOrgMapper schemaOrg = new SchemaOrgMapper(vocabularies, mapper, config.site());
            Routes routes = new Routes(
                    new ResourceController(workflow, search, authentication, bodies, permalinks, schemaOrg),
                    new SearchController(search, catalogue, new Exporter(mapper)),
                    new SystemController(database, vocabularies, mapper),
                    new OaiController(new OaiService(repository, vocabularies, mapper,
                            config.oai())),
                    new DiscoveryController(
                            new AtomFeeds(search, repository, vocabularies, config.site(), index::lastAppliedSequence),
                            new Sitemaps(repository, vocabularies, config.site()), new Robots(config.site())),
                    OpenApiController.fromClasspath(mapper), accounts,
                    new WorkflowController(workflow, authentication, bodies),
                    new ImportController(new BulkImport(workflow, revisions, repository, validator, duplicates, mapper),
                            authentication, mapper),
                    Site.create(search, permalinks, schemaOrg, vocabularies, config.site(), workflow, authentication,
                            new ApiTokens(new TokenRepository(database.dsl(), new AuditRepository(database.dsl(), mapper)), clock)));
            HttpServer http = HttpServer.start(config.http(), routes, mapper);
            resources.add(http);
            LOG.info("clearinghouse listening on http://localhost:{}", http.port());
            return new Application(resources, http, index);
        } catch (IOException e) {
            closeAll(resources);
            throw new UncheckedIOException("could not open the search index in " + config.storage().indexDir(), e);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Accounts, sessions, tokens, rate limits and the audit trail's reader; on the embedded default start also
     * the demo accounts when no account exists yet.
     */
    private static AccountControllers accounts(AppConfig config, Database database, ObjectMapper mapper,
                                               Vocabularies vocabularies, JsonBodies bodies, Clock clock) {
        AuditRepository audit = new AuditRepository(database.dsl(), mapper);
        AccountRepository accountRows = new AccountRepository(database.dsl(), audit);
        PasswordHasher hasher = new PasswordHasher();
        AccountAdmin admin = new AccountAdmin(accountRows, hasher, vocabularies);
        if (config.accounts().demoAccounts()) {
            DemoAccounts.createIfNoAccounts(admin);
        }
        AbuseLimits limits = new AbuseLimits(config.limits(), clock);
        Logins logins = new Logins(accountRows, hasher, audit, limits, config.accounts(), clock);
        Sessions sessions = new Sessions(new SessionRepository(database.dsl(), audit), logins, config.accounts(), clock);
        sessions.purgeStale();
        ApiTokens tokens = new ApiTokens(new TokenRepository(database.dsl(), audit), clock);
        Authentication authentication = new Authentication(tokens, sessions, logins, audit, limits, config.accounts());
        return new AccountControllers(new SessionController(authentication, bodies),
                new TokenController(tokens, authentication, bodies), new AdminController(admin, authentication, bodies),
                new AuditController(audit, authentication), authentication);
    }

    /** The search index this application serves from: the benchmark measures it raw, beside the API. */
    public IndexService searchIndex() {
        return index;
    }

    public int port() {
        return http.port();
    }

    /** Every HTTP endpoint the server registered (method and path), e.g. to check the API description against. */
    public List<HttpServer.Route> routes() {
        return http.routes();
    }

    @Override
    public void close() {
        closeAll(resources);
    }
}
