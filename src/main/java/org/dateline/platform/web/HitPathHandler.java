package org.dateline.platform.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A handler in front of the servlet layer that answers some requests from memory, as nginx answers a static file:
 * without a servlet request, filter chain or framework, and without blocking, so Jetty may call it where the request
 * was read (the selector thread), with no hand-over to another thread. What it does not answer goes on: straight to
 * the next handler if that one never blocks either (another hit path), else to a pool thread, since the servlet layer
 * reads, writes and waits on the database and must never hold the thread that answered this request.
 * <p>
 * The server using such handlers is made non-dynamic ({@code Server.setDynamic(false)}) so Jetty trusts their
 * invocation type.
 */
public abstract class HitPathHandler extends Handler.Wrapper {

    protected HitPathHandler(Handler next) {
        super(next);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    /** Hands a request this handler does not answer to the next one, on a pool thread unless that one never blocks. */
    protected boolean passOn(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next.getInvocationType() == InvocationType.NON_BLOCKING) {
            return next.handle(request, response, callback);
        }
        getServer().getThreadPool().execute(() -> handleBlocking(next, request, response, callback));
        return true;
    }

    private static void handleBlocking(Handler next, Request request, Response response, Callback callback) {
        try {
            if (!next.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }
}
