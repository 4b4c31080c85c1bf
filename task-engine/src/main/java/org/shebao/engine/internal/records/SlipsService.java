package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.records.Slip;
import org.shebao.api.records.Slips;
import org.shebao.engine.internal.db.Transactions;

/** Payment slips as a service: each call one transaction of the engine's unit. */
@Component(service = Slips.class)
public class SlipsService implements Slips {

    private final JpaTemplate jpa;
    private final SlipStore store;

    @Activate
    public SlipsService(@Reference(target = "(osgi.unit.name=shebao-engine)") JpaTemplate jpa, @Reference SlipStore store) {
        this.jpa = jpa;
        this.store = store;
    }

    @Override
    public List<Slip> slips(String idNumber) {
        return tx(em -> store.slips(em, idNumber));
    }

    @Override
    public Optional<Slip> slip(String voucherNo) {
        return tx(em -> store.slip(em, voucherNo));
    }

    @Override
    public Slip issue(String idNumber, List<Long> lineIds, LocalDate today) {
        return tx(em -> store.issue(em, idNumber, lineIds, today));
    }

    @Override
    public Slip cancel(String voucherNo, String cancelledBy, LocalDate today) {
        return tx(em -> store.cancel(em, voucherNo, cancelledBy, today));
    }

    @Override
    public Slip recordPayment(String voucherNo, String paymentRef, LocalDate paidOn) {
        return tx(em -> store.recordPayment(em, voucherNo, paymentRef, paidOn));
    }

    private <T> T tx(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
