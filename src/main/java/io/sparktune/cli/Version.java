package io.sparktune.cli;

import io.sparktune.core.ToolVersion;
import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"SparkTune " + ToolVersion.CURRENT};
    }
}
