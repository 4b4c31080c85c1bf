package org.shebao.engine.internal.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** What an upload really is: a JPEG or PNG that decodes, whatever its name or first bytes claim. */
public final class Images {

    /** A decoded image: its media type and size. */
    public record Decoded(String contentType, int width, int height) {
    }

    private Images() {
    }

    public static Optional<Decoded> decode(byte[] bytes) {
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
                BufferedImage image = reader.read(0);
                return image == null ? Optional.empty() : Optional.of(new Decoded(type, image.getWidth(), image.getHeight()));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
