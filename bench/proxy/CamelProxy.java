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
 *   java -cp target/salesforce-target.jar:VERTX_HTTP_JARS bench/proxy/CamelProxy.java PORT UPSTREAM_PORT CONNECTIONS [camel-http|vertx-http]
 */
public class CamelProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String upstream = "http://127.0.0.1:" + Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        boolean async = args.length > 3 && args[3].equals("vertx-http");
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the target's application.properties
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(connections));
        main.configure().addRoutesBuilder(async ? new RouteBuilder() {
            @Override
            public void configure() {
                VertxHttpComponent http = getContext().getComponent("vertx-http", VertxHttpComponent.class);
                http.setWebClientOptions(new WebClientOptions().setMaxPoolSize(connections).setKeepAlive(true));
                from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-async-proxy")
                        .streamCache("false")
                        .process(exchange -> {
                            // the upstream URI of this request: its path and query as received (the URI header may
                            // hold the query)
                            String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
                            String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
                            boolean withQuery = uri.contains("?") || query == null || query.isEmpty();
                            exchange.getMessage().setHeader(Exchange.HTTP_URI,
                                    upstream + uri + (withQuery ? "" : "?" + query));
                            exchange.getMessage().removeHeader(Exchange.HTTP_PATH);
                            exchange.getMessage().removeHeader(Exchange.HTTP_QUERY);
                        })
                        .to("vertx-http:" + upstream + "?throwExceptionOnFailure=false");
            }
        } : new RouteBuilder() {
            @Override
            public void configure() {
                HttpComponent http = getContext().getComponent("http", HttpComponent.class);
                http.setMaxTotalConnections(connections);
                http.setConnectionsPerRoute(connections);
                from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-proxy")
                        .streamCache("false")
                        .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD,
                                HttpMethods.valueOf(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))))
                        .to(upstream + "?bridgeEndpoint=true&throwExceptionOnFailure=false&getWithBody=true");
            }
        });
        main.run();
    }
}
