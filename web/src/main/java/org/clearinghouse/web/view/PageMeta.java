package org.clearinghouse.web.view;

import java.util.List;
import org.clearinghouse.web.Messages;

/**
 * What every page's frame needs: the interface texts, the title, the canonical URL, the page in every language
 * (with the {@code x-default} URL that negotiates), the stylesheet and the navigation entry to mark as current.
 */
public record PageMeta(Messages t, String title, String description, String canonical, List<LangLink> languages,
                       String xDefault, String cssPath, String scriptPath, String nav) {

    /** The path prefix of this language, e.g. {@code /fr}. */
    public String base() {
        return "/" + t.lang().code();
    }

    public String lang() {
        return t.lang().code();
    }

    public String dir() {
        return t.lang().dir();
    }
}
