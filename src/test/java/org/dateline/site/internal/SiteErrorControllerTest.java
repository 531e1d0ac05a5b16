package org.dateline.site.internal;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SiteErrorControllerTest {

    private final SiteErrorController controller = new SiteErrorController(null);

    @Test
    void aReaderWhoLeftMidResponseIsNotLoggedAsAFailure(CapturedOutput output) {
        controller.problem(failed(new EofException(new IOException("Broken pipe"))));

        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @Test
    void aRealFailureIsLoggedWithItsCause(CapturedOutput output) {
        controller.problem(failed(new IllegalStateException("the index is gone")));

        assertThat(output.getAll()).contains("Unhandled failure on /en/newsfeed/stream").contains("the index is gone");
    }

    private static MockHttpServletRequest failed(Throwable error) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/en/newsfeed/stream");
        return request;
    }
}
