package io.salesforcetarget.e2e;

import java.net.http.HttpResponse;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.Application;
import io.salesforcetarget.EmbeddedSimulatorAccess;
import io.salesforcetarget.simulator.SalesforceSimulator;

import static io.salesforcetarget.e2e.CloudEventClient.API_CALL;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --simulator}: the target configured against an embedded simulated org, with nothing else configured. */
// Not on TargetAgainstSimulatedOrg: with --simulator the target starts its own org; that start is under test.
class SimulatorModeIT {

    @Test
    void theEmbeddedOrgServesEventsWithoutAnyConfiguration() throws Exception {
        Main main = Application.createMain();
        int port = RunningTarget.freePort();
        RunningTarget.onLoopback(main, port);
        SalesforceSimulator simulator = EmbeddedSimulatorAccess.attach(main);
        main.start();
        try {
            CloudEventClient client = new CloudEventClient("http://127.0.0.1:" + port + "/");
            HttpResponse<byte[]> created = client.sendBinary(API_CALL,
                    "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Jane\"}}");
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(CloudEventClient.replyOf(created).getExtension("category")).isEqualTo("success");
            assertThat(simulator.counters().successfulLogins()).isEqualTo(1);
        } finally {
            main.stop();
            simulator.close();
        }
    }
}
