package org.shebao.engine.internal.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.form.FormSchema;
import org.shebao.api.records.Rates;
import org.shebao.api.records.RatesService;
import org.shebao.api.task.Applicant;
import org.shebao.api.task.FormData;
import org.shebao.engine.internal.plugin.BusinessTypeRegistry;
import org.shebao.engine.internal.plugin.RegisteredBusiness;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.task.TaskJson;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The businesses the caller's district offers, their forms and live assessments: {@code /api/business-types}. */
@Component(service = BusinessTypeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("business-types")
@Produces(MediaType.APPLICATION_JSON)
public class BusinessTypeResource {

    /** A business in the menu. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TypeDto(String id, String plugin, String version, String name, String group, String groupName,
            String uiModule, Map<String, Integer> filingWindow) {
    }

    /** Body of an assessment. */
    public record AssessmentRequest(Map<String, Object> data) {
    }

    private final BusinessTypeRegistry types;
    private final Clock clock;
    private final RatesService rates;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public BusinessTypeResource(@Reference BusinessTypeRegistry types, @Reference Clock clock,
            @Reference RatesService rates) {
        this.types = types;
        this.rates = rates;
        this.clock = clock;
    }

    @GET
    public List<TypeDto> list() {
        Account caller = Callers.require(security);
        Locale locale = Languages.of(headers);
        Optional<Rates.FilingWindow> window = rates.find(caller.district(), Year.of(LocalDate.now(clock).getYear()))
                .map(r -> r.rules().filingWindow());
        return types.enabledFor(caller.district()).stream()
                .map(t -> new TypeDto(t.id(), t.pluginId(), t.version(), t.name().in(locale), t.group().name(),
                        Messages.text("menu." + t.group().name()).in(locale), t.uiModule().orElse(null),
                        window.filter(w -> w.appliesTo(t.id()))
                                .map(w -> Map.of("firstDay", w.firstDay(), "lastDay", w.lastDay())).orElse(null)))
                .toList();
    }

    @GET
    @Path("{id}/form")
    public FormDtos.FormDto form(@PathParam("id") String id) {
        Account caller = Callers.require(security);
        // reading stays open while the district has the business switched off: its tasks are still shown
        RegisteredBusiness business = types.find(id).orElseThrow(() -> new ShebaoException(Kind.NOT_FOUND,
                "business-type-unknown", Messages.text("task.businessType.unknown", id)));
        FormSchema schema = business.type().form(new Applicant(caller, LocalDate.now(clock)));
        return FormDtos.of(schema, business.pluginId(), Languages.of(headers));
    }

    @POST
    @Path("{id}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> assess(@PathParam("id") String id, AssessmentRequest request) {
        Account caller = Callers.require(security);
        FormData data = FormData.of(request == null || request.data() == null ? Map.of() : request.data());
        return TaskJson.money(type(id, caller).type().assess(data, new Applicant(caller, LocalDate.now(clock))));
    }

    private RegisteredBusiness type(String id, Account caller) {
        return types.enabledFor(id, caller.district()).orElseThrow(() -> new ShebaoException(Kind.NOT_FOUND,
                "business-type-unknown", Messages.text("task.businessType.unknown", id)));
    }
}
