package cn.yn.employment.review;

/** The inbox tabs: 待办 (open in my group), 已办 (completed by me), 被退回 (returned to my city by the province). */
public enum InboxTab {
    TODO, DONE, RETURNED
}
