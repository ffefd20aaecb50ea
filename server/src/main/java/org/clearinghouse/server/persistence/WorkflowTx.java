package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.RESOURCE;
import static org.clearinghouse.server.persistence.jooq.Tables.REVISION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Validation;
import org.clearinghouse.server.persistence.jooq.tables.records.ResourceRecord;
import org.clearinghouse.server.workflow.Revision;
import org.jooq.DSLContext;

/**
 * The moderation workflow's writes inside one transaction: a record, its revisions and the audit line commit
 * together or not at all. Obtained from {@link WorkflowRepository#inTransaction}; valid only inside it.
 * Every write to a record or its revisions bumps the record's version (the ETag).
 */
public final class WorkflowTx {
    private final DSLContext tx;
    private final ResourceRepository resources;
    private final WorkflowRepository workflow;
    private final AuditRepository audit;

    WorkflowTx(DSLContext tx, ResourceRepository resources, WorkflowRepository workflow, AuditRepository audit) {
        this.tx = tx;
        this.resources = resources;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** The record, locked until the transaction ends, so its version cannot change under the caller. */
    public Optional<Resource> lock(UUID id) {
        return tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchOptional().map(resources::toResource);
    }

    public List<Revision> revisions(UUID id) {
        return workflow.revisions(tx, id);
    }

    public Resource insertResource(UUID id, String slug, String status, ResourceContent content, List<String> regions,
                                   Long organisationId, String externalId) {
        ResourceRecord record = tx.newRecord(RESOURCE);
        OffsetDateTime now = ResourceRepository.now();
        record.setId(id);
        record.setSlug(slug);
        record.setStatus(status);
        record.setVersion(1L);
        record.setCreatedAt(now);
        record.setOrganisationId(organisationId);
        record.setExternalId(externalId);
        resources.fill(record, content, regions, now, ResourceRepository.nextChangeSeq(tx));
        record.insert();
        return resources.toResource(record);
    }

    /** New content and state for the record, as a change the index follows; a validation mark no longer applies. */
    public Resource replaceContent(UUID id, ResourceContent content, List<String> regions, String status) {
        ResourceRecord record = fetch(id);
        resources.fill(record, content, regions, ResourceRepository.now(), ResourceRepository.nextChangeSeq(tx));
        record.setStatus(status);
        clearValidation(record);
        record.update();
        return reload(id);
    }

    public Resource setStatus(UUID id, String status) {
        ResourceRecord record = fetch(id);
        record.setStatus(status);
        record.setUpdatedAt(ResourceRepository.now());
        record.setChangeSeq(ResourceRepository.nextChangeSeq(tx));
        record.update();
        return reload(id);
    }

    public void setExternalId(UUID id, String externalId) {
        tx.update(RESOURCE).set(RESOURCE.EXTERNAL_ID, externalId).where(RESOURCE.ID.eq(id)).execute();
    }

    /** A write that leaves the public record as it is (a pending revision, a decision on one): version only. */
    public void touch(UUID id) {
        tx.update(RESOURCE).set(RESOURCE.VERSION, RESOURCE.VERSION.plus(1)).where(RESOURCE.ID.eq(id)).execute();
    }

    public Resource validate(UUID id, Principal by, Validation validation) {
        ResourceRecord record = fetch(id);
        record.setValidatedBy(by.accountId());
        record.setValidatedByName(validation.by());
        record.setValidatedOrganisation(validation.organisation());
        record.setValidatedCountry(validation.country());
        record.setValidatedAt(OffsetDateTime.ofInstant(validation.at(), java.time.ZoneOffset.UTC));
        record.update();
        return reload(id);
    }

    public void insertRevision(NewRevision revision) {
        OffsetDateTime now = ResourceRepository.now();
        Principal author = revision.author();
        tx.insertInto(REVISION)
                .set(REVISION.RESOURCE_ID, revision.resourceId())
                .set(REVISION.N, revision.n())
                .set(REVISION.CONTENT, workflow.json(revision.content()))
                .set(REVISION.TYPE, revision.content().type())
                .set(REVISION.JURISDICTIONS, revision.content().jurisdictions().toArray(new String[0]))
                .set(REVISION.AUTHOR_ID, author == null ? null : author.accountId())
                .set(REVISION.AUTHOR_NAME, author == null ? null : author.username())
                .set(REVISION.ORGANISATION_ID, author == null ? null : author.organisationId())
                .set(REVISION.CREATED_AT, now)
                .set(REVISION.STATE, revision.state())
                .set(REVISION.DECISION, revision.selfApproved() ? "approve" : null)
                .set(REVISION.DECIDED_BY, revision.selfApproved() ? author.accountId() : null)
                .set(REVISION.DECIDED_BY_NAME, revision.selfApproved() ? author.username() : null)
                .set(REVISION.DECIDED_AT, revision.selfApproved() ? now : null)
                .set(REVISION.COMMENT, revision.selfApproved() ? "published at once: submitted by a moderator" : null)
                .set(REVISION.DUPLICATE_WARNINGS, workflow.json(revision.duplicateWarnings()))
                .execute();
    }

    public void decide(UUID id, int n, String state, String decision, String comment, Principal moderator) {
        tx.update(REVISION).set(REVISION.STATE, state).set(REVISION.DECISION, decision).set(REVISION.COMMENT, comment)
                .set(REVISION.DECIDED_BY, moderator.accountId()).set(REVISION.DECIDED_BY_NAME, moderator.username())
                .set(REVISION.DECIDED_AT, ResourceRepository.now())
                .where(REVISION.RESOURCE_ID.eq(id)).and(REVISION.N.eq(n)).execute();
    }

    /** Moves every revision of the record in state {@code from} to state {@code to}; returns their numbers. */
    public List<Integer> moveRevisions(UUID id, String from, String to) {
        return tx.update(REVISION).set(REVISION.STATE, to)
                .where(REVISION.RESOURCE_ID.eq(id)).and(REVISION.STATE.eq(from))
                .returning(REVISION.N).fetch(REVISION.N);
    }

    /** The record's published revision(s) become withdrawn, with who withdrew them and why. */
    public List<Integer> withdrawPublished(UUID id, Principal moderator, String comment) {
        return tx.update(REVISION).set(REVISION.STATE, "withdrawn")
                .set(REVISION.WITHDRAWN_BY_NAME, moderator.username()).set(REVISION.WITHDRAWAL_COMMENT, comment)
                .set(REVISION.WITHDRAWN_AT, ResourceRepository.now())
                .where(REVISION.RESOURCE_ID.eq(id)).and(REVISION.STATE.eq("published"))
                .returning(REVISION.N).fetch(REVISION.N);
    }

    public void reply(UUID id, int n, String reply) {
        tx.update(REVISION).set(REVISION.REPLY, reply).set(REVISION.REPLIED_AT, ResourceRepository.now())
                .where(REVISION.RESOURCE_ID.eq(id)).and(REVISION.N.eq(n)).execute();
    }

    public void audit(AuditEvent event) {
        audit.append(tx, event);
    }

    /** The record as it stands now in this transaction (the trigger's version included). */
    public Resource reload(UUID id) {
        return resources.toResource(fetch(id));
    }

    private ResourceRecord fetch(UUID id) {
        return tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("no resource with id " + id));
    }

    private static void clearValidation(ResourceRecord record) {
        record.setValidatedBy(null);
        record.setValidatedByName(null);
        record.setValidatedOrganisation(null);
        record.setValidatedCountry(null);
        record.setValidatedAt(null);
    }
}
