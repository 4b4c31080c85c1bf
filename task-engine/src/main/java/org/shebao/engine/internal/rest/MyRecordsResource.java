package org.shebao.engine.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.shebao.api.account.Account;
import org.shebao.api.account.Role;
import org.shebao.api.records.Districts;
import org.shebao.api.records.Enrolment;
import org.shebao.api.records.LedgerLine;
import org.shebao.api.records.LineQuery;
import org.shebao.api.records.LineStatus;
import org.shebao.api.records.Person;
import org.shebao.api.records.TypeTotal;
import org.shebao.api.spi.Queries;
import org.shebao.engine.internal.db.Page;
import org.shebao.engine.internal.records.CitizenReads;

/**
 * The citizen's own record ({@code GET /api/records/me}) and ledger ({@code /api/records/me/ledger}, newest month
 * first, paged): only the caller's, never anyone else's.
 */
@Component(service = MyRecordsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ShebaoApplication.SELECT)
@JSONRequired
@Path("records/me")
@Produces(MediaType.APPLICATION_JSON)
public class MyRecordsResource {

    /** Who. */
    public record PersonDto(String idNumber, String name, String district, String districtName, String mobile, String address) {
    }

    /** An enrolment in words. */
    public record EnrolmentDto(String insuranceType, String typeName, String status, String statusName, Integer tier,
            String from, String until) {
    }

    /** Paid months per type, and what is owed, payable and on slips. */
    public record Summary(Map<String, Integer> paidMonths, BigDecimal arrears, BigDecimal payable, BigDecimal onSlip) {
    }

    /** The whole answer of {@code /api/records/me}. */
    public record MyRecord(PersonDto person, List<EnrolmentDto> enrolments, Summary summary) {
    }

    private final CitizenReads reads;
    private final Districts districts;
    private final Clock clock;

    @Activate
    public MyRecordsResource(@Reference CitizenReads reads, @Reference Districts districts, @Reference Clock clock) {
        this.reads = reads;
        this.districts = districts;
        this.clock = clock;
    }

    @GET
    public MyRecord me(@Context SecurityContext security, @Context HttpHeaders headers) {
        Account caller = Callers.require(security, Role.CITIZEN);
        Locale locale = Languages.of(headers);
        CitizenReads.Overview record = reads.overview(caller.login(), LocalDate.now(clock));
        Optional<Person> person = record.person();
        PersonDto who = new PersonDto(caller.login(), person.map(Person::name).orElse(caller.displayName()),
                caller.district(), districts.name(caller.district()).in(locale),
                person.map(p -> p.contact().mobile()).orElse(null), person.map(p -> p.contact().address()).orElse(null));
        List<EnrolmentDto> enrolments = record.enrolments().stream().map(e -> enrolment(e, locale)).toList();
        List<LedgerLine> unpaid = record.unpaid();
        return new MyRecord(who, enrolments, new Summary(record.paidMonths(), sum(unpaid, LineStatus.ARREARS),
                sum(unpaid, LineStatus.PAYABLE), sum(unpaid, LineStatus.ON_SLIP)));
    }

    @GET
    @Path("ledger")
    public Page<LedgerLine.Row> ledger(@Context SecurityContext security, @Context HttpHeaders headers,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("insuranceType") String type,
            @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("24") int size) {
        Account caller = Callers.require(security, Role.CITIZEN);
        Locale locale = Languages.of(headers);
        LineQuery query = MyLedgerQuery.of(Queries.month("from", from), Queries.month("to", to), type, status);
        Page<LedgerLine> lines = reads.page(caller.login(), query, LocalDate.now(clock), Paging.page(page), Paging.size(size));
        return new Page<>(lines.items().stream().map(l -> l.row(locale)).toList(), lines.total(), lines.page(), lines.size());
    }

    private static EnrolmentDto enrolment(Enrolment e, Locale locale) {
        return new EnrolmentDto(e.type().code(), e.type().label().in(locale), e.status().name(), e.status().label().in(locale),
                e.tierPercent(), e.start().toString(), e.payingUntil() == null ? null : e.payingUntil().toString());
    }

    private static BigDecimal sum(List<LedgerLine> lines, LineStatus status) {
        return TypeTotal.sum(TypeTotal.of(lines.stream().filter(l -> l.status() == status).toList()));
    }
}
