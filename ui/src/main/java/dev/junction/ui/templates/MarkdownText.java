package dev.junction.ui.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * A template's markdown description as components: headings ({@code #}), bullet lists ({@code -}, {@code *}) and
 * paragraphs. Text stays text (set as text, never as HTML: a template uploaded by someone cannot inject markup); inline
 * emphasis and code marks are dropped.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static Div of(String markdown) {
        Div text = new Div();
        text.addClassName("template-description");
        if (markdown == null) {
            return text;
        }
        UnorderedList list = null;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("- ") || line.startsWith("* ")) {
                flush(text, paragraph);
            }
            if (line.startsWith("- ") || line.startsWith("* ")) {
                if (list == null) {
                    list = new UnorderedList();
                    text.add(list);
                }
                list.add(new ListItem(inline(line.substring(2))));
                continue;
            }
            list = line.isEmpty() ? null : list;
            if (line.startsWith("#")) {
                list = null;
                text.add(new H4(inline(line.replaceFirst("^#+\\s*", ""))));
            } else if (!line.isEmpty()) {
                list = null;
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(inline(line));
            }
        }
        flush(text, paragraph);
        return text;
    }

    private static void flush(Div text, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            Component p = new Paragraph(paragraph.toString());
            text.add(p);
            paragraph.setLength(0);
        }
    }

    private static String inline(String text) {
        return text.replace("**", "").replace("`", "").replace("__", "");
    }
}
