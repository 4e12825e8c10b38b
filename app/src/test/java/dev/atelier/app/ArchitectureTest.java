package dev.atelier.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// The app's layering rules (STYLE §11.5, ADR 0005).
class ArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.atelier.app");
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraphOrStages() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("view-models are unit-tested without the JavaFX toolkit")
                .check(app);
    }

    @Test
    void projectStateAndCommandsAreToolkitFree() {
        noClasses().that().resideInAPackage("dev.atelier.app.project..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.concurrent..")
                .check(app);
    }

    @Test
    void theCommandLineNeverLoadsTheToolkit() {
        noClasses().that().resideInAPackage("dev.atelier.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(app);
    }

    @Test
    void onlyThePersistenceLayerUsesJackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(app);
    }
}
