package io.salesforcetarget.kamelet;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.salesforcetarget.apicall.ApiCallRequest;
import io.salesforcetarget.apicall.ApiCallRequestParser;
import io.salesforcetarget.failure.ErrorCode;
import io.salesforcetarget.failure.EventFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CamelContext context = new DefaultCamelContext();

    private Exchange exchange(Object body, String action, String resource, String object, String record) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.setProperty(SinkRequest.ACTION, action);
        exchange.setProperty(SinkRequest.RESOURCE, resource);
        exchange.setProperty(SinkRequest.OBJECT, object);
        exchange.setProperty(SinkRequest.RECORD, record);
        return exchange;
    }

    private JsonNode build(Exchange exchange) throws Exception {
        new SinkRequest().build(exchange);
        return MAPPER.readTree(exchange.getMessage().getBody(byte[].class));
    }

    @Test
    void jsonTextBecomesThePayloadAndThePropertiesThePath() throws Exception {
        Exchange exchange = exchange("{\"Name\":\"Jane\"}", "POST", "sobjects", "Account", "");

        JsonNode request = build(exchange);

        assertThat(request).isEqualTo(MAPPER.readTree(
                "{\"action\":\"POST\",\"resource\":\"sobjects\",\"object\":\"Account\",\"payload\":{\"Name\":\"Jane\"}}"));
        assertThat(exchange.getProperties()).as("no Kamelet property leaks to the caller")
                .doesNotContainKeys(SinkRequest.ACTION, SinkRequest.RESOURCE, SinkRequest.OBJECT, SinkRequest.RECORD);
        ApiCallRequest parsed = ApiCallRequestParser.parse(exchange.getMessage().getBody(byte[].class));
        assertThat(parsed.segments()).containsExactly("sobjects", "Account");
    }

    @Test
    void bytesStreamsMapsListsAndJsonNodesAreSentAsJson() throws Exception {
        byte[] text = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThat(build(exchange(text, "POST", "r", "", "")).get("payload")).isEqualTo(MAPPER.readTree("[1,2]"));
        assertThat(build(exchange(new ByteArrayInputStream(text), "POST", "r", "", "")).get("payload"))
                .isEqualTo(MAPPER.readTree("[1,2]"));
        assertThat(build(exchange(Map.of("Name", "Jane"), "POST", "r", "", "")).get("payload"))
                .isEqualTo(MAPPER.readTree("{\"Name\":\"Jane\"}"));
        assertThat(build(exchange(List.of("a"), "POST", "r", "", "")).get("payload"))
                .isEqualTo(MAPPER.readTree("[\"a\"]"));
        assertThat(build(exchange(MAPPER.readTree("\"text\""), "POST", "r", "", "")).get("payload").asText())
                .isEqualTo("text");
    }

    @Test
    void noBodyOrABlankOneMeansNoPayloadAndEmptyPropertiesAreLeftOut() throws Exception {
        for (Object body : new Object[] { null, "", "  \n" }) {
            JsonNode request = build(exchange(body, "GET", "sobjects", "Account", "001000000000001AAA"));
            assertThat(request.has("payload")).isFalse();
            assertThat(request.get("record").asText()).isEqualTo("001000000000001AAA");
        }
        JsonNode limits = build(exchange(null, "GET", "limits", "", ""));
        assertThat(limits).isEqualTo(MAPPER.readTree("{\"action\":\"GET\",\"resource\":\"limits\"}"));
    }

    @Test
    void textThatIsNotJsonIsTheMessagesFault() {
        assertThatThrownBy(() -> build(exchange("Name=Jane", "POST", "sobjects", "Account", "")))
                .isInstanceOfSatisfying(EventFaultException.class,
                        fault -> assertThat(fault.code()).isEqualTo(ErrorCode.REQUEST_PARSING));
        assertThatThrownBy(() -> build(exchange("{\"a\":1,\"a\":2}", "POST", "sobjects", "Account", "")))
                .isInstanceOf(EventFaultException.class);
    }

    @Test
    void anObjectJacksonCannotWriteIsTheMessagesFault() {
        assertThatThrownBy(() -> build(exchange(new Object(), "POST", "sobjects", "Account", "")))
                .isInstanceOfSatisfying(EventFaultException.class,
                        fault -> assertThat(fault.code()).isEqualTo(ErrorCode.REQUEST_PARSING));
    }
}
