package org.dateline.testing;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML checker on a page: its errors (warnings are advice), empty when the page is valid HTML5.
 * <p>
 * The checker is built against Jetty 11's HTTP client, which cannot share a class path with the Jetty 12 the
 * application runs on; it is loaded, with the rest of the test class path but Jetty 11 in place of Jetty 12
 * (copied to {@code target/html-checker-jetty} by the build), in a class loader of its own, and called through
 * reflection. Only JDK types ({@code org.xml.sax}) cross between the two.
 */
public final class HtmlChecker {

    private static final Checker CHECKER = new Checker();

    private HtmlChecker() {
    }

    public static List<String> errors(String html) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        };
        CHECKER.check(html, collect);
        return errors;
    }

    private static final class Checker {

        private final Constructor<?> create;
        private final Method mainSchema;
        private final Method parsers;
        private final Method check;

        Checker() {
            try {
                Class<?> validator = Class.forName("nu.validator.validation.SimpleDocumentValidator", true,
                        new URLClassLoader("html-checker", classPath(), ClassLoader.getPlatformClassLoader()));
                create = validator.getConstructor();
                mainSchema = validator.getMethod("setUpMainSchema", String.class, ErrorHandler.class);
                parsers = validator.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class,
                        boolean.class);
                check = validator.getMethod("checkHtmlInputSource", InputSource.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The Nu HTML checker is not on the test class path", e);
            }
        }

        synchronized void check(String html, ErrorHandler collect) {
            try {
                Object validator = create.newInstance();
                mainSchema.invoke(validator, "http://s.validator.nu/html5-all.rnc", collect);
                parsers.invoke(validator, collect, true, false);
                check.invoke(validator, new InputSource(new StringReader(html)));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The test class path without Jetty, and Jetty 11 as the build copied it. */
        private static URL[] classPath() {
            String testClassPath = System.getProperty("surefire.test.class.path",
                    System.getProperty("java.class.path"));
            List<URL> urls = new ArrayList<>();
            try {
                for (String entry : testClassPath.split(File.pathSeparator)) {
                    if (!entry.isEmpty() && !entry.replace('\\', '/').contains("/org/eclipse/jetty/")) {
                        urls.add(Path.of(entry).toUri().toURL());
                    }
                }
                Path jetty11 = Path.of("target", "html-checker-jetty");
                try (Stream<Path> jars = Files.list(jetty11)) {
                    for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("Jetty 11 for the HTML checker is missing: run the build's "
                        + "generate-test-resources phase", e);
            }
            return urls.toArray(URL[]::new);
        }
    }
}
