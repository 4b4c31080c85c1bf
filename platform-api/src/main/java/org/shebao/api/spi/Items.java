package org.shebao.api.spi;

import java.util.List;
import java.util.function.Function;

/** A list an endpoint answers, with its length: {@code {"items": [...], "count": n}}. */
public record Items<T>(List<T> items, int count) {

    public Items {
        items = List.copyOf(items);
    }

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items, items.size());
    }

    /** Each of the list, as the endpoint shows it. */
    public static <S, T> Items<T> of(List<S> list, Function<? super S, ? extends T> shown) {
        return of(list.stream().<T>map(shown).toList());
    }
}
