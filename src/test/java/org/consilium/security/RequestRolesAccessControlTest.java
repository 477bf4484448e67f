package org.consilium.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The navigation access control the portal runs with: Vaadin's, built by Vaadin's configurer, with the roles read
 * from the request once Vaadin's own check has told the role prefix holder the prefix (at the first navigation).
 * The same configuration as {@link AccessMatrixTest}, so the same application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
class RequestRolesAccessControlTest {

    @Autowired
    NavigationAccessControl accessControl;
    @Autowired
    VaadinRolePrefixHolder rolePrefix;

    /** A view for staff only, as the portal's staff views declare it. */
    @RolesAllowed(Roles.STAFF)
    static class StaffOnlyView extends Div {
    }

    @Test
    void it_is_the_control_vaadins_security_installs() {
        assertThat(accessControl).isInstanceOf(RequestRolesAccessControl.class);
        assertThat(accessControl.isEnabled()).isTrue();
        assertThat(accessControl.hasAccessChecker(AnnotatedViewAccessChecker.class)).isTrue();
    }

    @Test
    void once_the_prefix_is_known_a_staff_view_opens_to_a_request_in_the_staff_role_and_to_no_other() {
        NavigationAccessControl control = control(new VaadinRolePrefixHolder("ROLE_"));

        assertThat(decision(control, requestInRoles(Set.of(Roles.STAFF)))).isEqualTo(AccessCheckDecision.ALLOW);
        assertThat(decision(control, requestInRoles(Set.of(Roles.RESEARCHER, Roles.PATIENT_REPRESENTATIVE))))
                .isEqualTo(AccessCheckDecision.DENY);
        assertThat(decision(control, requestInRoles(Set.of()))).isEqualTo(AccessCheckDecision.DENY);
    }

    @Test
    void once_the_prefix_is_known_the_request_is_not_asked_for_its_service_and_before_it_is_Vaadins_check_runs() {
        VaadinRequest known = requestInRoles(Set.of(Roles.STAFF));
        decision(control(new VaadinRolePrefixHolder("ROLE_")), known);
        // Vaadin's own check reaches its service lookup through the request's service
        verify(known, never()).getService();

        VaadinRequest first = requestInRoles(Set.of(Roles.STAFF));
        assertThat(decision(control(new VaadinRolePrefixHolder(null)), first)).isEqualTo(AccessCheckDecision.ALLOW);
        verify(first, atLeastOnce()).getService();
    }

    private static NavigationAccessControl control(VaadinRolePrefixHolder rolePrefix) {
        return new RequestRolesAccessControl(List.of(new AnnotatedViewAccessChecker(new AccessAnnotationChecker())),
                new DefaultAccessCheckDecisionResolver(), rolePrefix);
    }

    private static AccessCheckDecision decision(NavigationAccessControl control, VaadinRequest request) {
        VaadinService service = mock(VaadinService.class);
        when(service.getRouter()).thenReturn(mock(Router.class));
        return control.checkAccess(control.createNavigationContext(StaffOnlyView.class, "staff-only", service,
                request), true).decision();
    }

    private static VaadinRequest requestInRoles(Set<String> roles) {
        VaadinRequest request = mock(VaadinRequest.class);
        Principal user = () -> "someone";
        when(request.getUserPrincipal()).thenReturn(user);
        for (String role : Set.of(Roles.STAFF, Roles.RESEARCHER, Roles.PATIENT_REPRESENTATIVE, Roles.ADMINISTRATOR)) {
            when(request.isUserInRole(role)).thenReturn(roles.contains(role));
        }
        return request;
    }
}
