package org.consilium.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * The administration screens build some keys from names (a role, a kind of organisation, a refusal, a BPMN element):
 * TranslationsTest sees only whole keys in the code, so these are checked here, in both languages.
 */
class AdminTextsTest {

    @Test
    void every_role_kind_of_organisation_and_refusal_has_a_text_in_english_and_french() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Role role : Role.values()) {
            keys.add(AdminTexts.ROLE_KEY + role.name());
        }
        for (OrganisationType type : OrganisationType.values()) {
            keys.add(AdminTexts.TYPE_KEY + type.name());
        }
        for (InvitationRefused.Reason reason : InvitationRefused.Reason.values()) {
            keys.add("admin.invitation.refused." + reason.name() + ".title");
            keys.add("admin.invitation.refused." + reason.name() + ".text");
        }
        for (OrganisationsView.StateFilter state : OrganisationsView.StateFilter.values()) {
            keys.add("admin.organisations.state." + state.name());
        }
        keys.add("admin.invitation.error.closed." + InvitationState.USED.name());
        keys.add("admin.invitation.error.closed." + InvitationState.REVOKED.name());
        for (String language : PreferenceService.LANGUAGES) {
            keys.add("admin.language." + language);
        }
        for (InvitationState state : InvitationState.values()) {
            keys.add("admin.invitations.state." + state.name());
        }
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(keys);
        assertThat(load("messages_fr.properties").stringPropertyNames()).containsAll(keys);
    }

    @Test
    void every_element_of_the_governance_process_has_a_step_name_in_english_and_french() throws IOException {
        List<String> keys;
        try (InputStream bpmn = getClass().getResourceAsStream("/workflows/proposal-lifecycle.bpmn")) {
            keys = Bpmn.readModelFromStream(bpmn).getModelElementsByType(FlowNode.class).stream()
                    .map(node -> "admin.step." + node.getId()).toList();
        }
        assertThat(keys).hasSizeGreaterThan(50);
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(keys);
        assertThat(load("messages_fr.properties").stringPropertyNames()).containsAll(keys);
    }

    private static Properties load(String file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = AdminTextsTest.class.getResourceAsStream("/i18n/" + file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
