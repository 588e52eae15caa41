package io.salesforcetarget.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.auth.SalesforceSession;
import io.salesforcetarget.auth.TokenCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrainGateTest {

    private final DrainGate gate = new DrainGate();

    private Exchange admitted() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        gate.admit(exchange);
        return exchange;
    }

    private static void done(Exchange exchange) {
        exchange.getExchangeExtension().handoverCompletions().forEach(s -> s.onComplete(exchange));
    }

    @Test
    void drainingWaitsForTheEventsInFlightAndRefusesNewOnes() throws Exception {
        Exchange inFlight = admitted();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.drain(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        io.salesforcetarget.simulator.Eventually.until("draining started", gate::isDraining);
        assertThatThrownBy(this::admitted).isInstanceOf(ShuttingDownException.class);
        assertThat(drained).isNotDone();

        done(inFlight);
        assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void drainingGivesUpAfterItsTimeout() throws Exception {
        admitted();
        assertThat(gate.drain(Duration.ofMillis(20))).isFalse();
        assertThat(gate.inFlight()).isEqualTo(1);
    }

    @Test
    void readyOnlyWithASessionAndWhileNotDraining() throws Exception {
        TokenCache tokens = new TokenCache(() -> new SalesforceSession("t", "https://x.my.salesforce.com"));
        ReadinessCheck check = new ReadinessCheck(tokens, gate, () -> true);
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.call().getState().name()).isEqualTo("DOWN");
        tokens.current();
        assertThat(check.call().getState().name()).isEqualTo("UP");
        gate.drain(Duration.ZERO);
        assertThat(check.call().getState().name()).isEqualTo("DOWN");
    }
}
