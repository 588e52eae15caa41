package io.salesforcetarget.e2e;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.AbstractQueryRecordsBase;
import org.apache.camel.component.salesforce.api.dto.CreateSObjectResult;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.GlobalObjects;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.SObject;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;
import org.apache.camel.component.salesforce.api.dto.SObjectField;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.SearchResult;
import org.apache.camel.component.salesforce.api.dto.SearchResult2;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectComposite;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectCompositeResponse;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectCompositeResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.salesforcetarget.simulator.KeyPairs;
import io.salesforcetarget.simulator.TestKeys;
import io.salesforcetarget.simulator.RecordedRequest;
import io.salesforcetarget.simulator.SalesforceSimulator;
import io.salesforcetarget.simulator.SimulatorConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Salesforce client nobody here wrote, Camel's Salesforce component (camel-salesforce), drives the simulated
 * org: it logs in with its own JWT bearer flow (its assertion, signed with the key from a PKCS#12 keystore, against
 * a loginUrl of plain http on 127.0.0.1), then does CRUD, a paged query, sObject Collections, a composite request,
 * a search, the describes and the limits, each through its own DTOs. What fails here is the simulated org's.
 */
class SalesforceClientIT {

    private static final String CLIENT_ID = "3MVG9-camel-salesforce-consumer-key";
    private static final String USER = "camel@example.com";
    private static final String PASSWORD = "keystore-secret";

    @TempDir
    static Path dir;

    private static SalesforceSimulator salesforce;
    private static CamelContext camel;
    private static ProducerTemplate template;
    /** The token requests the component sent while starting. */
    private static List<RecordedRequest> logins;

    /** An Account as camel-salesforce's generated DTOs are: the type in its attributes, fields as API names. */
    public static class Account extends AbstractDescribedSObjectBase {
        private String industry;
        private Integer numberOfEmployees;
        private String region;

        public Account() {
            getAttributes().setType("Account");
        }

        static Account named(String name) {
            Account account = new Account();
            account.setName(name);
            return account;
        }

        @JsonProperty("Industry")
        public String getIndustry() {
            return industry;
        }

        @JsonProperty("Industry")
        public void setIndustry(String industry) {
            this.industry = industry;
        }

        @JsonProperty("NumberOfEmployees")
        public Integer getNumberOfEmployees() {
            return numberOfEmployees;
        }

        @JsonProperty("NumberOfEmployees")
        public void setNumberOfEmployees(Integer numberOfEmployees) {
            this.numberOfEmployees = numberOfEmployees;
        }

        @JsonProperty("Region__c")
        public String getRegion() {
            return region;
        }

        @JsonProperty("Region__c")
        public void setRegion(String region) {
            this.region = region;
        }

        @Override
        public SObjectDescription description() {
            SObjectDescription description = new SObjectDescription();
            description.setName("Account");
            return description;
        }
    }

    /** A query's answer of Accounts, as the generated QueryRecordsAccount. */
    public static class QueryRecordsAccount extends AbstractQueryRecordsBase<Account> {
    }

    @BeforeAll
    static void start() throws Exception {
        KeyPair keys = KeyPairs.generate("RSA", 2048);
        // the connected app's key pair, in a PKCS#12 keystore as camel-salesforce reads it
        Path keystore = TestKeys.pkcs12(dir.resolve("salesforce.p12"), "salesforce", keys,
                TestKeys.selfSignedCertificate(keys, "camel-salesforce"), PASSWORD);
        salesforce = SalesforceSimulator.start(SimulatorConfig.builder().publicKey(keys.getPublic())
                .clientId(CLIENT_ID).username(USER).strictAudience(true).build());

        SalesforceComponent component = new SalesforceComponent();
        component.setAuthenticationType(AuthenticationType.JWT);
        component.setLoginUrl(salesforce.baseUrl());
        component.setClientId(CLIENT_ID);
        component.setUserName(USER);
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setResource("file:" + keystore);
        parameters.setPassword(PASSWORD);
        parameters.setType("PKCS12");
        component.setKeystore(parameters);
        // where it finds the DTO of an sObjectName (Account below), as for generated DTOs
        component.setPackages(SalesforceClientIT.class.getPackageName());
        component.setHttpClientConnectionTimeout(5_000);
        component.setHttpRequestTimeout(10_000);

        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", component);
        camel.start(); // logs in: the component starts its session eagerly
        template = camel.createProducerTemplate();
        logins = salesforce.recordedOtherRequests().stream()
                .filter(r -> r.path().equals("/services/oauth2/token")).toList();
    }

