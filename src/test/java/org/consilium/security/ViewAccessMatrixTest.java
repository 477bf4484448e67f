package org.consilium.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.consilium.member.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Which role may open which view, as Vaadin's navigation access control decides it: the same
 * {@link AccessAnnotationChecker} reads the views' {@code @RolesAllowed}, {@code @PermitAll} and
 * {@code @AnonymousAllowed}. Every view found on the classpath must have a row here, and every row a
 * view, so a new view cannot slip in unreviewed. Record-level refusals inside a view (another's
 * proposal, another organisation's task) are in {@link AccessMatrixTest}.
 */
class ViewAccessMatrixTest {

    /** Not signed in. */
    static final String ANONYMOUS = "ANONYMOUS";
    /** Every role, not anonymous. */
    static final String ANY_SIGNED_IN = "ANY_SIGNED_IN";

    /**
     * The intended matrix: route (or class simple name for views without a route) → who may open it.
     * {@code ANONYMOUS} includes everyone signed in as well.
     */
    static final Map<String, Set<String>> EXPECTED = expected(
            row("login", ANONYMOUS),
            row("", ANY_SIGNED_IN),
            row("proposals", Role.RESEARCHER),
            row("proposals/:proposalId([0-9]{1,18})", ANY_SIGNED_IN),
            row("proposals/:proposalId([0-9]{1,18})/edit", Role.RESEARCHER),
            row("inbox", ANY_SIGNED_IN),
            row("tasks/:taskId/completeness", Role.STAFF),
            row("tasks/:taskId/vote", Role.PATIENT_REPRESENTATIVE),
            row("tasks/:taskId/quorum", Role.STAFF),
            row("tasks/:taskId/ethics", Role.ETHICS_REVIEWER),
            row("tasks/:taskId/agreement", Role.STAFF),
            row("tasks/:taskId/sign", Role.SIGNATORY),
            row("tasks/:taskId/chase", Role.STAFF),
            row("tasks/:taskId/close", Role.STAFF),
            row("agreements/verify", ANY_SIGNED_IN),
            row("audit", Role.STAFF, Role.ADMINISTRATOR),
            row("cockpit", Role.STAFF, Role.ADMINISTRATOR),
            row("cockpit/proposals", Role.STAFF, Role.ADMINISTRATOR),
            row("cockpit/tasks", Role.STAFF, Role.ADMINISTRATOR),
            row("cockpit/agreements", Role.STAFF, Role.ADMINISTRATOR),
            row("cockpit/stages", Role.STAFF, Role.ADMINISTRATOR),
            row("admin/people", Role.ADMINISTRATOR),
            row("admin/organisations", Role.ADMINISTRATOR),
            row("admin/operations", Role.ADMINISTRATOR),
            row("invitation/:token", ANONYMOUS),
            row("register", ANONYMOUS),
            row("register/:reference", ANONYMOUS));

    /** The shell and the error views: no route of their own, shown around or instead of one. */
    static final Map<String, Set<String>> EXPECTED_FRAMES = expected(
            row("MainLayout", ANONYMOUS),
            row("AccessRefusedView", ANY_SIGNED_IN),
            row("NotFoundView", ANY_SIGNED_IN));

    private static final AccessAnnotationChecker CHECKER = new AccessAnnotationChecker();

    /** Anonymous first, then every role on its own (a person holding several roles gets the union). */
    static List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        subjects.add(ANONYMOUS);
        Arrays.stream(Role.values()).map(Role::name).forEach(subjects::add);
        return subjects;
    }

    @TestFactory
    Stream<DynamicTest> every_route_opens_for_exactly_the_roles_in_the_matrix() {
        Map<String, Class<?>> views = routes();
        return views.entrySet().stream().flatMap(view -> subjects().stream().map(subject -> {
            boolean expected = allowed(EXPECTED.get(view.getKey()), subject);
            return DynamicTest.dynamicTest("/" + view.getKey() + " (" + view.getValue().getSimpleName() + ") | "
                    + subject + " → " + (expected ? "opens" : "refused"), () -> {
                assertThat(EXPECTED).as("matrix row for /%s", view.getKey()).containsKey(view.getKey());
                assertThat(hasAccess(view.getValue(), subject))
                        .as("%s may open /%s", subject, view.getKey()).isEqualTo(expected);
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> the_shell_and_the_error_views_open_for_exactly_the_roles_in_the_matrix() {
        Map<String, Class<?>> frames = frames();
        return frames.entrySet().stream().flatMap(frame -> subjects().stream().map(subject -> {
            boolean expected = allowed(EXPECTED_FRAMES.get(frame.getKey()), subject);
            return DynamicTest.dynamicTest(frame.getKey() + " | " + subject + " → " + (expected ? "opens" : "refused"),
                    () -> {
                        assertThat(EXPECTED_FRAMES).as("matrix row for %s", frame.getKey()).containsKey(frame.getKey());
                        assertThat(hasAccess(frame.getValue(), subject)).isEqualTo(expected);
                    });
        }));
    }

    @Test
    void every_view_has_a_row_and_every_row_a_view() {
        assertThat(routes().keySet()).as("routes found on the classpath vs. rows of the matrix")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(frames().keySet()).as("layouts and error views found vs. rows of the matrix")
                .containsExactlyInAnyOrderElementsOf(EXPECTED_FRAMES.keySet());
    }

    @Test
    void no_view_is_open_without_an_access_annotation_decision() {
        // A view with no annotation at all is refused to everyone by Vaadin; here it would mean a view
        // that nobody can open, which is a mistake rather than a safe default worth keeping.
        routes().forEach((route, view) -> assertThat(subjects().stream().anyMatch(s -> hasAccess(view, s)))
                .as("someone may open /%s", route).isTrue());
    }

    /** docs/security.md shows this very matrix: each of its rows, as generated here, is in the document. */
    @Test
    void the_documented_view_matrix_is_the_tested_one() throws IOException {
        Path generated = Path.of("target", "view-access-matrix.md");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, String.join("\n", documentedRows()) + "\n", StandardCharsets.UTF_8);
        String doc = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        List<String> missing = documentedRows().stream().filter(row -> !doc.contains(row)).toList();
        assertThat(missing).as("rows of the view table in docs/security.md that differ from the tested matrix"
                + " (all rows as tested are in %s)", generated.toAbsolutePath()).isEmpty();
    }

    /** The markdown rows of the view table in docs/security.md. */
    static List<String> documentedRows() {
        Map<String, Class<?>> views = routes();
        List<String> rows = new ArrayList<>();
        views.forEach((route, view) -> rows.add(markdownRow("`/" + route + "`", view, EXPECTED.get(route))));
        frames().forEach((name, view) -> rows.add(markdownRow("(" + name + ")", view, EXPECTED_FRAMES.get(name))));
        return rows;
    }

    private static String markdownRow(String name, Class<?> view, Set<String> allowed) {
        return "| " + name + " | " + view.getSimpleName() + " | " + subjects().stream()
                .map(s -> allowed(allowed, s) ? "✓" : "—").collect(Collectors.joining(" | ")) + " |";
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static boolean hasAccess(Class<?> view, String subject) {
        Principal principal = ANONYMOUS.equals(subject) ? null : () -> "someone-with-" + subject;
        return CHECKER.hasAccess(view, principal, role -> !ANONYMOUS.equals(subject) && role.equals(subject));
    }

    static boolean allowed(Set<String> row, String subject) {
        if (row == null) {
            return false;
        }
        return row.contains(ANONYMOUS) || row.contains(subject)
                || (row.contains(ANY_SIGNED_IN) && !ANONYMOUS.equals(subject));
    }

    /** Every {@code @Route} class under {@code org.consilium}, by route path, in path order. */
    static Map<String, Class<?>> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> views = new TreeMap<>();
        for (Class<?> view : scan(scanner)) {
            Class<?> previous = views.put(view.getAnnotation(Route.class).value(), view);
            assertThat(previous).as("two views at one route").isNull();
        }
        return views;
    }

    /** The layouts and the error views under {@code org.consilium}, by class simple name. */
    static Map<String, Class<?>> frames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        Map<String, Class<?>> frames = new TreeMap<>();
        scan(scanner).forEach(c -> frames.put(c.getSimpleName(), c));
        return frames;
    }

    private static List<Class<?>> scan(ClassPathScanningCandidateComponentProvider scanner) {
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.consilium")) {
            found.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), ViewAccessMatrixTest.class.getClassLoader()));
        }
        return found;
    }

    private static Map.Entry<String, Set<String>> row(String key, Object... who) {
        Set<String> names = new LinkedHashSet<>();
        for (Object w : who) {
            names.add(w instanceof Role r ? r.name() : w.toString());
        }
        return Map.entry(key, names);
    }

    @SafeVarargs
    private static Map<String, Set<String>> expected(Map.Entry<String, Set<String>>... rows) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> row : rows) {
            assertThat(map.put(row.getKey(), row.getValue())).as("duplicate row %s", row.getKey()).isNull();
        }
        return map;
    }
}
