package org.clearinghouse.web.view;

/** A record's title and summary in one more language. */
public record TranslationView(String languageName, String lang, String title, String summary, String source) {
}
