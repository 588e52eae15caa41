package io.salesforcetarget.simulator;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The url of a composite or batch subrequest, e.g. "/services/data/v66.0/sobjects/Account?fields=Name":
 * its decoded path segments after /services/data (the version first) and its query parameters.
 */
record SubrequestUrl(List<String> segments, MultiMap params) {

    /** 404 NOT_FOUND unless the url lies under /services/data/vNN.0, as Salesforce resolves it. */
    static SubrequestUrl parse(String url) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        if (!path.startsWith(RestApi.PREFIX + "/")) {
            throw ApiError.notFound();
        }
        List<String> segments = PathDecoder.after(RestApi.PREFIX, path);
        if (segments.isEmpty()) {
            throw ApiError.notFound();
        }
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        if (q >= 0) {
            try {
                new QueryStringDecoder(url.substring(q), false).parameters().forEach(params::add);
            } catch (IllegalArgumentException e) {
                throw ApiError.notFound();
            }
        }
        return new SubrequestUrl(segments, params);
    }
}
