package org.dateline.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers Jetty gives itself, to requests it refuses before the application sees them: a request line or headers
 * over the size limit, a method that is no token, a bad Host or Content-Length header, an unknown HTTP version or
 * transfer coding. Jetty hands each of these to its server's error handler; this one replaces Jetty's, so they carry
 * the same security headers as the application's answers ({@link SecurityHeaders}) and a short body in the format the
 * client asked for (a page, or a problem document with a code named after the status, such as {@code bad_request})
 * instead of Jetty's page. Nothing names the server or shows a stack trace. Refusals inside the application's context
 * (a path Jetty will not decode, such as {@code /%zz}) go to the application's error page like any other error.
 */
@Component
class ContainerRefusals implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

    @Override
    public void customize(ConfigurableJettyWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.setErrorHandler(new Report()));
    }

    static final class Report extends ErrorHandler {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        Report() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
            setShowOrigin(false);
            setCacheControl("no-store");
        }

        /** Every method gets the short body, not only GET, HEAD and POST (Jetty's default). */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int status, String message,
                Throwable cause, Callback callback) throws IOException {
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus shown = known != null ? known
                    : status < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            String accept = request.getHeaders().get(HttpHeader.ACCEPT);
            boolean page = accept != null && accept.contains("text/html");
            HttpFields.Mutable headers = response.getHeaders();
            SecurityHeaders.each(headers::put);
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            // Jetty closes the connection after each of these, and not always says so: a client that reused it
            // would get no answer to its next request.
            headers.put(HttpHeader.CONNECTION, "close");
            String body;
            if (page) {
                headers.put(HttpHeader.CONTENT_TYPE, "text/html;charset=UTF-8");
                body = page(status, shown, strings(request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_LANGUAGE)));
            } else {
                headers.put(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON.toString());
                body = JSON.writeValueAsString(Problems.fields(Problems.problem(shown, Problems.codeOf(shown),
                        shown.getReasonPhrase())));
            }
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }

        /** For a request Jetty could not parse: no request to ask what it accepts, so a problem document. */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable headers) {
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus shown = known != null ? known : HttpStatus.BAD_REQUEST;
            SecurityHeaders.each(headers::put);
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put(new HttpField(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON.toString()));
            return ByteBuffer.wrap(JSON.writeValueAsString(Problems.fields(Problems.problem(shown,
                    Problems.codeOf(shown), shown.getReasonPhrase()))).getBytes(StandardCharsets.UTF_8));
        }

        private static String page(int status, HttpStatus shown, ResourceBundle strings) {
            String kind = status < 500 ? "refused" : "failed";
            String title = status + " " + HtmlUtils.htmlEscape(shown.getReasonPhrase());
            return "<!doctype html><html lang=\"" + strings.getLocale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                    + strings.getString(kind) + "</p><p><a href=\"/\">" + strings.getString("home")
                    + "</a></p></body></html>";
        }

        /** Russian for a reader whose browser asks for it, else English; never a parameter, which may be the fault. */
        private static ResourceBundle strings(List<String> acceptedLanguages) {
            Locale locale = Locale.ENGLISH;
            for (String accepted : acceptedLanguages) {
                String language = Locale.forLanguageTag(accepted).getLanguage();
                if ("ru".equals(language) || "en".equals(language)) {
                    locale = Locale.forLanguageTag(language);
                    break;
                }
            }
            return ResourceBundle.getBundle("i18n.refusals", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }
}
