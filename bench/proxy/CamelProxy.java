import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClientOptions;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.component.vertx.http.VertxHttpComponent;
import org.apache.camel.main.Main;

/**
 * The Camel yardsticks (bench/run --bare-proxy camel | camel-async), never part of the product: the least a Camel
 * route on the target's stack costs, a bridge from camel-platform-http-vertx to the simulator, with the target's
 * settings where they matter for speed (64 Vert.x workers, 64 pooled connections, no stream cache of the request).
 * No CloudEvent, JSON, reply event, metrics or log line. The client is camel-http, the target's (the method header
 * as its enum), or with {@code vertx-http} camel-vertx-http, an asynchronous client: the route still runs on a
 * platform-http-vertx worker, which waits for the route's end, but the call holds no thread and no blocking socket.
 *
 * With {@code camel-shaped}, the bare route in the shape of the target's call path (bench/run --bare-proxy
 * camel-shaped): its four routes, three direct hops, error handler and onException clauses, its loop, delay, tries,
 * filters and choices, and as many steps, each a processor that does nothing; no CloudEvent, JSON, reply event,
 * metrics or log line either. Against the bare route, what the shape costs; against the target, what the target's
 * own steps cost.
 *
 *   java -cp target/salesforce-target.jar:VERTX_HTTP_JARS bench/proxy/CamelProxy.java PORT UPSTREAM_PORT CONNECTIONS [camel-http|vertx-http|camel-shaped]
 */
