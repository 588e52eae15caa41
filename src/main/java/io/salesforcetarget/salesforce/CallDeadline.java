package io.salesforcetarget.salesforce;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The bound on one Salesforce call, from sending the request to the last byte of the answer: past it, the call's
 * connection is closed and the call fails with a {@link SocketTimeoutException}, as a socket timeout would fail it.
 * <p>
 * Why not the socket's own timeout: on a virtual thread, every read with a timeout arms and cancels a JDK timer,
 * whose scheduler thread is woken each time; that took 17 % of the target's CPU at 64 clients. Netty's
 * {@link HashedWheelTimer} takes a deadline and its cancellation without waking anything: its thread looks at the
 * wheel once per tick.
 * <p>
 * Added to Apache HttpClient's execution chain by {@link SalesforceHttpClient}, and a Camel service, so that the
 * wheel's thread stops with Camel.
 */
public final class CallDeadline extends ServiceSupport implements ExecChainHandler {

    /** The name of this handler in Apache HttpClient's execution chain. */
    public static final String NAME = "salesforce-call-deadline";
    private static final long TICK_MS = 10;

    private final long timeoutMs;
    private final HashedWheelTimer timer;

    public CallDeadline(Duration timeout) {
        this.timeoutMs = timeout.toMillis();
        this.timer = new HashedWheelTimer(runnable -> {
            Thread thread = new Thread(runnable, NAME);
            thread.setDaemon(true);
            return thread;
        }, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Deadlines armed and neither expired nor cancelled yet: one per call under way. */
    public long pending() {
        return timer.pendingTimeouts();
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Deadline deadline = new Deadline(scope);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            throw deadline.end(e);
        } catch (RuntimeException | HttpException e) {
            deadline.end(null);
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            deadline.end(null);
        } else {
            response.setEntity(new BoundedEntity(entity, deadline));
        }
        return response;
    }

    /** Stopped with Camel, after the routes: the wheel's thread ends. */
    @Override
    protected void doStop() {
        timer.stop();
    }

    /** One call's deadline: cancelled when the answer is read, closed or failed; if it expires, the call is aborted. */
    private final class Deadline {
        private final Timeout timeout;

        Deadline(ExecChain.Scope scope) {
            // Discarding the endpoint closes the socket: the blocked read fails at once.
            this.timeout = timer.newTimeout(expired -> scope.execRuntime.discardEndpoint(), timeoutMs,
                    TimeUnit.MILLISECONDS);
        }

        /** The call is over; a failure after the deadline is reported as the timeout it is. */
        IOException end(IOException failure) {
            timeout.cancel();
            if (failure != null && timeout.isExpired() && !(failure instanceof SocketTimeoutException)) {
                SocketTimeoutException timedOut = new SocketTimeoutException(
                        "no complete answer within " + timeoutMs + " ms");
                timedOut.initCause(failure);
                return timedOut;
            }
            return failure;
        }

        /** What a read of the body returned; its end (-1) ends the call. */
        int endAtEndOfBody(int read) {
            if (read < 0) {
                end(null);
            }
            return read;
        }
    }

    /** The answer's body, whose end (read to the end, closed, or failed) ends the deadline. */
    private static final class BoundedEntity extends HttpEntityWrapper {
        private final Deadline deadline;

        BoundedEntity(HttpEntity entity, Deadline deadline) {
            super(entity);
            this.deadline = deadline;
        }

        @Override
        public InputStream getContent() throws IOException {
            InputStream content;
            try {
                content = super.getContent();
            } catch (IOException e) {
                throw deadline.end(e);
            }
            return content == null ? null : new BoundedStream(content, deadline);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream content = getContent()) {
                if (content != null) {
                    content.transferTo(out);
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                deadline.end(null);
            }
        }
    }

    private static final class BoundedStream extends FilterInputStream {
        private final Deadline deadline;

        BoundedStream(InputStream in, Deadline deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            try {
                return deadline.endAtEndOfBody(super.read());
            } catch (IOException e) {
                throw deadline.end(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return deadline.endAtEndOfBody(super.read(buffer, offset, length));
            } catch (IOException e) {
                throw deadline.end(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                deadline.end(null);
            }
        }
    }
}
