package org.dateline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules of ARCHITECTURE §3 and STYLE that module verification alone does not state. */
class ArchitectureRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dateline");

    @Test
    void siteReadsThroughQueriesAndWritesNothing() {
        noClasses().that().resideInAPackage("org.dateline.site..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dateline.newsroom..",
                        "org.springframework.jdbc..")
                .orShould().dependOnClassesThat().haveSimpleName("ArticleStore")
                .because("the public site reads through ContentQueries and never writes (ARCHITECTURE §3)")
                .check(classes);
    }

    @Test
    void feedsAndLivefeedNeverWrite() {
        noClasses().that().resideInAnyPackage("org.dateline.feeds..", "org.dateline.livefeed..")
                .should().dependOnClassesThat().haveSimpleName("ArticleStore")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .because("feeds and the newsfeed only read published content")
                .check(classes);
    }

    @Test
    void sharedDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.dateline.shared..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.dateline.shared..", "java..",
                        "org.springframework.modulith..")
                .because("shared holds value types only and depends on nothing (ARCHITECTURE §3)")
                .check(classes);
    }
}
