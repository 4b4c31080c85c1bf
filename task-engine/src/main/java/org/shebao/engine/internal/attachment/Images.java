package org.shebao.engine.internal.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;

/**
 * What an upload really is: a JPEG or PNG that decodes, whatever its name or first bytes claim. Its dimensions are
 * read from the header first: an image of more pixels than allowed is refused before anything is decoded (a small
 * file can declare a bitmap of gigabytes).
 */
public final class Images {

    /** A decoded image: its media type, size, and the bytes to keep (encoded afresh: no EXIF, no GPS, no trailer). */
    public record Decoded(String contentType, int width, int height, byte[] content) {
    }

    private Images() {
    }

    public static Optional<Decoded> decode(byte[] bytes, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                String type = switch (format) {
                    case "jpeg", "jpg" -> "image/jpeg";
                    case "png" -> "image/png";
                    default -> null;
                };
                if (type == null) {
                    return Optional.empty();
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new ShebaoException(Kind.TOO_LARGE, "image-too-many-pixels",
                            Messages.text("attachment.tooManyPixels", width, height, maxPixels));
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    return Optional.empty();
                }
                return Optional.of(new Decoded(type, image.getWidth(), image.getHeight(), encode(image, format)));
            } finally {
                reader.dispose();
            }
        } catch (ShebaoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The pixels only, written as a new file of the same format (JPEG without alpha). */
    private static byte[] encode(BufferedImage image, String format) throws IOException {
        boolean jpeg = !"png".equals(format);
        BufferedImage pixels = image;
        if (jpeg && image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR
                && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            pixels.createGraphics().drawImage(image, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(pixels, jpeg ? "jpeg" : "png", out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }
}
