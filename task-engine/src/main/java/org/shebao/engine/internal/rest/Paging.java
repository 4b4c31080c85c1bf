package org.shebao.engine.internal.rest;

import java.util.List;

import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.engine.internal.Messages;

/** Checks {@code page} and {@code size} of a paged list. */
final class Paging {

    static final int MAX_SIZE = 500;
    /** With at most {@link #MAX_SIZE} a page, the first row's offset stays an int (no overflow to a negative offset). */
    static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    static int page(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-paging", Messages.text("paging.page", MAX_PAGE),
                    List.of(new FieldError("page", Messages.text("paging.page", MAX_PAGE))));
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw bad("size", "paging.size");
        }
        return size;
    }

    private static ShebaoException bad(String field, String key) {
        return new ShebaoException(Kind.BAD_INPUT, "bad-paging", Messages.text(key, MAX_SIZE),
                List.of(new FieldError(field, Messages.text(key, MAX_SIZE))));
    }
}
