package org.shebao.engine.internal.payment;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;
import org.shebao.api.ShebaoException;

public class PaymentReportTest {

    @Test
    public void aReportIsReadExactlyAndTheSameInstantIsTheSameReport() {
        PaymentReport r = PaymentReport.parse(" 20261202000000000001 ", "1630.8", "2026-12-02T10:15:00+08:00", "PO-1");
        assertEquals(new BigDecimal("1630.80"), r.amount());
        assertEquals("20261202000000000001", r.voucherNo());
        assertEquals(r.digest(), PaymentReport.parse("20261202000000000001", "1630.80", "2026-12-02T02:15:00Z", "PO-1").digest());
        assertNotEquals(r.digest(), PaymentReport.parse("20261202000000000001", "1630.81", "2026-12-02T10:15:00+08:00", "PO-1").digest());
    }

    @Test
    public void eachBadPartIsNamed() {
        for (String[] bad : List.of(new String[] {"", "1.00", "2026-12-02T10:15:00+08:00", "R", "voucherNo"},
                new String[] {"V", "0", "2026-12-02T10:15:00+08:00", "R", "amount"},
                new String[] {"V", "1.001", "2026-12-02T10:15:00+08:00", "R", "amount"},
                new String[] {"V", "-5", "2026-12-02T10:15:00+08:00", "R", "amount"},
                new String[] {"V", "1e3", "2026-12-02T10:15:00+08:00", "R", "amount"},
                new String[] {"V", "1.00", "2026-12-02T10:15:00", "R", "paidAt"},
                new String[] {"V", "1.00", "2026-12-02T10:15:00+08:00", " ", "channelRef"},
                new String[] {"V", "1.00", "2026-12-02T10:15:00+08:00", "R".repeat(65), "channelRef"})) {
            try {
                PaymentReport.parse(bad[0], bad[1], bad[2], bad[3]);
                fail("accepted " + String.join(",", bad));
            } catch (ShebaoException e) {
                assertEquals(bad[4], e.errors().get(0).field());
            }
        }
    }

    @Test
    public void csvCellsFollowRfc4180() {
        assertEquals(List.of("a", "b,c", "d\"e", ""), Csv.cells("a,\"b,c\",\"d\"\"e\","));
        assertEquals(List.of("20260000000000000001", "12.00"), Csv.cells("20260000000000000001,12.00"));
    }
}
