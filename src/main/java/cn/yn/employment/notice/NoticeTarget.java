package cn.yn.employment.notice;

/** Who a notice is for: everyone, the enterprises and reviewers of chosen cities, or the enterprises of one industry section. */
public enum NoticeTarget {
    ALL, CITIES, INDUSTRY
}
