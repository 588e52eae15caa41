package io.salesforcetarget.salesforce;

/** Names of the exchange properties and headers the Salesforce call routes use and return. */
public final class SalesforceExchange {

    /** Property: the encoded path and query below {@code /services/data/vNN.N/}. */
    public static final String ENCODED_PATH = "SalesforceTargetEncodedPath";
    /** Property: Salesforce's HTTP status code of the last attempt, for the outcome log. */
    public static final String LAST_STATUS = "SalesforceTargetLastStatus";
    /**
     * Property: the records of an sObject Collections call. On the collection call's own exchange, the records it
     * carries; on an event's exchange, the records of the collection call that answered the event or failed as a
     * whole for it (the outcome log's {@code batch=N}; an event that went alone has none).
     */
    public static final String COLLECTION_RECORDS = "SalesforceTargetCollectionRecords";
    /** Header on the result of {@code direct:salesforce-apicall}: Salesforce's HTTP status code. */
    public static final String STATUS_CODE = "SalesforceStatusCode";

    private SalesforceExchange() {
    }
}
