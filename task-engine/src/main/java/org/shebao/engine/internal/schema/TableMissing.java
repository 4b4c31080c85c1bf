package org.shebao.engine.internal.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * Changelog precondition: the table is not in the connection's schema yet. Liquibase's own {@code tableExists}
 * looks on Derby in a catalog named after the schema and so never finds a table (a database made by the first
 * release would be created twice); this asks the JDBC metadata, upper and lower case alike. Usage:
 * {@code <customPrecondition className="org.shebao.engine.internal.schema.TableMissing"><param name="table"
 * value="SB_TASK"/></customPrecondition>}.
 */
public class TableMissing implements CustomPrecondition {

    private String table;

    public void setTable(String table) {
        this.table = table;
    }

    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        try {
            Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            if (exists(connection.getMetaData(), connection.getSchema())) {
                throw new CustomPreconditionFailedException("Table " + table + " exists");
            }
        } catch (SQLException e) {
            throw new CustomPreconditionErrorException("Cannot look for table " + table, e);
        }
    }

    private boolean exists(DatabaseMetaData metaData, String schema) throws SQLException {
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
