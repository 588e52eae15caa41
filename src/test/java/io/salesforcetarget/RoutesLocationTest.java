package io.salesforcetarget;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesLocationTest {

    @Test
    void aRoutesFolderInTheWorkingDirectoryWinsOverThePackagedCopy(@TempDir Path folder) throws Exception {
        assertThat(Application.routesLocation(folder)).isEqualTo("classpath:routes");
        Files.createDirectory(folder.resolve("routes"));
        assertThat(Application.routesLocation(folder)).isEqualTo("file:routes");
    }

    @Test
    void aFileNamedRoutesIsNotAFolder(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("routes"), "not a folder");
        assertThat(Application.routesLocation(folder)).isEqualTo("classpath:routes");
    }
}
