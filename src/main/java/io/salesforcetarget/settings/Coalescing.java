package io.salesforcetarget.settings;

/**
 * Whether writes of events that wait for a call slot share sObject Collections calls, and how many records one
 * call carries at most ({@code SALESFORCE_COALESCE}, {@code SALESFORCE_COALESCE_MAX_RECORDS}).
 */
public record Coalescing(boolean enabled, int maxRecords) {

    /** Salesforce's limit on the records of one sObject Collections call. */
    public static final int MAX_RECORDS = 200;

    /** The defaults, as {@link TargetSettings} has them. */
    public static Coalescing defaults() {
        return TargetSettings.defaultCoalescing();
    }

    public static Coalescing off() {
        return new Coalescing(false, MAX_RECORDS);
    }
}
