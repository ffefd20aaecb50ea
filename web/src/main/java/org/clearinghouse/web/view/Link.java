package org.clearinghouse.web.view;

/** A labelled link; {@code lang} is the language of the label when it may differ from the page's (else null). */
public record Link(String label, String href, String lang) {
    public Link(String label, String href) {
        this(label, href, null);
    }
}
