package org.clearinghouse.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The interface text of one language, from {@code /i18n/messages_<lang>.properties} (UTF-8). Placeholders are
 * {@code {0}}, {@code {1}}…, replaced literally (no MessageFormat, so apostrophes need no escaping).
 */
public final class Messages {
    private final Lang lang;
    private final Map<String, String> texts;

    private Messages(Lang lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = texts;
    }

    public Lang lang() {
        return lang;
    }

    /** The text of a key; a missing key is a bug the bundle test catches, shown as the key itself. */
    public String t(String key) {
        String text = texts.get(key);
        return text == null ? key : text;
    }

    public String t(String key, Object... args) {
        String text = t(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A number written the way the language writes numbers (grouping separators). */
    public String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(lang.locale()).format(n);
    }

    public Map<String, String> all() {
        return texts;
    }

    /** Every language's bundle, loaded once. */
    public static Map<Lang, Messages> loadAll() {
        Map<Lang, Messages> all = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            all.put(lang, load(lang));
        }
        return Collections.unmodifiableMap(all);
    }

    public static Messages load(Lang lang) {
        String path = "/i18n/messages_" + lang.code() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("interface texts missing from the classpath: " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted().forEach(k -> texts.put(k, properties.getProperty(k)));
            return new Messages(lang, Collections.unmodifiableMap(texts));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }
}
