package org.clearinghouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textIsEscapedForContentAndAttributes() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;&gt;&lt;img src=x&#39;",
                Html.escape("<script>alert(1)</script> & \"><img src=x'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void jsonInAScriptBlockCannotCloseItAndMeansTheSame() {
        String json = "{\"name\":\"</script><script>alert(1)</script> <!-- & \u2028\"}";
        String safe = Html.scriptJson(json);
        assertFalse(safe.contains("<"));
        assertFalse(safe.contains(">"));
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028\"}", safe);
    }
}
