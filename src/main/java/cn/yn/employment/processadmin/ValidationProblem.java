package cn.yn.employment.processadmin;

/**
 * One reason a BPMN model was refused: the id of the element it concerns (null when it concerns the whole
 * file), an i18n message key and one detail argument for the message.
 */
public record ValidationProblem(String elementId, String messageKey, String detail) {
}
