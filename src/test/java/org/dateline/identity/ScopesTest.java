package org.dateline.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTest {

    @Test
    void aScopeGrantsWhatItIncludesAndNothingElse() {
        assertThat(Scopes.granted(List.of("articles:read"))).containsExactly("articles:read");
        assertThat(Scopes.granted(List.of("stories:read"))).containsExactly("articles:read", "stories:read");
        assertThat(Scopes.granted(List.of("articles:write")))
                .containsExactly("articles:read", "stories:read", "articles:write");
        assertThat(Scopes.granted(List.of("wire:push"))).containsExactly("wire:push");
        assertThat(Scopes.granted(List.of("integrations:manage"))).containsExactly("integrations:manage");
    }

    @Test
    void unknownScopesGrantNothing() {
        assertThat(Scopes.granted(List.of())).isEmpty();
        assertThat(Scopes.granted(List.of("everything", "articles:*", "SCOPE_articles:write"))).isEmpty();
        assertThat(Scopes.granted(List.of("wire:push", "bogus"))).containsExactly("wire:push");
    }
}
