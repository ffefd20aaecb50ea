package org.clearinghouse.server.catalogue;

/** One reason a field of a submission was refused; {@code field} is a dotted path such as {@code course.cost}. */
public record FieldError(String field, String message) {
}
