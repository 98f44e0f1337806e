package dev.junction.connectors.dataverse.sandbox;

/**
 * An error the simulator answers in the Web API's envelope {@code {"error":{"code","message"}}} (api-contracts
 * §3.9), thrown wherever a request turns out wrong.
 */
final class ODataError extends RuntimeException {

    /** Malformed or unsupported query syntax, an unknown property. */
    // UNCONFIRMED (api-contracts §3.9): the contract names no code for bad OData syntax; the simulator uses 0x80060888.
    static final String BAD_QUERY = "0x80060888";
    /** An invalid argument (a value of the wrong type, a column not valid for create or update). */
    // UNCONFIRMED (api-contracts §3.9): 0x80040203 for an invalid argument.
    static final String INVALID_ARGUMENT = "0x80040203";
    /** Record not found (api-contracts §3.9, 3rd-party). */
    static final String NOT_FOUND = "0x80040217";
    /** If-Match did not match the row version. */
    // UNCONFIRMED (api-contracts §3.8): 0x80060882 for ConcurrencyVersionMismatch.
    static final String VERSION_MISMATCH = "0x80060882";
    /** An alternate key already used (api-contracts §3.8, 3rd-party). */
    static final String DUPLICATE_KEY = "0x80060892";
    /** Upsert with If-None-Match: * on an existing record. */
    // UNCONFIRMED (api-contracts §3.8): 0x80040237 for DuplicateRecord.
    static final String DUPLICATE_RECORD = "0x80040237";
    /** The caller lacks a privilege. */
    // UNCONFIRMED (api-contracts §3.9): 0x80040220 for PrivilegeDenied / not a member of the organisation.
    static final String PRIVILEGE_DENIED = "0x80040220";
    /** Number of requests over the service protection limit (api-contracts §3.10). */
    static final String REQUEST_LIMIT = "0x80072322";
    /** An unexpected error (a planned 5xx fault). */
    // UNCONFIRMED (api-contracts §3.9): 0x80040216 for an unexpected server error.
    static final String UNEXPECTED = "0x80040216";

    private final int status;
    private final String code;

    ODataError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ODataError badQuery(String message) {
        return new ODataError(400, BAD_QUERY, message);
    }

    static ODataError invalidArgument(String message) {
        return new ODataError(400, INVALID_ARGUMENT, message);
    }

    static ODataError notFound(String logicalName, String id) {
        return new ODataError(404, NOT_FOUND, logicalName + " With Id = " + id + " Does Not Exist");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
