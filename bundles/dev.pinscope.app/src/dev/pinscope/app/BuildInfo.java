package dev.pinscope.app;

import org.osgi.framework.Version;

/**
 * What the About dialog and {@code pinscope --version} report: the release version and the build
 * id. Tycho stamps the build time into the bundle version's qualifier; a bundle run from a
 * workspace still carries the literal {@code qualifier}, which we report as a development build.
 */
public record BuildInfo(String version, String buildId) {

    public static final String PRODUCT_NAME = "Pinscope";

    public static BuildInfo of(Version bundleVersion) {
        String release = bundleVersion.getMajor() + "." + bundleVersion.getMinor() + "." + bundleVersion.getMicro();
        String qualifier = bundleVersion.getQualifier();
        String build = qualifier == null || qualifier.isEmpty() || "qualifier".equals(qualifier) ? "development" : qualifier;
        return new BuildInfo(release, build);
    }

    public static BuildInfo parse(String bundleVersion) {
        try {
            return of(Version.parseVersion(bundleVersion));
        } catch (IllegalArgumentException e) {
            return new BuildInfo(bundleVersion, "unknown");
        }
    }

    /** One line, as printed by {@code pinscope --version}. */
    public String describe() {
        return PRODUCT_NAME + " " + version + " (build " + buildId + ")";
    }
}
