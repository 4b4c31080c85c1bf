package org.shebao.api.form;

import org.shebao.api.i18n.Text;

/** One option of a select field: the value stored, the label shown. */
public record Choice(String value, Text label) {
}
