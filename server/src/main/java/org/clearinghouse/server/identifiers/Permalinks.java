package org.clearinghouse.server.identifiers;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.catalogue.Ids;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.catalogue.Texts;
import org.clearinghouse.server.persistence.ResourceRepository;

/**
 * Every URL a record ever had keeps answering. A lookup by id or slug finds the record itself, or says it moved
 * (a slug it gave up: answer 301 to the current one) or is gone (withdrawn: answer 410 with when and what).
 * Knows nothing of HTTP.
 *
 * <p>Who sees what: published records are everyone's. A withdrawn record is gone for everyone except privileged
 * viewers (moderators and the owning organisation, as the caller decides per record), who get the record itself,
 * status {@code withdrawn}, as for any record that is not published. Pending, rejected and changes-requested
 * records exist only for privileged viewers; for everyone else they, and their former slugs, are not found,
 * exactly like records that never existed.
 */
public final class Permalinks {
    /** What a lookup found. */
    public sealed interface Lookup permits Found, Moved, Gone {
    }

    /** The record, to be shown. */
    public record Found(Resource resource) implements Lookup {
    }

    /** The slug asked for is one the record gave up; {@code slug} is its current one. */
    public record Moved(Resource resource, String slug) implements Lookup {
    }

    /** The record was withdrawn at {@code withdrawnAt}. */
    public record Gone(Resource resource, Instant withdrawnAt) implements Lookup {
    }

    private final ResourceRepository repository;

    public Permalinks(ResourceRepository repository) {
        this.repository = repository;
    }

    /** Looks a record up by id or by any slug it has or had; a {@link NotFoundException} when there is none to show. */
    public Lookup lookup(String idOrSlug, boolean viewerIsContributor) {
        return lookup(idOrSlug, resource -> viewerIsContributor);
    }

    /**
     * As {@link #lookup(String, boolean)}, where {@code privileged} says, per record, whether the viewer sees it
     * even when it is not published (a moderator, or the organisation that owns it).
     */
    public Lookup lookup(String idOrSlug, java.util.function.Predicate<Resource> privileged) {
        Optional<UUID> id = Ids.parse(idOrSlug);
        boolean plausibleSlug = id.isEmpty() && idOrSlug.length() <= 200;
        Optional<Resource> current = id.map(repository::findById)
                .orElseGet(() -> plausibleSlug ? repository.findBySlug(idOrSlug) : Optional.empty());
        if (current.isPresent()) {
            Resource resource = current.get();
            if (resource.isPublished() || privileged.test(resource)) {
                return new Found(resource);
            }
            if (Status.WITHDRAWN.equals(resource.status())) {
                return new Gone(resource, repository.withdrawnAt(resource.id()).orElse(resource.updatedAt()));
            }
        } else if (plausibleSlug) {
            Optional<Resource> renamed = repository.formerOwnerOfSlug(idOrSlug).flatMap(repository::findById)
                    .filter(r -> privileged.test(r) || r.isPublished() || Status.WITHDRAWN.equals(r.status()));
            if (renamed.isPresent()) {
                return new Moved(renamed.get(), renamed.get().slug());
            }
        }
        throw new NotFoundException("no resource with id or slug '" + Texts.abbreviate(idOrSlug) + "'");
    }
}
