package cn.yn.employment.review;

/**
 * What a reviewer hands an item over with: 转办 (TRANSFER: the colleague becomes the assignee for good), 委派 (DELEGATE:
 * the colleague looks at it and RESOLVEs, and it comes back to the owner) or 抄送 (COPY: for information only).
 */
public enum HandoverAction {
    TRANSFER, DELEGATE, RESOLVE, COPY
}
