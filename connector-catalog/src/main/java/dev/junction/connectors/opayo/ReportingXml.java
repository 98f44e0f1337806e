package dev.junction.connectors.opayo;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The signed XML of Opayo's Reporting &amp; Admin API (api-contracts §2.10): the inner elements are signed with the
 * password appended as {@code <password>…</password>}, the request carries the signature instead of the password.
 * Shared by the connector (which signs) and the simulator (which checks).
 */
public final class ReportingXml {

    private ReportingXml() {
    }

    /** The uppercase hex MD5 of the inner XML followed by the password element. */
    public static String signature(String innerXml, String password) {
        return md5Hex(innerXml + element("password", password));
    }

    /** The request document: the inner XML and its signature in a {@code <vspaccess>} wrapper. */
    public static String request(String innerXml, String password) {
        return "<vspaccess>" + innerXml + element("signature", signature(innerXml, password)) + "</vspaccess>";
    }

    public static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** Reads a document with DTDs and external entities refused. */
    public static Document parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not readable XML: " + e.getMessage(), e);
        }
    }

    /** The text of the first element of that name, trimmed; empty when there is none. */
    public static Optional<String> text(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }

    /** Every element of that name, in document order (the rows of a list answer). */
    public static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The trimmed text of the element's direct child of that name; empty when there is none or it is blank. */
    public static Optional<String> childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                String text = element.getTextContent().trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The uppercase hex MD5 of UTF-8 text (Opayo's signatures). */
    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
