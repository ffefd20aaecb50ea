package org.clearinghouse.web.view;

/** Something a country has no record of, with how many its region has (its neighbours' example). */
public record Gap(String text, long regionCount, String regionHref) {
}
