package org.dateline.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Whether bytes are text in a charset, and where they stop being: a document that says it is UTF-8 (or is UTF-8
 * because it says nothing else) and is not is refused, never guessed at, so no copy is stored as mojibake.
 */
final class Decoding {

    private Decoding() {
    }

    /** The offset of the first byte that is not valid text in {@code charset}, or -1 when all of them are. */
    static long firstInvalidByte(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return result.isError() ? in.position() : -1;
            }
            out.clear(); // overflow: the text itself is not wanted
        }
    }

    /** What is said of bytes that are not text in {@code charset}. */
    static String notValid(Charset charset, long offset) {
        return "Not valid " + charset.name() + " at byte offset " + offset + ".";
    }
}
