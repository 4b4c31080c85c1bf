package org.shebao.engine.internal.payment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.shebao.api.ShebaoException;
import org.shebao.api.ShebaoException.FieldError;
import org.shebao.api.ShebaoException.Kind;
import org.shebao.api.account.Account;
import org.shebao.api.account.AccountService;
import org.shebao.api.account.Role;
import org.shebao.engine.internal.Messages;

/** The channel accounts a reconciliation file can come from, and the size a file may have. */
@Component(service = PaymentChannels.class)
public class PaymentChannels {

    /** 10 MB. */
    static final long MAX_FILE = 10L * 1024 * 1024;

    private final AccountService accounts;

    @Activate
    public PaymentChannels(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** The channel account named, or the only one when none is named; refused when there is no such account. */
    public String require(String named) {
        List<Account> all = accounts.withRole(Role.PAYMENT_CHANNEL);
        if (named == null || named.isBlank()) {
            if (all.size() != 1) {
                throw refusal("payment.channel.required", null);
            }
            return all.get(0).login();
        }
        return all.stream().map(Account::login).filter(named.trim()::equals).findFirst()
                .orElseThrow(() -> refusal("payment.channel.unknown", named.trim()));
    }

    private static ShebaoException refusal(String key, String channel) {
        return new ShebaoException(Kind.BAD_INPUT, "bad-channel", Messages.text(key, channel),
                List.of(new FieldError("channel", Messages.text(key, channel))));
    }

    /** The stream, refused (413) once it goes past 10 MB. */
    public static InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > MAX_FILE) {
                    throw new ShebaoException(Kind.TOO_LARGE, "file-too-large", Messages.text("payment.file.tooLarge"));
                }
            }
        };
    }
}
