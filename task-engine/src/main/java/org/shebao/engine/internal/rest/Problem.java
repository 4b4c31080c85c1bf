package org.shebao.engine.internal.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    /** One bad field of the request. */
    public record FieldProblem(String field, String message) {
    }
}
