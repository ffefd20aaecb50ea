package org.clearinghouse.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** One analyzer per supported language, the neutral analyzer, and the per-field mapping the index uses. */
final class Analyzers implements Closeable {
    /** An analysed token with its position increment and its offsets in the analysed text. */
    record Token(String term, int positionIncrement, int start, int end) {
    }

    private final Map<String, Analyzer> byLanguage = new LinkedHashMap<>();
    private final Analyzer neutral = new NeutralAnalyzer();
    private final Analyzer perField;
    private final CharArraySet stopWords = new CharArraySet(1024, true);

    Analyzers() {
        byLanguage.put("en", new EnglishAnalyzer());
        byLanguage.put("fr", new FrenchAnalyzer());
        byLanguage.put("es", new SpanishAnalyzer());
        byLanguage.put("ar", new ArabicAnalyzer());
        byLanguage.put("ru", new RussianAnalyzer());
        byLanguage.put("zh", new SmartChineseAnalyzer());
        byLanguage.put("pt", new PortugueseAnalyzer());
        Map<String, Analyzer> fields = new HashMap<>();
        byLanguage.forEach((lang, analyzer) -> {
            fields.put(Schema.title(lang), analyzer);
            fields.put(Schema.summary(lang), analyzer);
            if (analyzer instanceof StopwordAnalyzerBase base) {
                stopWords.addAll(base.getStopwordSet());
            }
        });
        fields.put(Schema.CONCEPT, new KeywordAnalyzer());
        perField = new PerFieldAnalyzerWrapper(neutral, fields);
    }

    /** The analyzer of a language; the neutral one for languages without their own. */
    Analyzer forLanguage(String lang) {
        return byLanguage.getOrDefault(lang, neutral);
    }

    Analyzer neutral() {
        return neutral;
    }

    /** Chooses the analyzer by field name, as the index writer and highlighter need. */
    Analyzer perField() {
        return perField;
    }

    /** Stop words of every supported language, so that related-record queries skip function words. */
    CharArraySet stopWords() {
        return stopWords;
    }

    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), posInc.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        neutral.close();
        perField.close();
    }
}
