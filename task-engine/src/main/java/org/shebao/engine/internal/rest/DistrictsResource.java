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
import org.shebao.engine.internal.records.DistrictsConfig;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The city's districts (not the city itself), {@code GET /api/districts}: codes and names in words, from configuration. */
@Component(service = DistrictsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("districts")
@Produces(MediaType.APPLICATION_JSON)
public class DistrictsResource {

    /** A district as every screen names it, and its office where configured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DistrictDto(String code, String name, OfficeDto office) {
    }

    /** Where citizens find the district's office. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfficeDto(String address, String phone) {
    }

    private final Districts districts;
    private final DistrictsConfig config;

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Activate
    public DistrictsResource(@Reference Districts districts, @Reference DistrictsConfig config) {
        this.districts = districts;
        this.config = config;
    }

    @GET
    public List<DistrictDto> districts() {
        Callers.require(security);
        Locale locale = Languages.of(headers);
        return districts.all().stream().filter(d -> !Rates.CITY.equals(d.code()))
                .map(d -> new DistrictDto(d.code(), d.name().in(locale), config.office(d.code())
                        .map(o -> new OfficeDto(o.address() == null ? null : o.address().in(locale), o.phone())).orElse(null)))
                .toList();
    }
}
