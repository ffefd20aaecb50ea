package org.clearinghouse.indexer;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.clearinghouse.indexer.Analyzers.Token;

/** Replays tokens analysed once for concept extraction, so indexing does not analyse the same text again. */
final class TokenReplay extends TokenStream {
    private final List<Token> tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    TokenReplay(List<Token> tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(next++);
        term.setEmpty().append(token.term());
        positionIncrement.setPositionIncrement(token.positionIncrement());
        offset.setOffset(token.start(), token.end());
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        int last = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        offset.setOffset(last, last);
    }
}
