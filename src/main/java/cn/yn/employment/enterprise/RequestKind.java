package cn.yn.employment.enterprise;

/** A first filing, or a change to an approved filing. */
public enum RequestKind {
    NEW, CHANGE
}
