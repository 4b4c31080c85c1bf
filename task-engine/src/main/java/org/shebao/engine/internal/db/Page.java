package org.shebao.engine.internal.db;

import java.util.List;

/** One page of a long list. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
