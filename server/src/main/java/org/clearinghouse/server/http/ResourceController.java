package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.identifiers.Permalinks;
import org.clearinghouse.server.linkeddata.JsonLd;
import org.clearinghouse.server.linkeddata.SchemaOrgMapper;
import org.clearinghouse.server.search.Listing;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.workflow.WorkflowService;

/** {@code /api/v1/resources}: HTTP in, HTTP out; the decisions are the services'. */
public final class ResourceController {
    private final WorkflowService workflow;
    private final Authentication authentication;
    private final JsonBodies bodies;
    private final SearchService search;
    private final Permalinks permalinks;
    private final SchemaOrgMapper schemaOrg;

    public ResourceController(WorkflowService workflow, SearchService search, Authentication authentication,
                              JsonBodies bodies, Permalinks permalinks, SchemaOrgMapper schemaOrg) {
        this.workflow = workflow;
        this.authentication = authentication;
        this.search = search;
        this.bodies = bodies;
        this.permalinks = permalinks;
        this.schemaOrg = schemaOrg;
    }

    /**
     * JSON, or schema.org JSON-LD when asked, with a strong ETag; 301 from a former slug; 410 for a withdrawn
     * record. Records that are not published exist only for moderators and the owning organisation.
     */
    public void get(Context ctx) {
        Optional<Principal> viewer = authentication.principal(ctx);
        boolean jsonLd = JsonLd.wanted(ctx.queryParam("format"), ctx.header("Accept"));
        ctx.header("Vary", "Accept");
        Permalinks.Lookup found = permalinks.lookup(ctx.pathParam("idOrSlug"),
                resource -> WorkflowService.canSee(viewer, resource));
        if (found instanceof Permalinks.Moved moved) {
            String query = ctx.queryString();
            ctx.status(301).header("Location", "/api/v1/resources/" + moved.slug() + (query == null ? "" : "?" + query));
        } else if (found instanceof Permalinks.Gone gone) {
            ctx.status(410).json(WithdrawnProblem.of(gone, ctx.path(), RequestIds.of(ctx)));
            ctx.contentType(Problem.CONTENT_TYPE);
        } else if (jsonLd) {
            Resource resource = ((Permalinks.Found) found).resource();
            // Another representation of the same state: its own strong tag, so caches never mix the two.
            ctx.header("ETag", resource.etag().replace("\"v", "\"ld-v"));
            ctx.contentType(JsonLd.MEDIA_TYPE).result(schemaOrg.describe(resource).toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            Resource resource = ((Permalinks.Found) found).resource();
            ctx.header("ETag", resource.etag()).json(resource);
        }
    }

    public void list(Context ctx) {
        Listing page = search.list(ctx.queryParamMap());
        ctx.json(new ListingResponse(page.total(), page.results(), page.nextCursor()));
    }

    /** A new record: 201 with Location and ETag; pending for contributors, published for moderators. */
    public void create(Context ctx) {
        Principal author = authentication.require(ctx);
        Resource created = workflow.submit(bodies.read(ctx), author, WriteRequests.context(ctx));
        ctx.status(201).header("Location", "/api/v1/resources/" + created.id()).header("ETag", created.etag()).json(created);
    }
}
