package org.shebao.engine.internal.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import org.shebao.api.records.Districts;
import org.shebao.api.records.Rates;

/** The city's districts (not the city itself), {@code GET /api/districts}: codes and names in words, from configuration. */
@Component(service = DistrictsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("districts")
@Produces(MediaType.APPLICATION_JSON)
public class DistrictsResource {

    /** A district as every screen names it. */
    public record DistrictDto(String code, String name) {
    }

    private final Districts districts;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public DistrictsResource(@Reference Districts districts) {
        this.districts = districts;
    }

    @GET
    public List<DistrictDto> districts() {
        Callers.require(security);
        Locale locale = Languages.of(headers);
        return districts.all().stream().filter(d -> !Rates.CITY.equals(d.code()))
                .map(d -> new DistrictDto(d.code(), d.name().in(locale))).toList();
    }
}
