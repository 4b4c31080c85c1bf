package org.shebao.engine.internal.rest;

import java.util.Locale;

import javax.ws.rs.core.HttpHeaders;

import org.shebao.api.i18n.Text;

/** The caller's language from {@code Accept-Language}: English on request, Simplified Chinese otherwise. */
public final class Languages {

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                String language = wanted.getLanguage();
                if ("en".equals(language)) {
                    return Locale.ENGLISH;
                }
                if ("zh".equals(language)) {
                    return Text.DEFAULT_LOCALE;
                }
            }
        }
        return Text.DEFAULT_LOCALE;
    }
}
