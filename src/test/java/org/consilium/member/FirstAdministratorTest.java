package org.consilium.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The first administrator of a production database comes from configuration, once, and never by default. */
class FirstAdministratorTest {

    private final MemberService members = mock(MemberService.class);

    @Test
    void an_empty_directory_gets_the_foundation_and_the_configured_administrator() {
        when(members.hasPeople()).thenReturn(false);
        when(members.registerOrganisation(any(), any(), any())).thenReturn(new OrganisationSummary(7L, "EHDF", "NL"));
        new FirstAdministrator(members, "root-admin", "a-long-secret-phrase", "it@ehdf.example", "EHDF").run(null);

        verify(members).registerOrganisation("EHDF", "NL", OrganisationType.FOUNDATION);
        ArgumentCaptor<NewPerson> person = ArgumentCaptor.forClass(NewPerson.class);
        verify(members).registerPerson(person.capture());
        assertThat(person.getValue().username()).isEqualTo("root-admin");
        assertThat(person.getValue().organisationId()).isEqualTo(7L);
        assertThat(person.getValue().roles()).containsExactly(Role.ADMINISTRATOR);
    }

    @Test
    void nobody_is_created_without_a_configured_password_or_once_people_exist() {
        when(members.hasPeople()).thenReturn(false);
        new FirstAdministrator(members, "root-admin", "", "", "EHDF").run(null);
        when(members.hasPeople()).thenReturn(true);
        new FirstAdministrator(members, "root-admin", "a-long-secret-phrase", "", "EHDF").run(null);
        verify(members, never()).registerPerson(any());
        verify(members, never()).registerOrganisation(eq("EHDF"), any(), any());
    }
}
