package org.shebao.engine.internal.payment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.i18n.Text;
import org.shebao.engine.internal.Messages;
import org.shebao.engine.internal.payment.PaymentEntity.Status;

/**
 * A channel's daily reconciliation file (CSV, UTF-8, header {@code voucher_no,amount,paid_at,channel_ref}): each row
 * applied as a report of the channel, so that importing a file twice changes nothing; a malformed row is reported
 * with its line number and the others still apply.
 */
@Component(service = Reconciliations.class)
public class Reconciliations {

    /** A row not applied: its line, voucher, reason (a refusal, {@code MALFORMED} or {@code CHANNEL_REF_REUSED}). */
    public record RowProblem(int line, String voucherNo, String reason, String detail) {
    }

    /** What the import did. */
    public record Report(int rows, int applied, int alreadyApplied, List<RowProblem> exceptions) {
    }

    static final String HEADER = "voucher_no,amount,paid_at,channel_ref";

    private final Payments payments;

    @Activate
    public Reconciliations(@Reference Payments payments) {
        this.payments = payments;
    }

    public Report importFile(String channel, Reader csv, Locale locale) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        String header = in.readLine();
        if (header == null || !header.replace("\uFEFF", "").replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new ShebaoException(Kind.BAD_INPUT, "bad-reconciliation-header", Messages.text("payment.file.header", HEADER));
        }
        int rows = 0;
        int applied = 0;
        int already = 0;
        List<RowProblem> problems = new ArrayList<>();
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            List<String> cells = Csv.cells(line);
            String voucher = cells.isEmpty() ? "" : cells.get(0).trim();
            try {
                if (cells.size() != 4) {
                    throw new ShebaoException(Kind.BAD_INPUT, "malformed", Messages.text("payment.file.columns", cells.size()));
                }
                Payments.Received r = payments.receive(channel, PaymentReport.parse(cells.get(0), cells.get(1),
                        cells.get(2), cells.get(3)), "FILE:" + lineNo);
                if (r.outcome().status() == Status.APPLIED) {
                    if (r.repeat()) {
                        already++;
                    } else {
                        applied++;
                    }
                } else {
                    problems.add(new RowProblem(lineNo, voucher, r.outcome().reason().name(),
                            Messages.text("payment.reason." + r.outcome().reason().name()).in(locale)));
                }
            } catch (ShebaoException e) {
                String reason = "channel-ref-reused".equals(e.code()) ? "CHANNEL_REF_REUSED" : "MALFORMED";
                problems.add(new RowProblem(lineNo, voucher, reason, detail(e, locale)));
            }
        }
        return new Report(rows, applied, already, problems);
    }

    private static String detail(ShebaoException e, Locale locale) {
        StringBuilder out = new StringBuilder(e.detail().in(locale));
        for (ShebaoException.FieldError f : e.errors()) {
            out.append(' ').append(f.field()).append(": ").append(f.message().in(locale));
        }
        return out.toString();
    }

}
