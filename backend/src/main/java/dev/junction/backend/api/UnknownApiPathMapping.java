package dev.junction.backend.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Claims every path under {@code /api/} that no controller maps, so that it answers 404 as a problem detail instead
 * of falling through to the catch-all handlers behind it (the UI's, which would answer 200 with the app's HTML, or
 * static resources). It is asked right after the controllers' mapping: a known path with another method or content
 * type never reaches it (that mapping answers 405 or 415 itself, see {@link ApiRoutingErrors}).
 */
@Component
class UnknownApiPathMapping extends AbstractHandlerMapping {

    private final HttpRequestHandler notFound;

    UnknownApiPathMapping(ProblemResponses problems) {
        setOrder(1);
        this.notFound = (request, response) -> problems.write(response, HttpStatus.NOT_FOUND,
                "There is no API endpoint at " + ApiPaths.of(request) + " (docs/api.md lists them).");
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        return ApiPaths.isApi(request) ? notFound : null;
    }
}
