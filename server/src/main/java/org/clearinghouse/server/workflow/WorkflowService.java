package org.clearinghouse.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.ForbiddenException;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.UnauthorizedException;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.Ids;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Slugs;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.catalogue.Texts;
import org.clearinghouse.server.catalogue.Validation;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.persistence.NewRevision;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.WorkflowRepository;
import org.clearinghouse.server.persistence.WorkflowTx;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Contribution and moderation: submitting, editing, deciding, withdrawing and validating records, and reading
 * their revisions. Knows nothing of HTTP; every write runs in one transaction with its audit line.
 *
 * <p>Who may do what: a contributor submits, and edits only records of their own organisation (records of
 * others: 403 when published, otherwise 404 as if they did not exist); moderators edit any record and alone
 * decide (contributors: 403). Records with no organisation (seed records, the operator's imports) are edited by
 * moderators only. A moderator's own submission or edit is published at once, recorded as a revision approved by
 * its author and audited: moderators are the catalogue's trusted curators, and a small deployment may have
 * only one of them, who could otherwise never publish their own work.
 *
 * <p>States of a record: {@code pending} (never published, awaiting a decision), {@code changes_requested},
 * {@code rejected}, {@code published}, {@code withdrawn}. An edit of a published record is a pending revision;
 * the published content stays visible and searchable until a moderator approves the revision.
 */
public final class WorkflowService {
    public static final int MAX_COMMENT = 4000;
    private static final int DEFAULT_LIMIT = 20;

    private final ResourceRepository resources;
    private final WorkflowRepository workflow;
    private final ResourceValidator validator;
    private final Vocabularies vocabularies;
    private final DuplicateFinder duplicates;
    private final ObjectMapper mapper;

    public WorkflowService(ResourceRepository resources, WorkflowRepository workflow, ResourceValidator validator,
                           Vocabularies vocabularies, DuplicateFinder duplicates, ObjectMapper mapper) {
        this.resources = resources;
        this.workflow = workflow;
        this.validator = validator;
        this.vocabularies = vocabularies;
        this.duplicates = duplicates;
        this.mapper = mapper;
    }

    /** A write's result: the record afterwards (its {@link Resource#etag()} is the new ETag) and the revision written. */
    public record Outcome(Resource resource, Revision revision) {
    }

    // ---- visibility ----

    /**
     * Whether a caller sees this record: published ones are everyone's; the others exist only for moderators and
     * the owning organisation (a withdrawn record is "gone" for everyone else).
     */
    public static boolean canSee(Optional<Principal> viewer, Resource resource) {
        return resource.isPublished() || viewer.map(p -> p.role().canModerate() || owns(p, resource)).orElse(false);
    }

    static boolean owns(Principal principal, Resource resource) {
        return resource.organisationId() != null && resource.organisationId() == principal.organisationId();
    }

    /** Moderators and the owning organisation pass; others get 403 on a public record and 404 on a hidden one. */
    static void requireOwnerOrModerator(Principal principal, Resource resource) {
        if (principal.role().canModerate() || owns(principal, resource)) {
            return;
        }
        if (resource.isPublished() || Status.WITHDRAWN.equals(resource.status())) {
            throw new ForbiddenException(resource.organisationId() == null
                    ? "this record belongs to the catalogue: only moderators change it or read its revisions"
                    : "this record belongs to another organisation");
        }
        throw notFound(resource.id().toString());
    }

    private static void requireModerator(Principal principal, String what) {
        if (!principal.role().canModerate()) {
            throw new ForbiddenException("only moderators " + what);
        }
    }

    // ---- submit and edit ----

    /** A new record: pending (a moderator's: published at once), with its first revision. */
    public Resource submit(JsonNode body, Principal author, RequestContext request) {
        ResourceContent content = validated(body, null);
        checkUrl(content, null);
        UUID id = UUID.randomUUID();
        String slug = chooseSlug(body.path("slug").asText(null), content, id);
        return create(id, slug, content, author, null, duplicates.find(content, null), "resource.submit", Map.of(), request)
                .resource();
    }

    /** Stores a validated new record and its revision 1 (also the bulk import's path). */
    Outcome create(UUID id, String slug, ResourceContent content, Principal author, String externalId,
                   List<DuplicateWarning> warnings, String action, Map<String, Object> extra, RequestContext request) {
        boolean moderator = author.role().canModerate();
        String state = moderator ? Status.PUBLISHED : Status.PENDING;
        Resource created = workflow.inTransaction(tx -> {
            Resource stored = tx.insertResource(id, slug, state, content, vocabularies.regionsOf(content.jurisdictions()),
                    author.organisationId(), externalId);
            tx.insertRevision(new NewRevision(id, 1, content, author, state, moderator, warnings));
            Map<String, Object> detail = detail("revision", 1, "state", state, "self_approved", moderator,
                    "duplicate_warnings", warnings.size(), "external_id", externalId);
            detail.putAll(extra);
            tx.audit(AuditEvent.by(author, action, "resource", id.toString(), request, detail));
            return stored;
        });
        return new Outcome(created, workflow.revision(id, 1).orElseThrow());
    }

    /**
     * A new version of a record (the whole record): a pending revision; the published content stays until it is
     * approved. On a record never published, the record follows the new content and is pending again.
     */
    public Outcome edit(String idOrSlug, JsonNode body, Principal author, Precondition precondition, RequestContext request) {
        Resource resource = find(idOrSlug);
        requireOwnerOrModerator(author, resource);
        ResourceContent content = validated(body, resource);
        checkUrl(content, resource.id());
        List<DuplicateWarning> warnings = duplicates.find(content, resource.id());
        return revise(resource.id(), content, author, precondition, warnings, null, "resource.edit", Map.of(), request);
    }

    /**
     * The submitter answers a change request on revision {@code n} ({@code {"reply": ..., "record": {...}}}, the
     * record optional: without it the same content goes back to review) and resubmits: a new pending revision.
     */
    public Outcome resubmit(String idOrSlug, int n, JsonNode body, Principal author, Precondition precondition,
                            RequestContext request) {
        Resource resource = find(idOrSlug);
        requireOwnerOrModerator(author, resource);
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException(List.of(new FieldError("(body)", "must be a JSON object with reply and, optionally, record")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("reply") && !name.equals("record")) {
                errors.add(new FieldError(name, "is not a field of a resubmission (reply, record)"));
            }
        });
        String reply = text(body.get("reply"), "reply", true, errors);
        ResourceContent content = null;
        if (body.hasNonNull("record")) {
            try {
                content = validated(body.get("record"), resource);
            } catch (ValidationException e) {
                e.errors().forEach(error -> errors.add(new FieldError("record." + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Revision answered = workflow.revision(resource.id(), n).orElseThrow(() -> noRevision(resource, n));
        ResourceContent resubmitted = content == null ? answered.content() : content;
        checkUrl(resubmitted, resource.id());
        List<DuplicateWarning> warnings = duplicates.find(resubmitted, resource.id());
        return revise(resource.id(), resubmitted, author, precondition, warnings, new Reply(n, reply), "revision.resubmit",
                Map.of(), request);
    }

    record Reply(int n, String text) {
    }

    Outcome revise(UUID id, ResourceContent content, Principal author, Precondition precondition,
                   List<DuplicateWarning> warnings, Reply reply, String action, Map<String, Object> extra,
                   RequestContext request) {
        boolean moderator = author.role().canModerate();
        return workflow.inTransaction(tx -> {
            Resource current = locked(tx, id, precondition);
            if (Status.WITHDRAWN.equals(current.status()) || Status.REJECTED.equals(current.status())) {
                throw new ConflictException("status", "the record is " + current.status() + ": it takes no new revisions", null);
            }
            List<Revision> revisions = tx.revisions(id);
            int last = revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1).n();
            if (reply != null) {
                Revision answered = revisions.stream().filter(r -> r.n() == reply.n()).findFirst()
                        .orElseThrow(() -> noRevision(current, reply.n()));
                if (!Status.CHANGES_REQUESTED.equals(answered.state()) || answered.n() != last) {
                    throw new ConflictException("state", "revision " + reply.n() + " is " + answered.state()
                            + (answered.n() != last ? " and not the latest" : "") + ": only the latest revision with changes requested is resubmitted", null);
                }
                tx.reply(id, reply.n(), reply.text());
            }
            if (revisions.isEmpty()) {
                // A record from before revisions (seed, operator import): its current content becomes revision 1.
                tx.insertRevision(new NewRevision(id, 1, current.content(), null, current.status(), false, List.of()));
                last = 1;
            }
            int n = last + 1;
            List<Integer> superseded = tx.moveRevisions(id, Status.PENDING, "superseded");
            String state = moderator ? Status.PUBLISHED : Status.PENDING;
            List<String> regions = vocabularies.regionsOf(content.jurisdictions());
            if (moderator) {
                superseded = new ArrayList<>(superseded);
                superseded.addAll(tx.moveRevisions(id, Status.PUBLISHED, "superseded"));
                tx.insertRevision(new NewRevision(id, n, content, author, state, true, warnings));
                tx.replaceContent(id, content, regions, Status.PUBLISHED);
            } else {
                tx.insertRevision(new NewRevision(id, n, content, author, state, false, warnings));
                if (current.isPublished()) {
                    tx.touch(id);
                } else {
                    tx.replaceContent(id, content, regions, Status.PENDING);
                }
            }
            Map<String, Object> detail = detail("revision", n, "state", state, "self_approved", moderator,
                    "superseded", superseded, "replied_to", reply == null ? null : reply.n(),
                    "duplicate_warnings", warnings.size());
            detail.putAll(extra);
            tx.audit(AuditEvent.by(author, action, "resource", id.toString(), request, detail));
            return outcome(tx, id, n);
        });
    }

    // ---- moderation ----

    /** A moderator's decision on pending revision {@code n}; reject and request-changes need a comment. */
    public Outcome decide(String idOrSlug, int n, Decision decision, String comment, Principal moderator,
                          Precondition precondition, RequestContext request) {
        requireModerator(moderator, "decide on revisions");
        String said = checkedComment(comment, decision.commentRequired());
        Resource resource = find(idOrSlug);
        return workflow.inTransaction(tx -> {
            Resource current = locked(tx, resource.id(), precondition);
            Revision revision = tx.revisions(current.id()).stream().filter(r -> r.n() == n).findFirst()
                    .orElseThrow(() -> noRevision(current, n));
            if (!Status.PENDING.equals(revision.state())) {
                throw new ConflictException("state", "revision " + n + " is " + revision.state() + ": only pending revisions are decided", null);
            }
            UUID id = current.id();
            switch (decision) {
                case APPROVE -> {
                    tx.moveRevisions(id, Status.PUBLISHED, "superseded");
                    tx.decide(id, n, Status.PUBLISHED, decision.code(), said, moderator);
                    tx.replaceContent(id, revision.content(), vocabularies.regionsOf(revision.content().jurisdictions()),
                            Status.PUBLISHED);
                }
                case REJECT, REQUEST_CHANGES -> {
                    tx.decide(id, n, decision.state(), decision.code(), said, moderator);
                    if (current.isPublished()) {
                        tx.touch(id);
                    } else {
                        tx.setStatus(id, decision.state());
                    }
                }
            }
            tx.audit(AuditEvent.by(moderator, "revision." + decision.code(), "resource", id.toString(), request,
                    detail("revision", n, "state", decision.state(), "comment", said)));
            return outcome(tx, id, n);
        });
    }

    /** A moderator takes a published record out of the catalogue (410 for the public from then on). */
    public Outcome withdraw(String idOrSlug, String comment, Principal moderator, Precondition precondition,
                            RequestContext request) {
        requireModerator(moderator, "withdraw records");
        String said = checkedComment(comment, true);
        Resource resource = find(idOrSlug);
        return workflow.inTransaction(tx -> {
            Resource current = locked(tx, resource.id(), precondition);
            if (!current.isPublished()) {
                throw new ConflictException("status", "the record is " + current.status() + ": only published records are withdrawn", null);
            }
            UUID id = current.id();
            List<Integer> withdrawn = tx.withdrawPublished(id, moderator, said);
            List<Integer> superseded = tx.moveRevisions(id, Status.PENDING, "superseded");
            tx.setStatus(id, Status.WITHDRAWN);
            tx.audit(AuditEvent.by(moderator, "resource.withdraw", "resource", id.toString(), request,
                    detail("revisions", withdrawn, "superseded", superseded, "state", Status.WITHDRAWN, "comment", said)));
            return outcome(tx, id, withdrawn.isEmpty() ? -1 : withdrawn.get(0));
        });
    }

    /**
     * "Validated by member state": a national contact point marks a published policy or regulation of its country
     * as reviewed. The mark names who and when; an approved edit of the record removes it (the content changed).
     */
    public Outcome validate(String idOrSlug, Principal reviewer, Precondition precondition, RequestContext request) {
        Resource resource = find(idOrSlug);
        if (!List.of("policy", "regulation").contains(resource.content().type())) {
            throw new ConflictException("type", "only policies and regulations are validated by member states", null);
        }
        String country = resource.content().jurisdictions().stream().filter(reviewer::isNationalContactPointFor).findFirst()
                .orElseThrow(() -> new ForbiddenException("only the national contact point of a country the record concerns ("
                        + String.join(", ", resource.content().jurisdictions()) + ") validates it"));
        String organisation = workflow.organisationName(reviewer.organisationId()).orElse("");
        return workflow.inTransaction(tx -> {
            Resource current = locked(tx, resource.id(), precondition);
            if (!current.isPublished()) {
                throw new ConflictException("status", "the record is " + current.status() + ": only published records are validated", null);
            }
            Validation validation = new Validation(reviewer.displayName(), organisation, country,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            tx.validate(current.id(), reviewer, validation);
            tx.audit(AuditEvent.by(reviewer, "resource.validate", "resource", current.id().toString(), request,
                    detail("country", country, "organisation", organisation)));
            return outcome(tx, current.id(), -1);
        });
    }

    // ---- reading revisions ----

    /** A record for a caller, or 404 as if it did not exist. */
    public Resource visible(String idOrSlug, Optional<Principal> viewer) {
        Resource resource = find(idOrSlug);
        if (!canSee(viewer, resource)) {
            throw notFound(idOrSlug);
        }
        return resource;
    }

    /**
     * A record's history, oldest first. Revisions are working documents (drafts, rejected versions, the dialogue
     * between submitter and moderator, people's names): moderators and the owning organisation read them; the
     * public sees the published record only.
     */
    public HistoryView history(String idOrSlug, Optional<Principal> viewer) {
        Resource resource = readable(idOrSlug, viewer);
        return new HistoryView(resource, workflow.revisions(resource.id()).stream().map(Revision::summary).toList());
    }

    /** A record (for its ETag) with its revisions. */
    public record HistoryView(Resource resource, List<RevisionSummary> revisions) {
    }

    /** A record (for its ETag) with one revision. */
    public record RevisionView(Resource resource, Revision revision) {
    }

    public RevisionView revision(String idOrSlug, int n, Optional<Principal> viewer) {
        Resource resource = readable(idOrSlug, viewer);
        return new RevisionView(resource, workflow.revision(resource.id(), n).orElseThrow(() -> noRevision(resource, n)));
    }

    /** What changed from revision {@code against} (default: the one before) to revision {@code n}. */
    public Diff diff(String idOrSlug, int n, Integer against, Optional<Principal> viewer) {
        Resource resource = readable(idOrSlug, viewer);
        int from = against == null ? n - 1 : against;
        Revision after = workflow.revision(resource.id(), n).orElseThrow(() -> noRevision(resource, n));
        if (from < 1) {
            throw new org.clearinghouse.server.catalogue.BadParameterException("against",
                    "revision " + n + " is the first: name another revision to compare with");
        }
        Revision before = workflow.revision(resource.id(), from)
                .orElseThrow(() -> new org.clearinghouse.server.catalogue.BadParameterException("against", "no revision " + from));
        return new Diff(resource.id(), from, n, Diffs.between(mapper.valueToTree(before.content()), mapper.valueToTree(after.content())));
    }

    private Resource readable(String idOrSlug, Optional<Principal> viewer) {
        Principal principal = viewer.orElseThrow(() -> new UnauthorizedException(
                "revisions are read by moderators and the owning organisation: send Authorization: Bearer <personal API token>"));
        Resource resource = find(idOrSlug);
        requireOwnerOrModerator(principal, resource);
        return resource;
    }

    /** The caller's revisions ({@code mine}) or their organisation's, newest first, with state and comments. */
    public Page<Submission> submissions(Principal principal, boolean mine, String limit, String cursor) {
        int size = limit(limit);
        int offset = Cursors.offset(cursor);
        List<Submission> page = workflow.submissions(mine ? principal.accountId() : null, principal.organisationId(), offset, size + 1);
        return Cursors.page(page, offset, size);
    }

    /** Pending revisions for moderators, oldest first. */
    public Page<QueueItem> queue(Principal principal, String type, String country, String organisation, String limit,
                                 String cursor) {
        requireModerator(principal, "see the moderation queue");
        if (type != null && !vocabularies.codes("types").contains(type)) {
            throw new org.clearinghouse.server.catalogue.BadParameterException("type", "unknown type '" + Texts.abbreviate(type) + "'");
        }
        if (country != null && !vocabularies.isJurisdiction(country)) {
            throw new org.clearinghouse.server.catalogue.BadParameterException("country", "unknown country or body '" + Texts.abbreviate(country) + "'");
        }
        Long organisationId = null;
        if (organisation != null) {
            try {
                organisationId = Long.parseLong(organisation);
            } catch (NumberFormatException e) {
                throw new org.clearinghouse.server.catalogue.BadParameterException("organisation", "must be an organisation id (a number)");
            }
        }
        int size = limit(limit);
        int offset = Cursors.offset(cursor);
        return Cursors.page(workflow.queue(new QueueFilter(type, country, organisationId), offset, size + 1), offset, size);
    }

    // ---- helpers ----

    Resource find(String idOrSlug) {
        Optional<Resource> found = Ids.parse(idOrSlug).map(resources::findById)
                .orElseGet(() -> idOrSlug.length() <= 200 ? resources.findBySlug(idOrSlug) : Optional.empty());
        return found.orElseThrow(() -> notFound(idOrSlug));
    }

    private static NotFoundException notFound(String idOrSlug) {
        return new NotFoundException("no resource with id or slug '" + Texts.abbreviate(idOrSlug) + "'");
    }

    private static NotFoundException noRevision(Resource resource, int n) {
        return new NotFoundException("resource " + resource.id() + " has no revision " + n);
    }

    private static Resource locked(WorkflowTx tx, UUID id, Precondition precondition) {
        Resource current = tx.lock(id).orElseThrow(() -> notFound(id.toString()));
        if (precondition != null && !precondition.matches(current.etag())) {
            throw new PreconditionFailedException("the record changed since you read it (now " + current.etag()
                    + "): read it again, redo your change on the current version and send its ETag in If-Match", current.etag());
        }
        return current;
    }

    private Outcome outcome(WorkflowTx tx, UUID id, int n) {
        Resource after = tx.reload(id);
        Revision revision = n < 1 ? null : tx.revisions(id).stream().filter(r -> r.n() == n).findFirst().orElse(null);
        return new Outcome(after, revision);
    }

    /** Validates a whole record; on an edit, {@code id} and {@code slug} may be sent but must be the record's. */
    ResourceContent validated(JsonNode body, Resource existing) {
        List<FieldError> errors = new ArrayList<>(validator.validate(body));
        if (body != null && body.has("id")) {
            if (existing == null) {
                errors.add(new FieldError("id", "is assigned by the clearinghouse and cannot be chosen"));
            } else if (!body.path("id").asText().equals(existing.id().toString())) {
                errors.add(new FieldError("id", "is not the id of the record edited"));
            }
        }
        if (existing != null && body != null && body.has("slug") && !body.path("slug").asText().equals(existing.slug())) {
            errors.add(new FieldError("slug", "cannot be changed by an edit"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new ValidationException(errors);
        }
        return ResourceContent.fromValidated(body, mapper);
    }

    /** An identical normalised URL elsewhere is a 409 naming the record, and saying when it is still under review. */
    void checkUrl(ResourceContent content, UUID self) {
        resources.findByUrl(content.url()).filter(existing -> !existing.id().equals(self)).ifPresent(existing -> {
            throw new ConflictException("url", "a record with this URL already exists: " + existing.slug()
                    + (existing.isPublished() ? "" : " (" + existing.status().replace('_', ' ') + ", not yet published)"),
                    existing.slug());
        });
    }

    String chooseSlug(String requested, ResourceContent content, UUID id) {
        if (requested != null) {
            if (resources.slugTaken(requested)) {
                throw new ConflictException("slug", "the slug '" + requested + "' is already taken", requested);
            }
            return requested;
        }
        String slug = Slugs.fromTitle(content.title(), content.type(), id);
        return resources.slugTaken(slug) ? Slugs.withSuffix(slug, id) : slug;
    }

    private static String checkedComment(String comment, boolean required) {
        String trimmed = comment == null ? null : comment.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw new ValidationException(List.of(new FieldError("comment", "is required: tell the submitter why")));
            }
            return null;
        }
        if (trimmed.length() > MAX_COMMENT) {
            throw new ValidationException(List.of(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters")));
        }
        return trimmed;
    }

    private static String text(JsonNode node, String field, boolean required, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add(new FieldError(field, "must be a non-empty string"));
            return null;
        }
        if (node.asText().length() > MAX_COMMENT) {
            errors.add(new FieldError(field, "must be at most " + MAX_COMMENT + " characters"));
            return null;
        }
        return node.asText().strip();
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new org.clearinghouse.server.catalogue.BadParameterException("limit", "must be a whole number from 1 to 100");
    }

    /** Audit detail from name, value pairs; null values are left out. */
    static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }
}