public class CamelProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String upstream = "http://127.0.0.1:" + Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        String client = args.length > 3 ? args[3] : "camel-http";
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the target's application.properties
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(connections));
        main.configure().addRoutesBuilder(switch (client) {
            case "vertx-http" -> new RouteBuilder() {
                @Override
                public void configure() {
                    VertxHttpComponent http = getContext().getComponent("vertx-http", VertxHttpComponent.class);
                    http.setWebClientOptions(new WebClientOptions().setMaxPoolSize(connections).setKeepAlive(true));
                    from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-async-proxy")
                            .streamCache("false")
                            .process(exchange -> {
                                exchange.getMessage().setHeader(Exchange.HTTP_URI, upstreamUri(exchange, upstream));
                                exchange.getMessage().removeHeader(Exchange.HTTP_PATH);
                                exchange.getMessage().removeHeader(Exchange.HTTP_QUERY);
                            })
                            .to("vertx-http:" + upstream + "?throwExceptionOnFailure=false");
                }
            };
            case "camel-shaped" -> new ShapedRoutes(upstream, connections);
            default -> new RouteBuilder() {
                @Override
                public void configure() {
                    poolConnections(this, connections);
                    from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-proxy")
                            .streamCache("false")
                            .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD,
                                    HttpMethods.valueOf(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))))
                            .to(upstream + "?bridgeEndpoint=true&throwExceptionOnFailure=false&getWithBody=true");
                }
            };
        });
        main.run();
    }

    /** The upstream URI of this request: its path and query as received (the URI header may hold the query). */
    static String upstreamUri(Exchange exchange, String upstream) {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
        boolean withQuery = uri.contains("?") || query == null || query.isEmpty();
        return upstream + uri + (withQuery ? "" : "?" + query);
    }

    /** camel-http's pool: as many connections as the target's, all to the one upstream. */
    static void poolConnections(RouteBuilder routes, int connections) {
        HttpComponent http = routes.getContext().getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(connections);
        http.setConnectionsPerRoute(connections);
    }

    /**
     * The target's call path with its steps emptied: receiver (error handler, six onException clauses, eleven
     * steps), the API call (six), the call with its attempts (loop, delay, try, filter) and one attempt (the HTTP
     * call between a try and a finally). Each step is where the target has one, and does nothing.
     */
    static final class ShapedRoutes extends RouteBuilder {
        private final String upstream;
        private final int connections;

        ShapedRoutes(String upstream, int connections) {
            this.upstream = upstream;
            this.connections = connections;
        }

        @Override
        public void configure() {
            poolConnections(this, connections);
            org.apache.camel.Processor nothing = exchange -> {
            };

            from("platform-http:/?matchOnUriPrefix=true").routeId("shaped-receiver")
                    .streamCache("false")
                    .onException(IllegalStateException.class).handled(true).process(nothing).end()
                    .onException(IllegalArgumentException.class).handled(true).process(nothing).end()
                    .onException(UnsupportedOperationException.class).handled(true)
                        .choice().when(exchange -> true).process(nothing).otherwise().process(nothing).end()
                    .end()
                    .onException(java.io.IOException.class).handled(true).process(nothing).end()
                    .onException(ArithmeticException.class).handled(true).process(nothing).end()
                    .onException(Exception.class).handled(true).process(nothing).end()
                    .process(nothing).id("authenticate")
                    .process(nothing).id("admit-event")
                    // what the attempt's first step drops and sets again: the call's method, URI, credentials and
                    // content type
                    .process(exchange -> {
                        exchange.setProperty("shaped.authorization", exchange.getMessage().getHeader("Authorization"));
                        exchange.setProperty("shaped.content-type", exchange.getMessage().getHeader(Exchange.CONTENT_TYPE));
                        exchange.setProperty("shaped.method", HttpMethods.valueOf(
                                exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class)));
                        exchange.setProperty("shaped.uri", upstreamUri(exchange, upstream));
                    }).id("read-cloudevent")
                    .process(nothing).id("claim-event")
                    .filter(exchangeProperty("shaped.stored").isNotNull()).id("check-redelivery")
                        .process(nothing).id("replay-reply")
                        .process(nothing).id("log-replay")
                        .stop()
                    .end()
                    .process(nothing).id("check-event-type")
                    .to("direct:shaped-apicall").id("call-salesforce")
                    .choice().id("apply-reply-policy")
                        .when(exchange -> true).process(nothing).id("reply-success")
                        .otherwise().process(nothing).id("acknowledge-success")
                    .end();

            from("direct:shaped-apicall").routeId("shaped-apicall")
                    .errorHandler(noErrorHandler())
                    .process(nothing).id("parse-request")
                    .process(nothing).id("check-allowlist")
                    .process(nothing).id("build-request-path")
                    .process(nothing).id("coalesce-writes")
                    .choice().id("answered-by-collection")
                        .when(exchangeProperty("shaped.answered").isNull())
                            .to("direct:shaped-call").id("send-request")
                    .end()
                    .process(nothing).id("interpret-response");

            from("direct:shaped-call").routeId("shaped-call")
                    .errorHandler(noErrorHandler())
                    .process(exchange -> {
                        exchange.setProperty("shaped.delay", 0L);
                        exchange.setProperty("shaped.due", true);
                    }).id("start-attempts")
                    .loopDoWhile(exchangeProperty("shaped.due").isEqualTo(true)).id("attempts")
                        .delay(exchangeProperty("shaped.delay")).asyncDelayed().id("back-off")
                        .process(exchange -> exchange.setProperty("shaped.due", false)).id("begin-attempt")
                        .doTry().id("attempt")
                            .to("direct:shaped-send").id("send-attempt")
                        .doCatch(Exception.class).id("attempt-failed")
                            .process(nothing).id("retry-or-give-up")
                        .end()
                        .filter(exchange -> false).id("check-session")
                            .process(nothing).id("renew-session")
                        .end()
                    .end();

            from("direct:shaped-send").routeId("shaped-send")
                    .errorHandler(noErrorHandler())
                    .removeHeaders("*").id("drop-inbound-headers")
                    .process(nothing).id("set-bearer-token")
                    .process(exchange -> {
                        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, exchange.getProperty("shaped.method"));
                        exchange.getMessage().setHeader(Exchange.HTTP_URI, exchange.getProperty("shaped.uri"));
                        exchange.getMessage().setHeader("Authorization", exchange.getProperty("shaped.authorization"));
                        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, exchange.getProperty("shaped.content-type"));
                    }).id("prepare-request")
                    .process(nothing).id("take-call-slot")
                    .doTry().id("hold-call-slot")
                        .to(upstream + "?throwExceptionOnFailure=false&getWithBody=true").id("http-request")
                    .doFinally().id("after-http-request")
                        .process(nothing).id("free-call-slot")
                    .end()
                    .process(nothing).id("capture-response")
                    .process(nothing).id("fail-on-transient-status");
        }
    }
}