    @BeforeEach
    void freshOrg() {
        salesforce.reset(); // records, counters and recorded requests; the component's session stays valid
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    void logsInWithItsJwtFlowOverPlainHttpOnLoopback() {
        assertThat(logins).hasSize(1);
        RecordedRequest login = logins.get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.body()).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
                .contains("assertion=");
    }

    @Test
    void createReadUpdateDelete() {
        Account acme = Account.named("Acme");
        acme.setIndustry("Energy");
        acme.setRegion("EU");
        CreateSObjectResult created = template.requestBody("salesforce:createSObject", acme, CreateSObjectResult.class);
        assertThat(created.getSuccess()).isTrue();
        assertThat(created.getErrors()).isEmpty();
        String id = created.getId();
        assertThat(id).startsWith("001").hasSize(18);

        Account read = get(id);
        assertThat(read.getId()).isEqualTo(id);
        assertThat(read.getName()).isEqualTo("Acme");
        assertThat(read.getIndustry()).isEqualTo("Energy");
        assertThat(read.getRegion()).isEqualTo("EU");
        assertThat(read.getAttributes().getType()).isEqualTo("Account");
        assertThat(read.getAttributes().getUrl()).endsWith("/sobjects/Account/" + id);
        assertThat(read.getCreatedDate()).isNotNull();

        Account change = new Account();
        change.setId(id);
        change.setIndustry("Utilities");
        change.setNumberOfEmployees(42);
        template.requestBody("salesforce:updateSObject", change);
        Account updated = get(id);
        assertThat(updated.getIndustry()).isEqualTo("Utilities");
        assertThat(updated.getNumberOfEmployees()).isEqualTo(42);
        assertThat(updated.getName()).isEqualTo("Acme");

        template.requestBody("salesforce:deleteSObject?sObjectName=Account", id);
        assertThatThrownBy(() -> get(id)).isInstanceOfSatisfying(CamelExecutionException.class, e -> {
            SalesforceException cause = (SalesforceException) e.getCause();
            assertThat(cause.getStatusCode()).isEqualTo(404);
            assertThat(cause.getErrors()).extracting(r -> r.getErrorCode()).containsExactly("NOT_FOUND");
        });
    }

