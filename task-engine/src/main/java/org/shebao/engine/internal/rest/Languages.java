package org.shebao.engine.internal.rest;

import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;

import org.shebao.api.i18n.Text;

/** The caller's language from {@code Accept-Language}: English on request, Simplified Chinese otherwise. */
public final class Languages {

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        return headers == null ? Text.DEFAULT_LOCALE : Text.preferred(headers.getAcceptableLanguages());
    }
}
