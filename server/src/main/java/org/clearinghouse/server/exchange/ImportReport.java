package org.clearinghouse.server.exchange;

import java.util.List;
import org.clearinghouse.server.catalogue.FieldError;

/** What an import did, row by row: created, updated, unchanged, or rejected with the field errors. */
public record ImportReport(int created, int updated, int unchanged, List<Row> rejected) {

    /** A refused row: its number in the file (1 = first record) and why. */
    public record Row(long row, List<FieldError> errors) {
    }

    @Override
    public String toString() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, " + rejected.size() + " rejected";
    }
}
