package org.shebao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decompression bomb: a PNG of a few hundred kilobytes that declares 21 000 × 21 000 pixels (1.7 GB as a bitmap).
 * It is refused from its header (413) without being decoded, and nothing is stored; someone else's task is refused
 * (404) before any decoding at all. A photo is kept as its pixels only: the EXIF block with its GPS position is gone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PhotoBombIT extends ContainerTest {

    @Test
    public void aBombIsRefusedFromItsHeaderAndNothingIsStored() throws Exception {
        Http citizen = citizen("420102");
        JsonNode task = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data",
                Map.of("name", "甲", "outcome", "approve"))).json();
        long id = task.path("id").asLong();
        byte[] bomb = png(21_000, 21_000);
        assertTrue("a small file: " + bomb.length, bomb.length < 2 * 1024 * 1024);

        Http.Answer stranger = citizen("420102").upload("/api/tasks/" + id + "/attachments", "bomb.png", "image/png", bomb);
        assertEquals("someone else's task: not found, before decoding", 404, stranger.status());

        Http.Answer refused = citizen.upload("/api/tasks/" + id + "/attachments", "bomb.png", "image/png", bomb);
        assertEquals(refused.body(), 413, refused.status());
        assertTrue(refused.body(), refused.body().contains("image-too-many-pixels") && refused.body().contains("21,000"));
        assertEquals("nothing stored", 0, citizen.get("/api/tasks/" + id).json().path("attachments").size());
        assertEquals("the task unchanged", task.path("version").asLong(),
                citizen.get("/api/tasks/" + id).json().path("version").asLong());

        Http.Answer small = citizen.upload("/api/tasks/" + id + "/attachments", "ok.png", "image/png", png(40, 30));
        assertEquals(small.body(), 201, small.status());
        assertEquals("an upload is an edit: the answer carries the task's new version", task.path("version").asLong() + 1,
                small.json().path("version").asLong());
        assertEquals(small.json().path("version").asLong(), citizen.get("/api/tasks/" + id).json().path("version").asLong());
    }

    @Test
    public void aPhotoIsStoredWithoutItsExifAndGpsData() throws Exception {
        Http citizen = citizen("420102");
        long id = citizen.post("/api/tasks", Map.of("businessType", "it-probe", "data",
                Map.of("name", "乙", "outcome", "approve"))).json().path("id").asLong();
        byte[] withGps = jpegWithExif("GPS 30.5928N 114.3055E home");
        assertTrue(new String(withGps, StandardCharsets.ISO_8859_1).contains("114.3055E"));

        Http.Answer stored = citizen.upload("/api/tasks/" + id + "/attachments", "me.jpg", "image/jpeg", withGps);
        assertEquals(stored.body(), 201, stored.status());
        byte[] kept = citizen.bytes("/api/tasks/" + id + "/attachments/" + stored.json().path("id").asLong());
        String text = new String(kept, StandardCharsets.ISO_8859_1);
        assertFalse("no EXIF segment", text.contains("Exif"));
        assertFalse("no location", text.contains("114.3055E"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept));
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
    }

    /** A JPEG photo with an APP1 "Exif" segment right after its start marker, holding the text given. */
    static byte[] jpegWithExif(String secret) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] payload = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)});
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A grey PNG of the size, its rows all zero (compressing to almost nothing). */
    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter method, no interlace
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] row = new byte[width + 1];
        byte[] buffer = new byte[65536];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                data.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) throws Exception {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(body.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.write(name);
        d.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        d.writeInt((int) crc.getValue());
    }
}
