package org.dateline.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers Tomcat gives itself, to requests it refuses before the application sees them: a path it will not
 * decode ({@code /%zz}, {@code /a%00b}, {@code /..%2f}), a request line or headers over the size limit, a method that
 * is no token, a bad Host or Content-Length header, an unknown HTTP version. Tomcat hands each of these to its host's
 * error report valve; this one replaces Boot's, so they carry the same security headers as the application's answers
 * ({@link SecurityHeaders}) and a short body in the format the client asked for (a page, or a problem document with
 * a code named after the status, such as {@code bad_request}) instead of Tomcat's page. Nothing names the server or
 * shows a stack trace. The same valve answers, as a last resort, a failure of the application's own error page.
 * <p>
 * What it cannot do: a request line over the limit is refused before Tomcat reads any header, so its Accept is
 * unknown and the answer is a problem document; a request that is no HTTP/1.x at all (an HTTP/0.9 line) gets no
 * answer, only a closed connection. Tomcat logs the first refusal of each kind at INFO with a stack trace, and the
 * rest of the day at DEBUG.
 */
@Component
class TomcatRefusals implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new Report());
            // The host adds a valve of this class on start unless one is there already: name ours.
            ((StandardHost) host).setErrorReportValveClass(Report.class.getName());
        });
    }

    /** After Boot's customizer, which adds its own error report valve to the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class Report extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: nothing for a success, for a body already written, or for an error already reported.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus shown = known != null ? known
                    : status < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            String accept = request.getHeader("Accept");
            boolean page = accept != null && accept.contains("text/html");
            SecurityHeaders.write(response);
            response.setHeader("Cache-Control", "no-store");
            try {
                String body;
                if (page) {
                    response.setContentType("text/html;charset=UTF-8");
                    body = page(status, shown, strings(request));
                } else {
                    response.setContentType(Problems.PROBLEM_JSON.toString());
                    body = JSON.writeValueAsString(Problems.fields(Problems.problem(shown, Problems.codeOf(shown),
                            shown.getReasonPhrase())));
                }
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the response was committed after all: nothing more to say
            }
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
        private static ResourceBundle strings(Request request) {
            Locale locale = Locale.ENGLISH;
            for (Locale accepted : Collections.list(request.getLocales())) {
                if ("ru".equals(accepted.getLanguage()) || "en".equals(accepted.getLanguage())) {
                    locale = Locale.forLanguageTag(accepted.getLanguage());
                    break;
                }
            }
            return ResourceBundle.getBundle("i18n.refusals", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }
}
