package cn.yn.employment.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * The diagram of one process instance with its current step and the path already taken, to show inside a review
 * item or beside a subject's history. Implemented by the process-administration module (its bpmn-js viewer); empty
 * when the user may not see the instance.
 */
public interface ProcessDiagramProvider {

    Optional<Component> diagram(String processInstanceId);

    /** The route of the full-page diagram, e.g. {@code process/instance/1234}. */
    String path(String processInstanceId);
}
