package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.pinscope.app.BuildInfo;

class BuildInfoTest {

    @Test
    void releaseBuildShowsVersionAndTimestampBuildId() {
        BuildInfo info = BuildInfo.parse("0.1.0.202611241400");
        assertEquals("0.1.0", info.version());
        assertEquals("202611241400", info.buildId());
        assertEquals("Pinscope 0.1.0 (build 202611241400)", info.describe());
    }

    @Test
    void workspaceBuildIsReportedAsDevelopment() {
        assertEquals("development", BuildInfo.parse("1.2.3.qualifier").buildId());
        assertEquals("development", BuildInfo.parse("1.2.3").buildId());
    }

    @Test
    void garbageVersionDoesNotThrow() {
        BuildInfo info = BuildInfo.parse("not a version");
        assertEquals("unknown", info.buildId());
    }
}
