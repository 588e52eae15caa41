package io.salesforcetarget.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesforcetarget.failure.LogText;

/**
 * Requests that fail in Vert.x before any route sees them: a request target it cannot decode ({@code /%zz}: 400), a
 * path or method no route takes (404, 405), a body over the limit (413), a sender that closes the connection before
 * its request is read. Each gets one warning line, as any refused event does, instead of Vert.x-web's "Unhandled
 * exception in router" error. Any other failure there is not the request's fault and is logged as an error with its
 * stack trace. The answers keep Vert.x's status, with its reason phrase as body (for a 404 instead of Vert.x's HTML
 * page).
 */
public final class RefusedBeforeTheRoute implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedBeforeTheRoute.class);

    /**
     * On both routers of every platform-http listener (events and management), once they exist: the listener's own,
     * which decodes the path before handing a request on, and Camel's, whose routes read the body.
     */
    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        for (VertxPlatformHttpServer listener : context.hasServices(VertxPlatformHttpServer.class)) {
            if (listener.getServer() != null && listener.getServer().requestHandler() instanceof Router router) {
                install(router);
            }
        }
        context.getRegistry().findByType(VertxPlatformHttpRouter.class).forEach(RefusedBeforeTheRoute::install);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the listeners start with the context: see onCamelContextFullyStarted
    }

    static void install(Router router) {
        // Client errors found before any route handles the request (a request target that cannot be decoded or no
        // Host header: 400; no route for the path: 404, or for the method: 405; a body over the limit: 413): Vert.x
        // hands them to an error handler for their status, or else answers them and, for some, logs an error.
        for (int status : new int[] { 400, 404, 405, 413 }) {
            router.errorHandler(status, request -> refused(request, status));
        }
        router.route().failureHandler(RefusedBeforeTheRoute::failed);
        // What else Vert.x reports outside the handlers, with a status other than a client error's: a sender gone
        // (reported again, without a cause), or a defect, which keeps its stack trace
        for (int status = 100; status < 600; status++) {
            if (status < 400 || status >= 500) {
                router.errorHandler(status, RefusedBeforeTheRoute::unhandled);
            }
        }
    }

    private static void unhandled(RoutingContext request) {
        if (request.response().closed()) {
            senderGoneAlready(request);
        } else {
            LOG.error("request failed before the route: {}", requestLine(request), request.failure());
        }
    }

    private static void refused(RoutingContext request, int reply) {
        Throwable failure = request.failure();
        String reason = HttpResponseStatus.valueOf(reply).reasonPhrase();
        LOG.warn("request refused before the route: reply={} invalid-request {}: {}", reply, requestLine(request),
                failure != null && failure.getMessage() != null ? LogText.printable(failure.getMessage())
                        : reason);
        answer(request, reply, reason); // as Vert.x answers: status and reason
    }

    /**
     * A sender gone is said in one line; anything else goes on, to be logged with its stack trace, unless the
     * connection is closed already.
     */
    private static void failed(RoutingContext request) {
        if (request.failure() instanceof HttpClosedException) {
            LOG.warn("request abandoned: the sender closed the connection before the request was read ({})",
                    requestLine(request));
            answer(request, 400, ""); // never leave a request hanging
        } else if (request.response().closed()) {
            senderGoneAlready(request); // another report of the abandoned request (the body reader's)
        } else {
            request.next();
        }
    }

    /** A failure of a request whose sender is gone: nobody to answer, and its warning is written already. */
    private static void senderGoneAlready(RoutingContext request) {
        LOG.debug("failure after the sender closed the connection ({}): {}", requestLine(request), request.failure());
    }

    private static void answer(RoutingContext request, int status, String body) {
        if (!request.response().ended() && !request.response().closed()) {
            request.response().setStatusCode(status).end(body);
        }
    }

    /** Method and request target, the target escaped and bounded: it is the sender's text. */
    private static String requestLine(RoutingContext request) {
        return request.request().method() + " " + LogText.printable(request.request().uri());
    }
}
