package io.salesforcetarget.simulator;

import java.util.ArrayDeque;
import java.util.List;

/** Keeps the last N recorded API requests, oldest first. */
final class RequestRecorder {

    private final int limit;
    private final ArrayDeque<RecordedRequest> requests = new ArrayDeque<>();

    RequestRecorder(int limit) {
        this.limit = limit;
    }

    /** False when the limit is 0: the benchmark can skip copying every request. */
    boolean enabled() {
        return limit > 0;
    }

    synchronized void add(RecordedRequest request) {
        if (requests.size() == limit) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
