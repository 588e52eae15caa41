import io.vertx.core.VertxOptions;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.main.Main;

/**
 * The second yardstick (bench/run --bare-proxy camel), never part of the product: the least a Camel route on the
 * target's stack costs, a bridge from camel-platform-http-vertx to camel-http in front of the simulator, with the
 * target's settings where they matter for speed (64 Vert.x workers, 64 pooled connections, no stream cache of the
 * request, the method header as camel-http's enum). No CloudEvent, JSON, reply event, metrics or log line.
 *
 *   java -cp target/salesforce-target.jar bench/proxy/CamelProxy.java PORT UPSTREAM_PORT CONNECTIONS
 */
public class CamelProxy {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
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
                HttpComponent http = getContext().getComponent("http", HttpComponent.class);
                http.setMaxTotalConnections(connections);
                http.setConnectionsPerRoute(connections);
                from("platform-http:/?matchOnUriPrefix=true").routeId("bare-camel-proxy")
                        .streamCache("false")
                        .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_METHOD,
                                HttpMethods.valueOf(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))))
                        .to("http://127.0.0.1:" + upstreamPort
                                + "?bridgeEndpoint=true&throwExceptionOnFailure=false&getWithBody=true");
            }
        });
        main.run();
    }
}
