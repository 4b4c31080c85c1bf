package org.shebao.engine.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

import org.shebao.engine.internal.cluster.SecurityConfig;

/**
 * The most bytes a request body may have: {@code maxJsonBytes} for JSON, {@code maxUploadBytes} for the rest. A body
 * that declares its length is judged by it before a byte is read; a chunked one is read up to the limit and no
 * further, and then handed on from memory. Nothing is parsed before this.
 */
final class BodyLimit {

    /**
     * A refused body is read on and dropped up to this many bytes, so that the client, still sending, reads the 413
     * rather than a broken connection; a larger one is cut off (the connection closes).
     */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;

    private BodyLimit() {
    }

    /** Reads the rest of a refused body and drops it, up to {@link #DRAIN_BYTES}; true when it was all read. */
    static boolean drain(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > DRAIN_BYTES) {
            return false;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                read += n;
                if (read > DRAIN_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int of(HttpServletRequest request, SecurityConfig config) {
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") ? config.maxJsonBytes() : config.maxUploadBytes();
    }

    /** The request to go on with, or empty when its body is larger than the limit. */
    static Optional<HttpServletRequest> within(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            return Optional.empty();
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            return Optional.of(request);
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        return body.length > limit ? Optional.empty() : Optional.of(new Buffered(request, body));
    }

    /** A chunked request whose body was read into memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("read synchronously");
                }
            };
        }
    }
}
