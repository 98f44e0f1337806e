package dev.junction.backend.api;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.backend.database.DatabaseOutageAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into an RFC 9457 problem detail. Bad input names the field and what was
 * expected (in {@code detail} and in {@code errors[]}); unexpected failures answer 500 with a reference to the log
 * line, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withFieldErrors(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return withFieldErrors(HttpStatus.CONFLICT, e.getMessage(),
                List.of(new InvalidInputException.FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == UUID.class ? "a UUID"
                : e.getRequiredType() == int.class || e.getRequiredType() == Integer.class ? "a whole number"
                : "of type " + (e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName());
        String message = "must be " + expected + ", was '" + e.getValue() + "'";
        return withFieldErrors(HttpStatus.BAD_REQUEST, e.getName() + ": " + message,
                List.of(new InvalidInputException.FieldProblem(e.getName(), message)));
    }

    /** A database outage answers 503 with Retry-After (nothing was done: try again); anything else 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            log.warn("A REST call answered 503: the database cannot be reached ({})", e.getMessage());
            return DatabaseOutageAnswer.entity();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure of a REST call (reference {})", reference, e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. The server log has the details"
                        + " under reference " + reference + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = switch (e.getCause()) {
            case NulCharacterException nul -> {
                String field = path(nul) + (nul.innerPath().isEmpty() ? ""
                        : nul.innerPath().startsWith("[") ? nul.innerPath() : "." + nul.innerPath());
                yield withFieldErrors(HttpStatus.BAD_REQUEST, field + ": " + JsonText.NUL_MESSAGE,
                        List.of(new InvalidInputException.FieldProblem(field, JsonText.NUL_MESSAGE)));
            }
            case UnrecognizedPropertyException unknown -> {
                String field = path(unknown);
                String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "));
                String message = "is not a known field" + (known.isEmpty() ? "" : "; known fields: " + known);
                yield withFieldErrors(HttpStatus.BAD_REQUEST, field + ": " + message,
                        List.of(new InvalidInputException.FieldProblem(field, message)));
            }
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() -> {
                String field = path(mismatch);
                String message = "must be " + describe(mismatch.getTargetType());
                yield withFieldErrors(HttpStatus.BAD_REQUEST, field + ": " + message,
                        List.of(new InvalidInputException.FieldProblem(field, message)));
            }
            case StreamReadException malformed -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not valid JSON: " + JsonText.syntaxError(malformed));
            case JacksonException unexpected -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not JSON of the expected shape: " + JsonText.syntaxError(unexpected));
            case null, default -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request needs a JSON body.");
        };
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail withFieldErrors(HttpStatus status, String detail,
                                                 List<InvalidInputException.FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || java.math.BigDecimal.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "a JSON value of type " + type.getSimpleName();
    }
}
