package dev.enlace.simulator;

import io.vertx.ext.web.RoutingContext;

/**
 * Where a request reached a simulator, whether it is served at the root of its own port or
 * mounted as a sub-router: the base URL to write into links, and the path inside the simulator.
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    /** e.g. {@code http://127.0.0.1:8091/bsale}; authority() covers HTTP/1.1 Host and HTTP/2 :authority. */
    public static String base(RoutingContext rc) {
        var authority = rc.request().authority();
        return (rc.request().isSSL() ? "https://" : "http://")
                + (authority == null ? "localhost" : authority.toString()) + mountPrefix(rc);
    }

    /** The prefix the router is mounted under ("" when served at the root). */
    public static String mountPrefix(RoutingContext rc) {
        String mount = rc.mountPoint();
        if (mount == null) {
            return "";
        }
        return mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
    }

    /** The request path without the mount prefix. */
    public static String inside(RoutingContext rc) {
        String path = rc.request().path();
        String prefix = mountPrefix(rc);
        return !prefix.isEmpty() && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
