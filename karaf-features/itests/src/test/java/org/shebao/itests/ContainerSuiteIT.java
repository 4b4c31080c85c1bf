package org.shebao.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The Pax Exam classes, run as one suite so that they share one boot of the distribution
 * ({@code PerSuite}); failsafe runs this class instead of each of them (see the pom).
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({PlatformIT.class, TaskFlowIT.class, ReviewIT.class, PipelineIT.class, RecordsIT.class, BusinessPluginsIT.class, ArrearsPluginsIT.class, AdminIT.class, ProblemReportIT.class,
        SeedScreensIT.class, DistrictSwitchIT.class, SlipMomentsIT.class, ProvisionalRatesIT.class, FormWellFormedIT.class, PluginCopyIT.class})
public class ContainerSuiteIT {
}
