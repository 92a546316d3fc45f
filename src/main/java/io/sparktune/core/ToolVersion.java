package io.sparktune.core;

import java.util.Optional;

/** SparkTune's version, from the jar's manifest: what {@code --version} prints and sweep.json records. */
public final class ToolVersion {
    /** "dev" when the classes do not come from the packaged jar, as in tests. */
    public static final String CURRENT = Optional.ofNullable(ToolVersion.class.getPackage().getImplementationVersion()).orElse("dev");

    private ToolVersion() {
    }
}
