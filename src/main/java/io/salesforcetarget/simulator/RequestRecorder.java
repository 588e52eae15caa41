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

    synchronized void add(RecordedRequest request) {
        if (limit == 0) {
            return;
        }
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
