package org.shebao.itests;

import java.util.concurrent.atomic.AtomicInteger;

import org.shebao.api.account.AccountService;
import org.shebao.api.records.ResidentId;

/** Test citizens with valid resident ID numbers, made through the platform's account service. */
public final class Citizens {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 500) + 100);

    private Citizens() {
    }

    /** A valid ID number for the region, born 1990-01-01, with the given 3-digit sequence. */
    public static String idNumber(String region, int sequence) {
        return ResidentId.withCheck(region + "19900101" + String.format("%03d", sequence % 1000)).value();
    }

    /** A new citizen of the district, logged in on a new client. */
    public static Http loggedIn(AccountService accounts, String district, int port) {
        String id = idNumber(district, NEXT.getAndIncrement());
        accounts.saveCitizen(id, "测试" + id.substring(14, 17), district, PASSWORD.toCharArray());
        Http http = new Http(port);
        http.login(id, PASSWORD);
        return http;
    }
}
