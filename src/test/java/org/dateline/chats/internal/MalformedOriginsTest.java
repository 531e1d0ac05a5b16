package org.dateline.chats.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedOriginsTest {

    @Test
    void takesOriginsAndTheOpaqueOne() {
        for (String origin : new String[] {"https://dateline.example", "http://localhost:8080", "http://[::1]:80",
                "null"}) {
            assertThat(MalformedOrigins.wellFormed(origin)).as(origin).isTrue();
        }
    }

    @Test
    void refusesWhatIsNoOrigin() {
        for (String origin : new String[] {"http://ex ample.com", "http://%zz", "http://a:b:c", "http://\u00e9.example",
                "http://[", "://", "http://x/path", "http://user@x", "http://x?q", ""}) {
            assertThat(MalformedOrigins.wellFormed(origin)).as(origin).isFalse();
        }
    }
}
