package org.consilium.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** The proposal's state and the workflow's state change together or not at all. */
@SpringBootTest
class SubmissionIsOneTransactionTest extends ProposalTestSupport {

    @MockitoSpyBean
    RuntimeService runtimeSpy;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void when_the_engine_refuses_to_start_the_process_the_submission_leaves_no_trace() {
        Long id = completeDraft();
        Integer countersBefore = jdbc.queryForObject("select coalesce(sum(last_number), 0) from proposal_reference_counter",
                Integer.class);
        doThrow(new ProcessEngineException("engine down")).when(runtimeSpy)
                .startProcessInstanceByKey(anyString(), anyString(), anyMap());

        assertThatThrownBy(() -> submit(id)).isInstanceOf(ProcessEngineException.class);

        doCallRealMethod().when(runtimeSpy).startProcessInstanceByKey(anyString(), anyString(), anyMap());
        signIn.as(researcher);
        ProposalDraft draft = proposals.openDraft(id);
        assertThat(draft.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(draft.reference()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from proposal_version where proposal_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select coalesce(sum(last_number), 0) from proposal_reference_counter",
                Integer.class)).isEqualTo(countersBefore);

        SubmissionReceipt receipt = submit(id);
        assertThat(runtimeSpy.createProcessInstanceQuery().processInstanceBusinessKey(receipt.reference()).count())
                .isEqualTo(1);
    }
}
