package io.salesforcetarget.reply;

import java.net.URI;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/** Builds the {@value #RESPONSE_TYPE} reply events, {@code category} {@code success} or {@code error}. */
public class ReplyEvents {

    public static final String RESPONSE_TYPE = "io.triggermesh.salesforce.apicall.response";
    public static final String CATEGORY = "category";

    private final URI source;

    public ReplyEvents(String source) {
        this.source = URI.create(source);
    }

    /** A success reply; {@code data} is Salesforce's JSON body, or none when Salesforce sent none (204). */
    public CloudEvent success(byte[] data) {
        CloudEventBuilder builder = builder("success");
        return data == null || data.length == 0 ? builder.build() : builder.withData("application/json", data).build();
    }

    /** An error reply with data {@code {"code","description","details"}}. */
    public CloudEvent error(byte[] errorJson) {
        return builder("error").withData("application/json", errorJson).build();
    }

    private CloudEventBuilder builder(String category) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(RESPONSE_TYPE)
                .withSource(source)
                .withExtension(CATEGORY, category);
    }
}
