package org.dateline.wire;

import java.nio.file.Path;

/** The official conformance files, read where they lie (../shared/conformance), never copied into the repo. */
final class Conformance {

    private Conformance() {
    }

    static Path dir(String relative) {
        return Path.of(System.getProperty("dateline.shared.dir", "../shared"), "conformance").resolve(relative);
    }
}
