package org.shebao.engine.internal.http;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OriginsTest {

    private final Origins origins = new Origins(" https://partner.example.cn , http://Hall.Example:8080 ");
    private static final String OWN = "http://127.0.0.1:8181";

    @Test
    public void noHeaderIsNoBrowserAndPasses() {
        assertTrue(origins.allowed(null, null, OWN));
    }

    @Test
    public void theOwnOriginAndTheConfiguredOnesPass() {
        assertTrue(origins.allowed("http://127.0.0.1:8181", null, OWN));
        assertTrue(origins.allowed(null, "http://127.0.0.1:8181/console/#/task/3", OWN));
        assertTrue(origins.allowed("https://partner.example.cn:443", null, OWN));
        assertTrue(origins.allowed("http://hall.example:8080", null, OWN));
    }

    @Test
    public void anotherSiteAnOpaqueOriginOrAnotherPortIsRefused() {
        assertFalse(origins.allowed("https://evil.example", null, OWN));
        assertFalse(origins.allowed("null", null, OWN));
        assertFalse(origins.allowed("http://127.0.0.1:9999", null, OWN));
        assertFalse(origins.allowed("https://127.0.0.1:8181", null, OWN));
        assertFalse("the Origin counts before the Referer", origins.allowed("https://evil.example", OWN + "/console/", OWN));
        assertFalse(origins.allowed(null, "https://evil.example/x", OWN));
        assertFalse(origins.allowed("http://127.0.0.1.evil.example:8181", null, OWN));
        assertFalse(origins.allowed("not a url at all", null, OWN));
    }
}
