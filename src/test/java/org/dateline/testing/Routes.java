package org.dateline.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application maps, read from its handler mappings (controllers, the actuator, the chat
 * socket's handshake, static resources), never typed by hand: a test over all of them covers a route added tomorrow.
 */
public final class Routes {

    private Routes() {
    }

    /**
     * One method on one path pattern.
     *
     * @param handler the controller method, or null for a route of a URL mapping (the socket, static files)
     * @param info    the mapping's conditions (what it consumes, ...), or null likewise
     */
    public record Route(String method, String pattern, HandlerMethod handler, RequestMappingInfo info) {

        /** The variables of the pattern, in order ({@code {id}}, {@code {date:\d{8}}} → id, date). */
        public List<String> variables() {
            List<String> names = new ArrayList<>();
            walk(pattern, name -> {
                names.add(name);
                return "";
            });
            return names;
        }

        /** The path with each variable given by {@code value} (already encoded for a path) and wildcards as "x". */
        public String path(Function<String, String> value) {
            return walk(pattern, value).replace("**", "x").replace("*", "x");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }

        /** Replaces each variable (whose regex may hold braces of its own) by what {@code value} gives its name. */
        private static String walk(String pattern, Function<String, String> value) {
            StringBuilder path = new StringBuilder();
            StringBuilder variable = new StringBuilder();
            int depth = 0;
            for (char c : pattern.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (--depth == 0) {
                        String name = variable.toString().split(":", 2)[0];
                        path.append(value.apply(name));
                        variable.setLength(0);
                    }
                } else if (depth > 0) {
                    variable.append(c);
                } else {
                    path.append(c);
                }
            }
            return path.toString();
        }
    }

    /** Every route of every handler mapping; a mapping without methods answers GET. Sorted, for stable reports. */
    public static List<Route> of(ApplicationContext context) {
        List<Route> routes = new ArrayList<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
                methods.getHandlerMethods().forEach((info, handler) -> {
                    Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (verbs.isEmpty()) {
                            routes.add(new Route("GET", pattern, handler, info));
                        }
                        verbs.forEach(verb -> routes.add(new Route(verb.name(), pattern, handler, info)));
                    }
                });
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(pattern -> routes.add(new Route("GET", pattern, null, null)));
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }
}
