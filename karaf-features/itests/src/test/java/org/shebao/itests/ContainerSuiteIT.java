package org.shebao.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The Pax Exam classes, run as one suite so that they share one boot of the distribution
 * ({@code PerSuite}); failsafe runs this class instead of each of them (see the pom). {@link MyRecordsIT} comes first:
 * it reads the demo citizens as DEMO.md seeds them, before other classes do business for them.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({MyRecordsIT.class, PlatformIT.class, TaskFlowIT.class, ReviewIT.class, PipelineIT.class, RecordsIT.class, BusinessPluginsIT.class, ArrearsPluginsIT.class, AdminIT.class, ProblemReportIT.class,
        SeedScreensIT.class, DistrictSwitchIT.class, SlipMomentsIT.class, ProvisionalRatesIT.class, FormWellFormedIT.class, PluginCopyIT.class,
        PaymentsIT.class, PluginMigrationIT.class, LoginThrottleIT.class, PhotoBombIT.class, HardeningIT.class, LimitsIT.class, SessionsIT.class, PasswordsIT.class, AccountsIT.class, SharedPasswordAccountsIT.class, PluginSignaturesIT.class, MetricsIT.class,
        ApiDescriptionIT.class, BulkImportIT.class, NotificationsIT.class, RatingsIT.class})
public class ContainerSuiteIT {
}
