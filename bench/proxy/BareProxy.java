import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The benchmark's yardstick for any HTTP-to-HTTP bridge (bench/run --bare-proxy), never part of the product: Vert.x's
 * own reverse proxy (io.vertx:vertx-http-proxy) in front of the simulator, forwarding each request as it is. It does
 * the two HTTP exchanges per event that the target does, and nothing else: no CloudEvent, no JSON, no routing, no
 * reply event, no log line. Whatever ratio to the direct path it reaches on this machine is the most a bridge on the
 * JVM can reach here.
 *
 *   java -cp target/salesforce-target.jar:vertx-http-proxy.jar bench/proxy/BareProxy.java PORT UPSTREAM_PORT CONNECTIONS
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        // one server and one client per event loop, as a Vert.x application scales over cores
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(Math.max(1, connections / loops)));
                HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstreamPort, "127.0.0.1");
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                        .requestHandler(proxy).listen().<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(loops)).onComplete(done -> {
            if (done.failed()) {
                done.cause().printStackTrace();
                System.exit(1);
            }
            System.out.println("bare proxy on 127.0.0.1:" + port + " -> 127.0.0.1:" + upstreamPort + ", " + loops
                    + " event loops");
        });
    }
}
