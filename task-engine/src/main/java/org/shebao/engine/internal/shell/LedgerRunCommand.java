package org.shebao.engine.internal.shell;

import java.time.Clock;
import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.records.LedgerJob;

/** {@code shebao:ledger-run}: runs the ledger job now. */
@Service
@Command(scope = "shebao", name = "ledger-run", description = "Brings every ledger up to date now: amounts due, arrears, expired slips")
public class LedgerRunCommand implements Action {

    @Reference
    LedgerJob job;

    @Reference
    Clock clock;

    @Option(name = "--date", description = "The day to bring the ledgers up to (YYYY-MM-DD); default today")
    String date;

    @Override
    public Object execute() {
        LocalDate day = date == null || date.isBlank() ? LocalDate.now(clock) : LocalDate.parse(date.trim());
        long start = System.nanoTime();
        LedgerJob.Result r = job.run(day);
        System.out.printf("Ledger up to %s: %d persons (%s; %d one by one), %d lines created or changed, %d failed,"
                + " %d re-rated, %d slips reminded in %.1f s%n", r.day(), r.persons(), r.setBased() ? "set-based"
                : "person by person", r.oneByOne(), r.changed(), r.failed(), r.rerated(), r.reminded(),
                (System.nanoTime() - start) / 1e9);
        return null;
    }
}
