package org.clearinghouse.server.oai;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A parsed OAI-PMH response, read with XPath (prefixes oai, oai_dc, dc, id). */
final class OaiXmlDoc {
    private static final Map<String, String> NAMESPACES = Map.of(
            "oai", "http://www.openarchives.org/OAI/2.0/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "id", "http://www.openarchives.org/OAI/2.0/oai-identifier",
            "xml", "http://www.w3.org/XML/1998/namespace");

    final byte[] bytes;
    private final Document document;
    private final XPath xpath;

    OaiXmlDoc(byte[] bytes) {
        this.bytes = bytes;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            this.document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        this.xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.get(prefix);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return null;
            }
        });
    }

    /** The string value of an XPath expression ("" when it selects nothing). */
    String text(String expression) {
        try {
            return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** The string values of every node the expression selects, in document order. */
    List<String> texts(String expression) {
        List<String> out = new ArrayList<>();
        nodes(expression).forEach(n -> out.add(n.getTextContent()));
        return out;
    }

    int count(String expression) {
        return nodes(expression).size();
    }

    List<Node> nodes(String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                out.add(list.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** The codes of the response's error elements, in order. */
    List<String> errorCodes() {
        return texts("/oai:OAI-PMH/oai:error/@code");
    }

    /** The names of the attributes of the request element, in document order. */
    List<String> requestAttributes() {
        List<String> names = new ArrayList<>();
        Node request = nodes("/oai:OAI-PMH/oai:request").get(0);
        for (int i = 0; i < request.getAttributes().getLength(); i++) {
            names.add(request.getAttributes().item(i).getNodeName());
        }
        return names;
    }

    @Override
    public String toString() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
