package cn.yn.employment.migration;

/** The three files of a legacy export; loaded in this order, so users and reports can refer to enterprises. */
public enum FileKind {
    ENTERPRISES, USERS, REPORTS
}
