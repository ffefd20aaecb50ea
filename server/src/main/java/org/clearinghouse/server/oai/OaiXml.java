package org.clearinghouse.server.oai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's StAX writer (the JDK's own, whatever else is on the classpath) for OAI-PMH
 * responses: UTF-8, names in the OAI, oai_dc, DC and oai-identifier namespaces, and every piece of text
 * cleaned of the characters XML 1.0 cannot carry, so user-supplied text never breaks the document.
 */
final class OaiXml {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    static final String OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    static final String OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd";
    static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter writer;

    OaiXml() {
        try {
            // A factory per document: cheap for the JDK's, and no question of sharing one across request threads.
            writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start an XML document", e);
        }
    }

    /** Opens the root element, declaring the OAI namespace as default and xsi for the schema locations. */
    OaiXml root() {
        return call(() -> {
            writer.writeStartElement("", "OAI-PMH", OAI_NS);
            writer.writeDefaultNamespace(OAI_NS);
            writer.writeNamespace("xsi", XSI_NS);
            writer.writeAttribute("xsi", XSI_NS, "schemaLocation", OAI_NS + " " + OAI_SCHEMA);
        });
    }

    /** Opens an element of the OAI namespace. */
    OaiXml start(String name) {
        return call(() -> writer.writeStartElement("", name, OAI_NS));
    }

    /** Opens an element of another namespace, declaring it (and xsi) on this element, with its schema location. */
    OaiXml startForeign(String prefix, String name, String namespace, String schema) {
        return call(() -> {
            writer.writeStartElement(prefix, name, namespace);
            if (prefix.isEmpty()) {
                writer.writeDefaultNamespace(namespace);
            } else {
                writer.writeNamespace(prefix, namespace);
            }
            // Declared again here (the root has it too): harvesters often cut this element out as a document of
            // its own, and it must still parse.
            writer.writeNamespace("xsi", XSI_NS);
            writer.writeAttribute("xsi", XSI_NS, "schemaLocation", namespace + " " + schema);
        });
    }

    OaiXml declare(String prefix, String namespace) {
        return call(() -> writer.writeNamespace(prefix, namespace));
    }

    /** An element of the OAI namespace holding only text. */
    OaiXml element(String name, String text) {
        return start(name).text(text).end();
    }

    /** A Dublin Core element, with its language when stated. */
    OaiXml dc(String name, String text, String lang) {
        return call(() -> {
            writer.writeStartElement("dc", name, DC_NS);
            if (lang != null) {
                writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
            }
            writer.writeCharacters(clean(text));
            writer.writeEndElement();
        });
    }

    /** An element in the default namespace in force (e.g. inside oai-identifier). */
    OaiXml plain(String name, String namespace, String text) {
        return call(() -> {
            writer.writeStartElement("", name, namespace);
            writer.writeCharacters(clean(text));
            writer.writeEndElement();
        });
    }

    OaiXml attribute(String name, String value) {
        return call(() -> writer.writeAttribute(name, clean(value)));
    }

    OaiXml text(String text) {
        return call(() -> writer.writeCharacters(clean(text)));
    }

    OaiXml end() {
        return call(writer::writeEndElement);
    }

    /** Closes every open element and returns the document. */
    byte[] finish() {
        call(() -> {
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        });
        return bytes.toByteArray();
    }

    /**
     * {@code text} without the characters XML 1.0 forbids (controls other than tab, newline and carriage
     * return; U+FFFE, U+FFFF; unpaired surrogates).
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!allowed(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (allowed(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private OaiXml call(XmlStep step) {
        try {
            step.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OAI-PMH response", e);
        }
    }

    @FunctionalInterface
    private interface XmlStep {
        void run() throws XMLStreamException;
    }
}
