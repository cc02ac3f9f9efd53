package cn.yn.employment.review;

/**
 * The outcome of one item of a bulk action: ok, or failed with an i18n message key and its arguments.
 */
public record BulkResult(String taskId, String enterpriseName, boolean ok, String messageKey, Object... args) {

    public static BulkResult ok(String taskId, String enterpriseName) {
        return new BulkResult(taskId, enterpriseName, true, null);
    }

    public static BulkResult failed(String taskId, String enterpriseName, String messageKey, Object... args) {
        return new BulkResult(taskId, enterpriseName, false, messageKey, args);
    }
}
