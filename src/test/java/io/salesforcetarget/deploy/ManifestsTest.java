package io.salesforcetarget.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates every document in deploy/ against the Kubernetes and Knative API schemas (generated from the API types
 * by fabric8, read from its model jars on the test classpath: no network), strictly: a field the API does not have
 * is an error, as with {@code kubeconform -strict}. Then checks what the documents must say for this target.
 */
class ManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path DEPLOY = Path.of("deploy");

    private static ObjectNode definitions;
    /** "apiVersion kind" to its definition name. */
    private static final Map<String, String> definitionOf = new HashMap<>();
    private static final List<JsonNode> documents = new ArrayList<>();

    @BeforeAll
    static void loadSchemasAndManifests() throws IOException {
        definitions = JSON.createObjectNode();
        Map<String, String> byJavaType = new HashMap<>();
        for (String resource : List.of("schema/kube-schema.json", "schema/knative-schema.json")) {
            try (InputStream in = ManifestsTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                JsonNode schema = JSON.readTree(in);
                schema.get("definitions").fields().forEachRemaining(entry -> {
                    definitions.set(entry.getKey(), entry.getValue());
                    if (entry.getValue().has("javaType")) {
                        byJavaType.put(entry.getValue().get("javaType").asText(), entry.getKey());
                    }
                });
            }
        }
        definitions.fields().forEachRemaining(entry -> {
            JsonNode properties = entry.getValue().path("properties");
            String apiVersion = properties.path("apiVersion").path("default").asText("");
            String kind = properties.path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                definitionOf.putIfAbsent(apiVersion + " " + kind, entry.getKey());
            }
        });
        // Types that Kubernetes writes as plain values but the generator describes as Java objects.
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString",
                JSON.readTree("{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}"));
        definitions.set("kubernetes_resource_Quantity",
                JSON.readTree("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}"));
        definitions.forEach(definition -> normalise(definition, byJavaType));

        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(doc -> doc != null && !doc.isEmpty())
                            .forEach(doc -> documents.add(((ObjectNode) doc).put("x-file", file.toString())));
                }
            }
        }
    }

    /** References by Java type become JSON references; generator keywords go; objects become strict. */
    private static void normalise(JsonNode node, Map<String, String> byJavaType) {
        if (node instanceof ObjectNode object) {
            JsonNode javaType = object.get("existingJavaType");
            if (javaType != null && !object.has("$ref") && !object.has("type")
                    && byJavaType.containsKey(javaType.asText())) {
                object.put("$ref", "#/definitions/" + byJavaType.get(javaType.asText()));
            }
            object.remove(List.of("existingJavaType", "javaType", "javaInterfaces", "javaOmitEmpty", "id", "serializer",
                    "deserializer"));
            if (object.has("required") && !object.get("required").isArray()) {
                object.remove("required");
            }
            if (object.has("properties") && !object.has("$ref")) {
                object.put("additionalProperties", false);
            }
            object.forEach(child -> normalise(child, byJavaType));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> normalise(child, byJavaType));
        }
    }

    private static Set<ValidationMessage> validate(JsonNode document) {
        String definition = definitionOf.get(document.path("apiVersion").asText() + " " + document.path("kind").asText());
        assertThat(definition).as("a schema for %s %s", document.path("apiVersion").asText(),
                document.path("kind").asText()).isNotNull();
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("definitions", definitions);
        root.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
        ObjectNode instance = document.deepCopy();
        instance.remove("x-file");
        return schema.validate(instance);
    }

    @Test
    void everyManifestIsValidForItsApi() {
        assertThat(documents).extracting(d -> d.get("kind").asText() + "/" + d.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("Service/salesforce-target-errors", "Secret/salesforce",
                        "Service/salesforce-target", "Trigger/salesforce-target-apicall",
                        "Trigger/salesforce-target-errors", "Service/salesforce-target",
                        "Secret/salesforce-target-database");
        for (JsonNode document : documents) {
            assertThat(validate(document)).as("%s %s", document.get("x-file").asText(),
                    document.at("/metadata/name").asText()).isEmpty();
        }
    }

    @Test
    void theValidationCatchesUnknownFieldsAndWrongTypes() {
        ObjectNode service = knativeService().deepCopy();
        ObjectNode container = (ObjectNode) service.at("/spec/template/spec/containers/0");
        container.set("envv", container.get("env"));
        assertThat(validate(service)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("envv"));

        ObjectNode probe = knativeService().deepCopy();
        ((ObjectNode) probe.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("pat", "/typo");
        assertThat(validate(probe)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("pat"));

        ObjectNode secret = documents.stream().filter(d -> d.get("kind").asText().equals("Secret")).findFirst()
                .orElseThrow().deepCopy();
        secret.put("strinData", "x");
        assertThat(validate(secret)).isNotEmpty();

        ObjectNode trigger = trigger("salesforce-target-apicall").deepCopy();
        ((ObjectNode) trigger.at("/spec/delivery")).put("retry", "five");
        assertThat(validate(trigger)).isNotEmpty();
    }

    @Test
    void theServiceReadsTheOriginalAdaptersVariablesAndTheKeyFromTheSecret() {
        JsonNode container = knativeService().at("/spec/template/spec/containers/0");
        List<String> names = new ArrayList<>();
        container.get("env").forEach(variable -> names.add(variable.get("name").asText()));
        assertThat(names).contains("SALESFORCE_AUTH_CLIENT_ID", "SALESFORCE_AUTH_SERVER", "SALESFORCE_AUTH_USER",
                "SALESFORCE_AUTH_CERT_KEY", "SALESFORCE_API_VERSION", "EVENTS_PAYLOAD_POLICY");
        JsonNode certKey = null;
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals("SALESFORCE_AUTH_CERT_KEY")) {
                certKey = variable.at("/valueFrom/secretKeyRef");
            }
        }
        JsonNode secret = documents.stream().filter(d -> d.get("kind").asText().equals("Secret")).findFirst().orElseThrow();
        assertThat(certKey.get("name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        assertThat(certKey.get("key").asText()).isEqualTo("certKey");
        assertThat(secret.at("/stringData").has("certKey")).isTrue();
    }

    @Test
    void theServiceListensOn8080AndIsReadyPerTheManagementPortsHealthEndpoint() {
        JsonNode container = knativeService().at("/spec/template/spec/containers/0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(9876);
        assertThat(container.at("/livenessProbe/tcpSocket/port").asInt()).isEqualTo(8080);
        assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    }

    @Test
    void requestsGoToTheTargetAndErrorRepliesToTheErrorSink() {
        JsonNode requests = trigger("salesforce-target-apicall");
        assertThat(requests.at("/spec/filter/attributes")).isEqualTo(
                JSON.createObjectNode().put("type", "io.triggermesh.salesforce.apicall"));
        assertThat(requests.at("/spec/subscriber/ref/name").asText())
                .isEqualTo(knativeService().at("/metadata/name").asText());

        JsonNode errors = trigger("salesforce-target-errors");
        assertThat(errors.at("/spec/filter/attributes")).isEqualTo(JSON.createObjectNode()
                .put("type", "io.triggermesh.salesforce.apicall.response").put("category", "error"));
        String sink = errors.at("/spec/subscriber/ref/name").asText();
        assertThat(documents).anyMatch(d -> d.get("kind").asText().equals("Service")
                && d.at("/metadata/name").asText().equals(sink));
        assertThat(requests.at("/spec/broker").asText()).isEqualTo(errors.at("/spec/broker").asText());
    }

    private static JsonNode knativeService() {
        return documents.stream().filter(d -> d.get("kind").asText().equals("Service")
                && d.at("/metadata/name").asText().equals("salesforce-target")).findFirst().orElseThrow();
    }

    private static JsonNode trigger(String name) {
        return documents.stream().filter(d -> d.get("kind").asText().equals("Trigger")
                && d.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
    }
}
