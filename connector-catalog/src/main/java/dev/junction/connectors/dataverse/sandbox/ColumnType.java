package dev.junction.connectors.dataverse.sandbox;

/** The Edm type of a simulated column, which decides which literals a filter may compare it with. */
enum ColumnType {
    TEXT("Edm.String"), WHOLE("Edm.Int32"), DECIMAL("Edm.Decimal"), DATETIME("Edm.DateTimeOffset"),
    GUID("Edm.Guid"), BOOLEAN("Edm.Boolean");

    private final String edmName;

    ColumnType(String edmName) {
        this.edmName = edmName;
    }

    String edmName() {
        return edmName;
    }
}
