package org.clearinghouse.server.oai;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * OAI-PMH.xsd with the schemas its responses use (oai_dc.xsd, simpledc20021212.xsd, xml.xsd,
 * oai-identifier.xsd), all loaded from src/test/resources/xsd: every import is resolved locally, nothing is
 * fetched. {@link #validate} fails a test on the first schema error, warnings included.
 */
final class OaiSchemas {
    /** Namespace to the local copy of its schema. */
    private static final Map<String, String> LOCAL = Map.of(
            "http://www.w3.org/XML/1998/namespace", "xml.xsd",
            "http://purl.org/dc/elements/1.1/", "simpledc20021212.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc/", "oai_dc.xsd",
            "http://www.openarchives.org/OAI/2.0/oai-identifier", "oai-identifier.xsd",
            "http://www.openarchives.org/OAI/2.0/", "OAI-PMH.xsd");
    private static final List<String> LOAD_ORDER = List.of("http://www.w3.org/XML/1998/namespace",
            "http://purl.org/dc/elements/1.1/", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "http://www.openarchives.org/OAI/2.0/oai-identifier", "http://www.openarchives.org/OAI/2.0/");
    private static final Schema SCHEMA = build();

    private OaiSchemas() {
    }

    /** Throws an AssertionError naming the first problem when {@code xml} is not a valid OAI-PMH response. */
    static void validate(byte[] xml) {
        Validator validator = SCHEMA.newValidator();
        try {
            // The instance's xsi:schemaLocation hints name the official URLs: never follow them.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setResourceResolver(RESOLVER);
            validator.setErrorHandler(STRICT);
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against OAI-PMH.xsd/oai_dc.xsd: " + e.getMessage() + "\n"
                    + new String(xml, java.nio.charset.StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema build() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setResourceResolver(RESOLVER);
            factory.setErrorHandler(STRICT);
            List<Source> sources = new ArrayList<>();
            for (String namespace : LOAD_ORDER) {
                URL url = local(namespace);
                sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
            }
            return factory.newSchema(sources.toArray(new Source[0]));
        } catch (SAXException e) {
            throw new IllegalStateException("the local OAI-PMH schemas do not load", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL local(String namespace) {
        String file = LOCAL.get(namespace);
        URL url = file == null ? null : OaiSchemas.class.getResource("/xsd/" + file);
        if (url == null) {
            throw new IllegalStateException("no local schema for namespace " + namespace);
        }
        return url;
    }

    /** Every schema import, whatever URL it names, is answered from the local copy for its namespace. */
    private static final LSResourceResolver RESOLVER = (type, namespace, publicId, systemId, baseUri) -> {
        if (namespace == null || !LOCAL.containsKey(namespace)) {
            throw new IllegalStateException("a schema for " + namespace + " (" + systemId + ") is not available offline");
        }
        URL url = local(namespace);
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .getDOMImplementation();
            LSInput input = ls.createLSInput();
            InputStream stream = url.openStream();
            input.setByteStream(stream);
            input.setSystemId(url.toExternalForm());
            input.setPublicId(publicId);
            input.setBaseURI(baseUri);
            return input;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
