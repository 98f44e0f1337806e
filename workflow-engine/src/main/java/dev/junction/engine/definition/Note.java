package dev.junction.engine.definition;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sticky note on the designer's canvas: markdown text at a place, in an optional colour. Part of the definition
 * (versioned, diffed, merged, exported with it); runs never read it.
 */
public record Note(String id, String text, Position position, String color) {

    public static final int TEXT_MAX_LENGTH = 10_000;
    public static final int MAX_NOTES = 500;
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    public static final Pattern COLOR = Pattern.compile("^(#[0-9a-fA-F]{6}|[a-z]{1,20})$");

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
