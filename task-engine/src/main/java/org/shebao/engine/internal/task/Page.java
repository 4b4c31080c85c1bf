package org.shebao.engine.internal.task;

import java.util.List;

/** One page of a long list. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
