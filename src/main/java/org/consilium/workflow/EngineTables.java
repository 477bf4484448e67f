package org.consilium.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The names of the engine's tables that the portal reads by SQL (the inbox, a task by its id, its variables and
 * candidate groups, deadlines), as the engine itself names them: asked once, with any configured table prefix.
 */
@Component
class EngineTables {

    private final String task;
    private final String variable;
    private final String identityLink;
    private final String execution;
    private final String processDefinition;

    EngineTables(ManagementService management) {
        task = management.getTableName(TaskEntity.class);
        variable = management.getTableName(VariableInstanceEntity.class);
        identityLink = management.getTableName(IdentityLinkEntity.class);
        execution = management.getTableName(ExecutionEntity.class);
        processDefinition = management.getTableName(ProcessDefinitionEntity.class);
    }

    /** ACT_RU_TASK */
    String task() {
        return task;
    }

    /** ACT_RU_VARIABLE */
    String variable() {
        return variable;
    }

    /** ACT_RU_IDENTITYLINK */
    String identityLink() {
        return identityLink;
    }

    /** ACT_RU_EXECUTION */
    String execution() {
        return execution;
    }

    /** ACT_RE_PROCDEF */
    String processDefinition() {
        return processDefinition;
    }
}
