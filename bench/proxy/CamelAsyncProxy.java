import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClientOptions;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.http.VertxHttpComponent;
import org.apache.camel.main.Main;

/**
 * A third yardstick (bench/run --bare-proxy camel-async), never part of the product: {@link CamelProxy}'s route with
 * an asynchronous client, camel-vertx-http (Vert.x's web client) in place of camel-http. The route still runs on
 * a platform-http-vertx worker, which waits for the route's end; the call itself holds no thread and no blocking
 * socket. The same 64 workers and 64 pooled connections.
 *
 *   java -cp target/salesforce-target.jar:VERTX_HTTP_JARS bench/proxy/CamelAsyncProxy.java PORT UPSTREAM_PORT CONNECTIONS
 */
public class CamelAsyncProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String upstream = "http://127.0.0.1:" + Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the target's application.properties
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.bind("vertxOptions", new VertxOptions().setWorkerPoolSize(connections));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                VertxHttpComponent http = getContext().getComponent("vertx-http", VertxHttpComponent.class);
                http.setWebClientOptions(new WebClientOptions().setMaxPoolSize(connections).setKeepAlive(true));
                from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-async-proxy")
                        .streamCache("false")
                        .process(exchange -> {
                            // the upstream URI of this request: its path and query as received (the URI header may hold the query)
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
        });
        main.run();
    }
}
