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

    @Test
    void aFolderIsReadWholeButTheJarsRoutesByName() {
        assertThat(Application.routesIncludePattern("file:routes")).isEqualTo("file:routes/*.yaml");
        assertThat(Application.routesIncludePattern("classpath:routes"))
                .as("no classpath wildcard: it scans every jar").isEqualTo("classpath:routes/example-new-account.yaml");
    }

    @Test
    void theJarsListOfRoutesIsTheRoutesFolder() throws Exception {
        try (var files = Files.list(Path.of("routes"))) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.endsWith(".kamelet.yaml")))
                    .as("every route file of routes/ (the jar carries them all)")
                    .containsExactlyInAnyOrderElementsOf(Application.PACKAGED_ROUTES);
        }
    }
}
