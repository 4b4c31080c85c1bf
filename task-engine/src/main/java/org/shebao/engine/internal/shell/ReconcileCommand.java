package org.shebao.engine.internal.shell;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.payment.PaymentChannels;
import org.shebao.engine.internal.payment.Reconciliations;

/** {@code shebao:reconcile <file>}: imports a channel's reconciliation file and prints the report. */
@Service
@Command(scope = "shebao", name = "reconcile", description = "Imports a payment channel's reconciliation file (CSV)")
public class ReconcileCommand implements Action {

    @Reference
    Reconciliations reconciliations;

    @Reference
    PaymentChannels channels;

    @Argument(index = 0, name = "file", required = true, description = "CSV, UTF-8, header voucher_no,amount,paid_at,channel_ref")
    String file;

    @Option(name = "--channel", description = "The channel account the file comes from (default: the only one)")
    String channel;

    @Override
    public Object execute() throws Exception {
        String account = channels.require(channel);
        Reconciliations.Report r;
        try (InputStream in = PaymentChannels.limited(Files.newInputStream(Path.of(file)))) {
            r = reconciliations.importFile(account, new InputStreamReader(in, StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
        }
        StringBuilder out = new StringBuilder(String.format("%s from %s: %d rows, %d applied, %d already applied, %d exceptions",
                file, account, r.rows(), r.applied(), r.alreadyApplied(), r.exceptions().size()));
        r.exceptions().forEach(e -> out.append(String.format("%n  line %d %s %s %s", e.line(), e.voucherNo(), e.reason(), e.detail())));
        return out.toString();
    }
}
