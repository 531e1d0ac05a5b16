package org.dateline.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML checker on a page: its errors (warnings are advice), empty when the page is valid HTML5. */
public final class HtmlChecker {

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
        try {
            SimpleDocumentValidator validator = new SimpleDocumentValidator();
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
            validator.setUpValidatorAndParsers(collect, true, false);
            validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }
}
