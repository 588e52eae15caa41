package io.salesforcetarget.cloudevents;

import org.apache.camel.Message;
import org.apache.camel.cloudevents.CloudEvent;

/**
 * Exposes the inbound event's attributes under camel-cloudevents' header names ({@code CamelCloudEventID}, ...),
 * the names other Camel routes and the CloudEvents transformers understand. The original HTTP headers are
 * removed: none of them may travel further.
 */
final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    static void set(Message message, io.cloudevents.CloudEvent event) {
        message.getHeaders().clear();
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_ID, event.getId());
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, event.getSource().toString());
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, event.getType());
        message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_VERSION, event.getSpecVersion().toString());
        if (event.getSubject() != null) {
            message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT, event.getSubject());
        }
        if (event.getDataContentType() != null) {
            message.setHeader(CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE, event.getDataContentType());
        }
    }
}
