package org.clearinghouse.indexer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.CRC32;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Search-after cursors: the sort values of the last hit of a page (score, year or title collation key,
 * always followed by the record id), with the sort order they belong to and a checksum, in URL-safe base64.
 */
final class Cursor {
    private static final byte VERSION = 1;
    private static final int MAX_LENGTH = 2048;
    private static final int MAX_BYTES = 1024;

    private Cursor() {
    }

    static String encode(SortOrder order, Object[] sortValues) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeByte(order.ordinal());
            switch (order) {
                case RELEVANCE -> out.writeFloat((Float) sortValues[0]);
                case NEWEST, OLDEST -> out.writeInt((Integer) sortValues[0]);
                case TITLE -> writeBytes(out, (BytesRef) sortValues[0]);
            }
            writeBytes(out, (BytesRef) sortValues[1]);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The search-after position, or an {@link InvalidCursorException} naming what is wrong. */
    static FieldDoc decode(String cursor, SortOrder order) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("malformed cursor: too long");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("malformed cursor: not URL-safe base64");
        }
        if (bytes.length < 7 || bytes.length > MAX_BYTES) {
            throw new InvalidCursorException("malformed cursor: wrong length");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new InvalidCursorException("malformed cursor: checksum mismatch");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
            if (in.readByte() != VERSION) {
                throw new InvalidCursorException("malformed cursor: unknown version");
            }
            int ordinal = in.readByte();
            if (ordinal != order.ordinal()) {
                throw new InvalidCursorException("cursor belongs to another sort order than " + order);
            }
            Object first = switch (order) {
                case RELEVANCE -> in.readFloat();
                case NEWEST, OLDEST -> in.readInt();
                case TITLE -> readBytes(in);
            };
            BytesRef id = readBytes(in);
            if (id == null || in.available() != 0) {
                throw new InvalidCursorException("malformed cursor: unexpected content");
            }
            if (first instanceof Float f && !Float.isFinite(f)) {
                throw new InvalidCursorException("malformed cursor: bad score");
            }
            float score = first instanceof Float f ? f : Float.NaN;
            // Integer.MAX_VALUE as doc id: ties are settled by the id sort value, never by Lucene's doc id.
            return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, id});
        } catch (IOException e) {
            throw new InvalidCursorException("malformed cursor: truncated");
        }
    }

    private static void writeBytes(DataOutputStream out, BytesRef value) throws IOException {
        if (value == null) {
            out.writeShort(-1);
            return;
        }
        out.writeShort(value.length);
        out.write(value.bytes, value.offset, value.length);
    }

    private static BytesRef readBytes(DataInputStream in) throws IOException {
        int length = in.readShort();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new InvalidCursorException("malformed cursor: bad length");
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return new BytesRef(value);
    }
}
