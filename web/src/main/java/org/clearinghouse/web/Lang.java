package org.clearinghouse.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six interface languages (the UN's official languages), each with its script direction and own name. */
public enum Lang {
    EN("en", "English", false),
    FR("fr", "Français", false),
    ES("es", "Español", false),
    AR("ar", "العربية", true),
    RU("ru", "Русский", false),
    ZH("zh", "中文", false);

    public static final Lang DEFAULT = EN;
    public static final List<Lang> ALL = List.of(values());

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Lang(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The value of the HTML {@code dir} attribute. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** The locale for formatting numbers: Arabic with Western digits, as the UN and most Arab media write them. */
    public Locale locale() {
        return Locale.forLanguageTag(rightToLeft ? code + "-u-nu-latn" : code);
    }

    public static Optional<Lang> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }

    /**
     * The best interface language for an {@code Accept-Language} header (RFC 9110): the supported language with
     * the highest quality, by primary subtag ({@code fr-CA} counts as {@code fr}); ties go to the earlier range.
     * English when nothing acceptable is supported or the header is missing or malformed.
     */
    public static Lang negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return DEFAULT;
        }
        Lang best = null;
        double bestQ = 0;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            if (parts.length == 0) {
                continue;
            }
            String tag = parts[0].trim();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!(q > bestQ) || q > 1) {
                continue;
            }
            String primary = tag.split("-")[0];
            Optional<Lang> lang = of(primary);
            if (lang.isPresent()) {
                best = lang.get();
                bestQ = q;
            }
        }
        return best == null ? DEFAULT : best;
    }
}
