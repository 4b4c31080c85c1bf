package org.shebao.engine.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.shebao.engine.internal.notify.Deliveries;

/**
 * {@code shebao:notifications-deliver}: tries now every notifier delivery that is due (a failed one after its
 * delay), rather than at the next periodic pass; prints what became of them.
 */
@Service
@Command(scope = "shebao", name = "notifications-deliver", description = "Tries the notifier deliveries that are due now")
public class NotificationsDeliverCommand implements Action {

    @Reference
    Deliveries deliveries;

    @Override
    public Object execute() {
        Deliveries.Summary s = deliveries.deliverDue();
        System.out.printf("delivered %d, to be tried again %d, given up %d%n", s.delivered(), s.retrying(), s.gaveUp());
        return null;
    }
}
