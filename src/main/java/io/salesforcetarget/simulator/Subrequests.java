package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;

/** Runs a composite or batch subrequest through the REST API's own dispatch, in the caller's session. */
@FunctionalInterface
interface Subrequests {

    /** {@code url} is absolute, "/services/data/vNN.0/..."; {@code body} may be null. */
    Reply run(String method, String url, JsonNode body, MultiMap headers);
}
