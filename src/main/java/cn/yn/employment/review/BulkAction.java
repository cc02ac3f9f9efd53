package cn.yn.employment.review;

public enum BulkAction {
    APPROVE, RETURN
}
