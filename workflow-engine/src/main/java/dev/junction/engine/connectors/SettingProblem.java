package dev.junction.engine.connectors;

/** What is wrong with one plain setting of a connection, found when it is saved: the setting's name and why. */
public record SettingProblem(String setting, String message) {
}
