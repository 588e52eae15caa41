package io.salesforcetarget.salesforce;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.salesforcetarget.failure.RetryLaterException;

/** Reads {@code GET /services/data}'s {@code [{"version":"66.0",...},...]} and keeps the highest as "v66.0". */
public class PickHighestApiVersion implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws IOException {
        int status = exchange.getMessage().getHeader(SalesforceExchange.STATUS_CODE, Integer.class);
        if (status != 200) {
            throw new SalesforceUnavailableException(status, "API version discovery failed");
        }
        BigDecimal highest = null;
        for (JsonNode entry : MAPPER.readTree(exchange.getMessage().getBody(byte[].class))) {
            JsonNode version = entry.get("version");
            if (version != null && version.asText().matches("\\d+\\.\\d+")) {
                BigDecimal candidate = new BigDecimal(version.asText());
                highest = highest == null || candidate.compareTo(highest) > 0 ? candidate : highest;
            }
        }
        if (highest == null) {
            throw new RetryLaterException("Salesforce listed no API version", "no-api-version");
        }
        exchange.getMessage().setBody("v" + highest.toPlainString());
    }
}
