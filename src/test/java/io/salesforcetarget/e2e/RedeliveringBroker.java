package io.salesforcetarget.e2e;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A broker as Knative's behaves towards a sink, for tests: it delivers every event until it gets a 2xx, and takes a
 * non-2xx answer or no answer at all (connection refused or reset, a replica killed mid-request) as a reason to
 * deliver it again, after a short backoff, to the next replica. Deliveries alternate between the replicas.
 */
final class RedeliveringBroker {

    /** One event to deliver: its CloudEvents id and data (binary mode, source {@code e2e-test}). */
    record Event(String id, String data) {
    }

    /** No answer: the connection was lost with the request sent (a replica killed mid-request, a timeout). */
    static final int NO_ANSWER = -1;
    /** Refused: nothing listened (a replica down), so the replica never saw the event. */
    static final int REFUSED = -2;

    /** One delivery: to which replica, and the status it got, or {@link #NO_ANSWER} or {@link #REFUSED}. */
    record Delivery(int replica, int status) {
    }

    /** An event's deliveries, and the answer that acknowledged it (null if none did before the deadline). */
    record Outcome(Event event, List<Delivery> deliveries, HttpResponse<byte[]> acknowledged) {

        boolean unansweredBy(int replica) {
            return deliveries.stream().anyMatch(d -> d.replica() == replica && d.status() == NO_ANSWER);
        }
    }

    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final IntFunction<String> replicaUrl;
    private final int replicas;
    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger acknowledged = new AtomicInteger();

    /** @param replicaUrl the current URL of replica i (it may change when a replica is restarted) */
    RedeliveringBroker(int replicas, IntFunction<String> replicaUrl, int concurrency) {
        this.replicas = replicas;
        this.replicaUrl = replicaUrl;
        this.concurrency = concurrency;
    }

    /** How many events have been acknowledged so far (read from another thread while {@link #deliver} runs). */
    int acknowledged() {
        return acknowledged.get();
    }

    /** Delivers every event until it is acknowledged, {@code concurrency} at a time; the outcomes in order. */
    List<Outcome> deliver(List<Event> events, int firstReplica) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                int start = (firstReplica + i) % replicas;
                outcomes.add(senders.submit(() -> deliver(event, start)));
            }
            List<Outcome> done = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                done.add(outcome.get());
            }
            return done;
        } finally {
            senders.shutdownNow();
        }
    }

    private Outcome deliver(Event event, int start) {
        List<Delivery> deliveries = new ArrayList<>();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline && !Thread.currentThread().isInterrupted(); attempt++) {
            int replica = (start + attempt) % replicas;
            HttpResponse<byte[]> response = null;
            int status;
            try {
                response = send(replicaUrl.apply(replica), event);
                status = response.statusCode();
            } catch (java.net.ConnectException e) {
                status = REFUSED;
            } catch (java.io.IOException e) {
                status = NO_ANSWER;
            }
            deliveries.add(new Delivery(replica, status));
            if (status >= 200 && status < 300) {
                acknowledged.incrementAndGet();
                return new Outcome(event, deliveries, response);
            }
            LockSupport.parkNanos(BACKOFF.toNanos()); // a broker's backoff between deliveries
        }
        return new Outcome(event, deliveries, null);
    }

    private HttpResponse<byte[]> send(String url, Event event) throws java.io.IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("ce-specversion", "1.0").header("ce-id", event.id()).header("ce-source", "e2e-test")
                    .header("ce-type", API_CALL).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event.data())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the broker was stopped");
        }
    }
}
