package dev.junction.db.users;

/** The roles of the {@code roles} table. */
public enum Role {
    ADMIN,
    DESIGNER,
    OPERATOR,
    VIEWER
}
