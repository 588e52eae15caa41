package io.salesforcetarget.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Reads a child process's output on a daemon thread, so that it never blocks on a full pipe, and keeps it. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * @param lines where every line goes, for the failure messages of the test
     * @return completes true at the first line that {@code ready} accepts, false if the output ends before
     */
    static CompletableFuture<Boolean> drain(Process process, List<String> lines, Predicate<String> ready) {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = output.readLine()) != null; ) {
                    lines.add(line);
                    if (ready.test(line)) {
                        started.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            started.complete(false);
        }, "output-of-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        return started;
    }
}
