package org.clearinghouse.web.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses rendered SVG with the JDK's XML parser (so a test fails on markup that is not well-formed). */
final class SvgDocument {

    final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    static SvgDocument parse(Svg svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new InputSource(new StringReader(svg.markup())));
            Element root = document.getDocumentElement();
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            assertEquals("svg", root.getLocalName());
            return new SvgDocument(document);
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    Element root() {
        return document.getDocumentElement();
    }

    List<Element> all(String localName) {
        return elements(root(), localName);
    }

    static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::getTextContent).toList();
    }

    /** No style attribute, no event handler attribute, no script, style or foreignObject element. */
    void assertNoStyleOrScript() {
        for (Element e : all("*")) {
            assertFalse(List.of("script", "style", "foreignObject").contains(e.getLocalName()), e.getLocalName());
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.item(i).getNodeName().toLowerCase(Locale.ROOT);
                assertFalse(name.equals("style") || name.startsWith("on"), e.getLocalName() + " has " + name);
            }
        }
    }
}
