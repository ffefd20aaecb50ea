package org.clearinghouse.web.view;

/** This page in one interface language: for the language switcher and the hreflang alternates. */
public record LangLink(String code, String name, String href, String absoluteHref, boolean current) {
}
