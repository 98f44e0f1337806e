package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A preview sample from the text of an uploaded file. {@code json}: the value as written. {@code xml}: the root
 * element as an object — each child element a field (text when it has only text, an object when it has children or
 * attributes, a list when its name repeats), attributes as {@code @name}, text beside children as {@code #text}; all
 * values stay text, as XML has no types. {@code csv}: the header row names the fields of the first data row
 * (comma-separated, or semicolon- or tab-separated when the header has no comma; quotes as RFC 4180). Text over
 * {@value #MAX_BYTES} bytes (as UTF-8) is refused, like a preview request. Text that does not parse answers an error
 * naming the format, the place and what is wrong — never an exception.
 */
public final class SampleParser {

    /** The largest sample text taken: the size limit of a preview request. */
    public static final int MAX_BYTES = 1024 * 1024;

    private SampleParser() {
    }

    /** A parsed sample, or why the text is not one. */
    public record Parsed(Object sample, String error) {

        static Parsed of(Object sample) {
            return new Parsed(sample, null);
        }

        static Parsed failed(String error) {
            return new Parsed(null, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String format, String text) {
        if (format == null || !Set.of("json", "xml", "csv").contains(format.toLowerCase(Locale.ROOT))) {
            return Parsed.failed("format must be json, xml or csv, not '" + format + "'");
        }
        if (text == null || text.isBlank()) {
            return Parsed.failed("the " + format + " file is empty");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Parsed.failed("the file has " + bytes + " bytes; a sample may have at most " + MAX_BYTES
                    + " bytes (1 MiB): take a smaller one");
        }
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> json(clean);
            case "xml" -> xml(clean);
            default -> csv(clean);
        };
    }

    private static Parsed json(String text) {
        try {
            return Parsed.of(PayloadJson.read(text));
        } catch (IllegalArgumentException e) {
            return Parsed.failed("not valid JSON: " + e.getMessage());
        }
    }

    // ---- XML

    private static Parsed xml(String text) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            document = builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() : "";
            return Parsed.failed("not well-formed XML" + where + ": " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Parsed.failed("not well-formed XML: " + e.getMessage());
        }
        Object root = element(document.getDocumentElement());
        return Parsed.of(root instanceof Map<?, ?> ? root : new LinkedHashMap<>(Map.of("#text", root)));
    }

    private static Object element(Element element) {
        Map<String, Object> fields = new LinkedHashMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!attribute.getName().startsWith("xmlns")) {
                fields.put("@" + attribute.getName(), attribute.getValue());
            }
        }
        StringBuilder text = new StringBuilder();
        boolean children = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children = true;
                String name = childElement.getTagName();
                Object value = element(childElement);
                fields.compute(name, (key, earlier) -> {
                    if (earlier == null) {
                        return value;
                    }
                    if (earlier instanceof RepeatedElements list) {
                        list.add(value);
                        return list;
                    }
                    RepeatedElements list = new RepeatedElements();
                    list.add(earlier);
                    list.add(value);
                    return list;
                });
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        String content = text.toString().strip();
        if (!children && fields.isEmpty()) {
            return content;
        }
        if (!content.isEmpty()) {
            fields.put("#text", content);
        }
        fields.replaceAll((key, value) -> value instanceof RepeatedElements list ? new ArrayList<>(list) : value);
        return fields;
    }

    /** The values of a child element whose name repeats (a list in the sample). */
    private static final class RepeatedElements extends ArrayList<Object> {
    }

    // ---- CSV

    private static Parsed csv(String text) {
        char separator = separator(firstLine(text));
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length() && rows.size() < 2; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.getFirst().isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return Parsed.failed("CSV: the quote opened on line " + quoteLine + " is never closed");
        }
        if (rows.size() < 2 && (!field.isEmpty() || !row.isEmpty())) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return Parsed.failed("CSV: there is no header row");
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                return Parsed.failed("CSV: column " + (i + 1) + " of the header row has no name");
            }
            if (!seen.add(name)) {
                return Parsed.failed("CSV: the header row names '" + name + "' twice");
            }
        }
        if (rows.size() < 2) {
            return Parsed.failed("CSV: there is a header row but no data row under it");
        }
        List<String> values = rows.get(1);
        if (values.size() != header.size()) {
            return Parsed.failed("CSV: the first data row has " + values.size() + (values.size() == 1 ? " field" : " fields")
                    + ", the header " + header.size() + " (separator '" + printable(separator) + "')");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            record.put(header.get(i), values.get(i));
        }
        return Parsed.of(record);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static char separator(String header) {
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static String printable(char separator) {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }
}
