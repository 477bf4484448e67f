package org.consilium.perf.lifecycle;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.consilium.workflow.ProposalLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * The control of the same shape as the portal's process: {@code workflows/proposal-lifecycle.bpmn} itself, read
 * at run time, with every call into the portal replaced by a constant. Its gateways, sub-processes, boundary and
 * event sub-process subscriptions, timers, multi-instance round, service tasks and both decision tables run in
 * the engine as they do for the portal; only the portal's beans do not. Each service task calls
 * {@link Steps#step}, which does nothing but hand the two decision tables the inputs the portal's steps would
 * (nine approvals; aggregated data without genomics, so the expedited ethics route). Not a stereotype: the
 * benchmark's contexts import it for its {@code sameShape} bean.
 */
public class SameShapeProcess {

    static final String PROCESS_KEY = "same-shape-lifecycle";
    static final String BEAN = "sameShape";

    /** A name (not a member) followed by '.' or '(' inside an expression: a call into a bean, unless ours. */
    private static final Pattern CALL = Pattern.compile("(?<![.\\w])(?!" + BEAN + "\\b)([A-Za-z_]\\w*)\\s*[.(]");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    @Bean(BEAN)
    static Steps sameShapeSteps() {
        return new Steps();
    }

    /** The portal's process with its calls into the portal replaced; fails if any call is left. */
    static BpmnModelInstance model() {
        BpmnModelInstance model;
        try (InputStream portal = SameShapeProcess.class.getResourceAsStream("/workflows/proposal-lifecycle.bpmn")) {
            model = Bpmn.readModelFromStream(portal);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(PROCESS_KEY);
        process.setName("Proposal lifecycle without the portal (benchmark control)");
        String calls = "${" + BEAN + ".";
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.setCamundaExpression(calls + "step(execution)}");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() != null) {
                task.setCamundaDueDate(calls + "dueDate()}");
            }
            if (callsInto(task.getCamundaCandidateGroups())) {
                task.setCamundaCandidateGroups("SIGNATORIES_" + task.getId());
            }
            if (callsInto(task.getCamundaAssignee())) {
                task.setCamundaAssignee("applicant");
            }
            if (task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics round
                    && round.getCamundaCollection() != null) {
                round.setCamundaCollection(calls + "organisations()}");
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() != null) {
                timer.getTimeDate().setTextContent(calls + "dueDate()}");
            }
            if (timer.getTimeDuration() != null) {
                timer.getTimeDuration().setTextContent(calls + "duration()}");
            }
        }
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            if (callsInto(condition.getTextContent())) {
                condition.setTextContent("${false}");
            }
        }
        List<String> left = callsLeft(Bpmn.convertToString(model));
        if (!left.isEmpty()) {
            throw new IllegalStateException("The same-shape control still calls into the portal: " + left
                    + "; replace these in SameShapeProcess.model()");
        }
        return model;
    }

    private static boolean callsInto(String text) {
        return text != null && EXPRESSION.matcher(text).results().anyMatch(e -> CALL.matcher(e.group()).find());
    }

    static List<String> callsLeft(String xml) {
        List<String> left = new ArrayList<>();
        Matcher expressions = EXPRESSION.matcher(xml);
        while (expressions.find()) {
            if (CALL.matcher(expressions.group()).find()) {
                left.add(expressions.group());
            }
        }
        return left;
    }

    /** What the control calls instead of the portal: constants, and the decision tables' inputs. */
    public static final class Steps {

        static final String TALLY_VOTES = "TallyVotesTask";
        static final String PREPARE_ETHICS_ROUTE = "PrepareEthicsRouteTask";
        private static final List<Long> ORGANISATIONS = LongStream.rangeClosed(1, PortalLifecycles.PATIENT_ORGANISATIONS)
                .boxed().toList();

        /** A service task: nothing, except the inputs of the decision table that follows, as transient variables. */
        public void step(DelegateExecution execution) {
            switch (execution.getCurrentActivityId()) {
                case TALLY_VOTES -> {
                    int organisations = ORGANISATIONS.size();
                    execution.setVariable("organisations", Variables.integerValue(organisations, true));
                    execution.setVariable("nonAbstainingVotes", Variables.integerValue(organisations, true));
                    execution.setVariable("approvals", Variables.integerValue(organisations, true));
                    execution.setVariable("rejections", Variables.integerValue(0, true));
                }
                case PREPARE_ETHICS_ROUTE -> {
                    execution.setVariable("dataLevel", Variables.stringValue("AGGREGATED", true));
                    execution.setVariable("genomicData", Variables.booleanValue(false, true));
                }
                default -> {
                }
            }
        }

        /** The round's organisations, numbered as {@link ProposalLifecycle#patientOrganisationGroup} names them. */
        public List<Long> organisations() {
            return ORGANISATIONS;
        }

        public Date dueDate() {
            return Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
        }

        public String duration() {
            return "P30D";
        }
    }
}
