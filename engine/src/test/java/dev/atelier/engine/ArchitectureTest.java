package dev.atelier.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/// The engine's architecture rules (STYLE.md §11.5), checked on the main classes only.
@AnalyzeClasses(packages = "dev.atelier.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /// The engine is headless: no UI toolkit, and no dependency on the app that uses it.
    @ArchTest
    static final ArchRule engineIsHeadless = noClasses()
            .that().resideInAPackage("dev.atelier.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                    "dev.atelier.app..")
            .because("the engine runs without a screen and is used by the app, the CLI and tests alike");

    /// Only `persist` knows Jackson; domain records carry no Jackson annotations (mix-ins live in `persist`).
    @ArchTest
    static final ArchRule onlyPersistUsesJackson = noClasses()
            .that().resideInAPackage("dev.atelier..")
            .and().resideOutsideOfPackage("dev.atelier.engine.persist..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .because("file formats are persist's business; the rest of the engine stays format-agnostic");

    /// Java serialization is never used: nothing declares `Serializable` except exceptions (every `Throwable` is
    /// serializable) and enums (every enum is, through `java.lang.Enum`).
    @ArchTest
    static final ArchRule noSerializableClasses = noClasses()
            .that().resideInAPackage("dev.atelier..")
            .and().areNotAssignableTo(Throwable.class)
            .and().areNotEnums()
            .should().implement(Serializable.class)
            .because("Atelier persists through versioned JSON, never through Java serialization");

    /// Nor are object streams, which deserialize arbitrary classes.
    @ArchTest
    static final ArchRule noObjectStreams = noClasses()
            .that().resideInAPackage("dev.atelier..")
            .should().dependOnClassesThat().belongToAnyOf(ObjectOutputStream.class, ObjectInputStream.class)
            .because("Java deserialization is a security risk and an unversioned format");

    /// Names say what a class is responsible for.
    @ArchTest
    static final ArchRule noGrabBagNames = noClasses()
            .that().resideInAPackage("dev.atelier..")
            .should().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Helpers")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("STYLE.md §10.1: name the responsibility instead");

    /// The engine reports through results, diagnostics and exceptions, never by printing.
    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
