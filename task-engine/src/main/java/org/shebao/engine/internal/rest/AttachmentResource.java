package org.shebao.engine.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.AttachmentService;

/** Photos of a task: {@code /api/tasks/{id}/attachments} (multipart field {@code file}). */
@Component(service = AttachmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("tasks/{id}/attachments")
public class AttachmentResource {

    private final AttachmentService attachments;
    private final RequestAudit audit;

    @Context
    private HttpServletRequest http;

    @Context
    private SecurityContext security;

    @Activate
    public AttachmentResource(@Reference AttachmentService attachments, @Reference RequestAudit audit) {
        this.attachments = attachments;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") long taskId, MultipartBody body) throws IOException {
        var caller = Callers.require(security, Role.CITIZEN);
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw new ShebaoException(Kind.BAD_INPUT, "attachment-missing", Messages.text("attachment.missing"),
                    List.of(new FieldError("file", Messages.text("attachment.missing"))));
        }
        byte[] content;
        try (InputStream in = file.getDataHandler().getInputStream()) {
            // read one byte more than allowed, so that a larger file is recognised without reading it all
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, attachments.maxBytes() + 1));
        }
        var stored = attachments.attach(caller, taskId, content);
        audit.record(http, caller, "PHOTO_UPLOADED", "task " + taskId, caller.district(), content.length + " bytes");
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON).entity(stored).build();
    }

    @GET
    @Path("{aid}")
    public Response download(@PathParam("id") long taskId, @PathParam("aid") long attachmentId) {
        var photo = attachments.read(Callers.require(security), taskId, attachmentId);
        // personal: not cached (Cache-Control: no-store, nosniff and the rest come from the hardening filter)
        return Response.ok(photo.content(), photo.contentType()).build();
    }
}
