package io.salesforcetarget.simulator;

/** The simulated org and its single integration user; the base URL is known once the server listens. */
final class OrgIdentity {

    static final String ORG_ID_15 = SalesforceIds.generate("00D", 1).substring(0, 15);
    static final String USER_ID = SalesforceIds.generate("005", 1);

    private volatile String baseUrl = "http://127.0.0.1";

    String orgId15() {
        return ORG_ID_15;
    }

    String orgId18() {
        return SalesforceIds.to18(ORG_ID_15);
    }

    String userId18() {
        return USER_ID;
    }

    String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** host:port of the base URL, for lenient audience matching. */
    String hostAndPort() {
        return baseUrl.substring(baseUrl.indexOf("://") + 3);
    }
}
