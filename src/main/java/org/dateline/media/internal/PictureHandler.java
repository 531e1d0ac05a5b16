package org.dateline.media.internal;

import java.nio.ByteBuffer;

import org.dateline.platform.web.HitPathHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The hit path of renditions, in front of the servlet layer: a GET or HEAD of a rendition this node holds in memory
 * is answered by Jetty's own request and response, without a servlet request, filter chain or framework, as nginx
 * answers a static file. Anything else under {@code /pictures/} (a rendition to read from the folder or to make, a
 * query string, another method, what is no rendition) goes on to {@link PictureFilter}, as does every other path.
 */
final class PictureHandler extends HitPathHandler {

    private final Renditions renditions;

    PictureHandler(Renditions renditions, Handler next) {
        super(next);
        this.renditions = renditions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        Renditions.Served hit = (head || HttpMethod.GET.is(method)) && request.getHttpURI().getQuery() == null
                ? renditions.inMemory(request.getHttpURI().getPath()) : null;
        if (hit == null) {
            return passOn(request, response, callback);
        }
        var headers = response.getHeaders();
        RenditionAnswer.always(request.isSecure(), headers::put);
        RenditionAnswer.found(hit, headers::put);
        if (RenditionAnswer.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), hit)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return true;
        }
        headers.put(HttpHeader.CONTENT_TYPE, hit.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, hit.bytes().length);
        response.write(true, head ? null : ByteBuffer.wrap(hit.bytes()).asReadOnlyBuffer(), callback);
        return true;
    }
}
