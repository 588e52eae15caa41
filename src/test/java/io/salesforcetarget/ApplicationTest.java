package io.salesforcetarget;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ApplicationTest {

    @Test
    void missingConfigurationStopsWithExitCode2AndNamesEveryVariableAndTheSimulatorOption() throws Exception {
        assumeTrue(System.getenv("SALESFORCE_AUTH_CLIENT_ID") == null, "runs only where no real configuration is set");
        StandardError.Captured<Integer> run = StandardError.during(() -> Application.run(new String[0]));
        assertThat(run.result()).isEqualTo(Application.INVALID_CONFIGURATION);
        assertThat(run.text()).contains("SALESFORCE_AUTH_CLIENT_ID", "SALESFORCE_AUTH_SERVER", "SALESFORCE_AUTH_USER",
                "SALESFORCE_AUTH_CERT_KEY", "--simulator");
    }

    @Test
    @Timeout(60) // without the check, the target would run on without a listener: this test would never end
    void aPortInUseStopsTheTargetWithExitCode3InsteadOfRunningWithoutListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket management = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int managementPort = management.getLocalPort();
            management.close();
            System.setProperty("camel.server.host", "127.0.0.1");
            System.setProperty("camel.server.port", String.valueOf(taken.getLocalPort()));
            System.setProperty("camel.management.host", "127.0.0.1");
            System.setProperty("camel.management.port", String.valueOf(managementPort));
            int exitCode = Application.run(new String[] { Application.SIMULATOR });
            assertThat(exitCode).isEqualTo(Application.LISTENER_NOT_BOUND);
        } finally {
            for (String property : new String[] { "camel.server.host", "camel.server.port", "camel.management.host",
                    "camel.management.port" }) {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void theTryItCommandsCoverCreateReadUpdateAndDelete() {
        String commands = EmbeddedSimulator.tryItCommands(8080);
        assertThat(commands).contains("http://localhost:8080/", "\"action\":\"POST\"", "\"action\":\"GET\"",
                "\"action\":\"PATCH\"", "\"action\":\"DELETE\"", "ce-type: io.triggermesh.salesforce.apicall");
    }
}
