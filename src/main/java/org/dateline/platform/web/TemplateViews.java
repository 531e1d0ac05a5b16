package org.dateline.platform.web;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * The views of JTE templates, as the starter makes them but rendered into memory first and handed to the response
 * in one write. A page is a few thousand small pieces; written one by one, each went through the response wrappers
 * of Spring Security and Spring Session and Jetty's encoder and lock, which cost more than the rendering itself.
 * The page is encoded to UTF-8 at once too (Jetty's writer encoded it character by character). The bytes and headers
 * are the same (the response's own buffer still decides between a length and chunks).
 */
@Configuration(proxyBeanMethods = false)
class TemplateViews {

    /** Larger than most pages, so the text is rarely copied while it grows. */
    private static final int FIRST_CAPACITY = 48 * 1024;
    /** Jetty's response writer hands the container 1,024 characters at a time. */
    private static final int PIECE = 1024;

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteViewResolver(engine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new BufferedView(engine);
            }
        };
    }

    static final class BufferedView extends JteView {

        private final TemplateEngine engine;

        BufferedView(TemplateEngine engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws Exception {
            StringOutput page = new StringOutput(FIRST_CAPACITY);
            engine.render(getUrl(), model, page);
            byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            // In pieces no larger than the response writer's, so the container buffers them alike: a page that fits
            // its buffer still goes out with a length, a longer one in chunks.
            for (int at = 0; at < bytes.length; at += PIECE) {
                out.write(bytes, at, Math.min(PIECE, bytes.length - at));
            }
        }
    }
}