    @Test
    void collectionsCreateRetrieveUpdateDelete() {
        List<Account> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Account.named("Collected " + i));
        }
        List<SaveSObjectResult> created = saveAll("compositeCreateSObjectCollections?allOrNone=true", batch);
        assertThat(created).hasSize(3).allSatisfy(r -> assertThat(r.getSuccess()).isTrue());
        List<String> ids = new ArrayList<>();
        created.forEach(r -> ids.add(r.getId()));

        List<?> retrieved = template.requestBodyAndHeaders("salesforce:compositeRetrieveSObjectCollections"
                + "?sObjectName=Account&sObjectClass=" + Account.class.getName(), null,
                Map.of("sObjectIds", ids, "sObjectFields", List.of("Id", "Name")), List.class);
        assertThat(retrieved).hasSize(3);
        assertThat(((Account) retrieved.get(1)).getName()).isEqualTo("Collected 1");

        List<Account> changes = new ArrayList<>();
        for (String id : ids) {
            Account change = new Account();
            change.setId(id);
            change.setIndustry("Retail");
            changes.add(change);
        }
        assertThat(saveAll("compositeUpdateSObjectCollections", changes))
                .allSatisfy(r -> assertThat(r.getSuccess()).isTrue());
        assertThat(get(ids.get(2)).getIndustry()).isEqualTo("Retail");

        List<?> deleted = template.requestBody("salesforce:compositeDeleteSObjectCollections?allOrNone=true", ids,
                List.class);
        assertThat(deleted).hasSize(3).allSatisfy(r -> assertThat(((DeleteSObjectResult) r).getSuccess()).isTrue());
        assertThat(salesforce.store().count("Account")).isZero();
    }

    @Test
    void aQueryPagesThroughNextRecordsUrl() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            accounts.add(Account.named(String.format("Paged %03d", i)));
        }
        for (int from = 0; from < accounts.size(); from += 200) {
            saveAll("compositeCreateSObjectCollections", accounts.subList(from, Math.min(from + 200, accounts.size())));
        }

        QueryRecordsAccount page = template.requestBodyAndHeader("salesforce:query?sObjectClass="
                + QueryRecordsAccount.class.getName(), "SELECT Id, Name FROM Account WHERE Name LIKE 'Paged%' ORDER BY Name",
                "Sforce-Query-Options", "batchSize=200", QueryRecordsAccount.class);
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            assertThat(page.getTotalSize()).isEqualTo(450);
            sizes.add(page.getRecords().size());
            page.getRecords().forEach(a -> names.add(a.getName()));
            if (page.getDone()) {
                assertThat(page.getNextRecordsUrl()).isNull();
                break;
            }
            page = template.requestBody("salesforce:queryMore?sObjectClass=" + QueryRecordsAccount.class.getName(),
                    page.getNextRecordsUrl(), QueryRecordsAccount.class);
        }
        assertThat(sizes).containsExactly(200, 200, 50);
        assertThat(names).hasSize(450).startsWith("Paged 000", "Paged 001").endsWith("Paged 449").isSorted();
    }

    @Test
    void aCompositeRequestWithAReference() {
        SObjectComposite composite = new SObjectComposite("56.0", true);
        composite.addCreate(Account.named("Composed"), "NewAccount");
        composite.addGet("Account", "@{NewAccount.id}", "ReadBack", "Id", "Name");
        SObjectCompositeResponse response = template.requestBody("salesforce:composite", composite,
                SObjectCompositeResponse.class);

        List<SObjectCompositeResult> results = response.getCompositeResponse();
        assertThat(results).extracting(SObjectCompositeResult::getReferenceId).containsExactly("NewAccount", "ReadBack");
        assertThat(results).extracting(SObjectCompositeResult::getHttpStatusCode).containsExactly(201, 200);
        assertThat(results.get(0).getHttpHeaders()).containsKey("Location");
        assertThat(results.get(1).getBody().toString()).contains("Composed");
    }

    @Test
    void aSearch() {
        template.requestBody("salesforce:createSObject", Account.named("Searchable Widgets"), CreateSObjectResult.class);
        template.requestBody("salesforce:createSObject", Account.named("Other Gadgets"), CreateSObjectResult.class);
        SearchResult2 found = template.requestBody("salesforce:search",
                "FIND {widgets} IN NAME FIELDS RETURNING Account(Id, Name)", SearchResult2.class);
        assertThat(found.getSearchRecords()).hasSize(1);
        SearchResult hit = found.getSearchRecords().get(0);
        assertThat(hit.getAttributes().getType()).isEqualTo("Account");
        assertThat(hit.getId()).startsWith("001");
    }

    @Test
    void theDescribesReadIntoItsDtos() {
        GlobalObjects global = template.requestBody("salesforce:getGlobalObjects", null, GlobalObjects.class);
        assertThat(global.getMaxBatchSize()).isEqualTo(200);
        assertThat(global.getSobjects()).extracting(SObject::getName)
                .contains("Account", "Contact", "Lead", "Opportunity", "Case");

        SObjectDescription account = template.requestBody("salesforce:getDescription?sObjectName=Account", null,
                SObjectDescription.class);
        assertThat(account.getName()).isEqualTo("Account");
        assertThat(account.getLabelPlural()).isEqualTo("Accounts");
        SObjectField name = account.getFields().stream().filter(f -> f.getName().equals("Name")).findFirst()
                .orElseThrow();
        assertThat(name.getType()).isEqualTo("string");
        assertThat(name.getSoapType()).isEqualTo("xsd:string");
        assertThat(name.getLength()).isEqualTo(255);
        assertThat(name.getLabel()).isEqualTo("Account Name");
        assertThat(name.isNillable()).isFalse();
        SObjectField type = account.getFields().stream().filter(f -> f.getName().equals("Type")).findFirst()
                .orElseThrow();
        assertThat(type.getPicklistValues()).isNotEmpty();
        assertThat(account.getChildRelationships()).isNotEmpty();
        assertThat(account.getRecordTypeInfos()).singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo("Master"));
    }

    @Test
    void limits() {
        Limits limits = template.requestBody("salesforce:limits", null, Limits.class);
        assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(15_000);
        assertThat(limits.getDailyApiRequests().getRemaining()).isBetween(1, 15_000);
    }

    private static Account get(String id) {
        return template.requestBody("salesforce:getSObject?sObjectName=Account"
                + "&sObjectFields=Id,Name,Industry,NumberOfEmployees,Region__c,CreatedDate&sObjectClass="
                + Account.class.getName(), id, Account.class);
    }

    @SuppressWarnings("unchecked")
    private static List<SaveSObjectResult> saveAll(String operation, List<Account> records) {
        return template.requestBody("salesforce:" + operation, records, List.class);
    }
}
